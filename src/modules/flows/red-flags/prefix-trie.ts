interface TrieNode {
  children: Map<number, TrieNode>;
  /** Ids of the prefixes that end here. */
  ids: number[];
}

/**
 * Prefixes (the lexicon's stems, the words protected from typo correction), read by walking a word's
 * letters from the root: finding which of them a word begins with cuts no substring, and this runs for
 * every word of every message.
 */
export class PrefixTrie {
  readonly #root: TrieNode = { children: new Map(), ids: [] };

  add(prefix: string, id: number): void {
    let node = this.#root;
    for (let i = 0; i < prefix.length; i += 1) {
      const code = prefix.charCodeAt(i);
      let child = node.children.get(code);
      if (child === undefined) {
        child = { children: new Map(), ids: [] };
        node.children.set(code, child);
      }
      node = child;
    }
    if (!node.ids.includes(id)) node.ids.push(id);
  }

  /** Adds to `found` the ids of every prefix the word begins with (the word itself included). */
  collect(word: string, found: Set<number>): void {
    let node: TrieNode | undefined = this.#root;
    for (let i = 0; i < word.length && node !== undefined; i += 1) {
      node = node.children.get(word.charCodeAt(i));
      if (node !== undefined) for (const id of node.ids) found.add(id);
    }
  }

  /** Whether the word begins with one of the prefixes. */
  hasPrefixOf(word: string): boolean {
    let node: TrieNode | undefined = this.#root;
    for (let i = 0; i < word.length && node !== undefined; i += 1) {
      node = node.children.get(word.charCodeAt(i));
      if (node !== undefined && node.ids.length > 0) return true;
    }
    return false;
  }
}
