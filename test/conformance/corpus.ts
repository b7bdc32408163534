import { existsSync, readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/** The folders of a WhatsApp corpus: webhook bodies in the first three, Graph API answers in the last. */
export const CORPUS_FOLDERS = ['inbound', 'statuses', 'other', 'graph-responses'] as const;

export type CorpusFolder = (typeof CORPUS_FOLDERS)[number];

/**
 * The shared corpus folder when it is there, else null after one line saying where it was looked for.
 * Only a missing folder counts as "not there": a folder that exists but is empty is a broken corpus, and
 * the replay fails on it rather than quietly testing less.
 */
export function locateCorpus(
  folder: URL,
  announce: (line: string) => void,
  channel: { name: string; fixtures: string } = { name: 'WhatsApp', fixtures: 'whatsapp' },
): URL | null {
  if (existsSync(folder)) return folder;
  announce(
    `${channel.name} conformance: external corpus not found in ${fileURLToPath(folder)}; ` +
      `running the project fixtures only (test/conformance/fixtures/${channel.fixtures}/).`,
  );
  return null;
}

export interface FolderFiles {
  /** `X` for every `X.json` that is not an expected file. */
  payloads: string[];
  /** `X` for every `X.expected.json`. */
  expected: string[];
  /** Anything else: a file the replay would silently skip. */
  stray: string[];
}

/** The files of one corpus folder, sorted; a missing folder holds none. */
export function filesIn(root: URL, folder: string): FolderFiles {
  const url = new URL(`${folder}/`, root);
  const names = existsSync(url) ? readdirSync(url).sort() : [];
  const files: FolderFiles = { payloads: [], expected: [], stray: [] };
  for (const name of names) {
    if (name.endsWith('.expected.json')) files.expected.push(name.slice(0, -'.expected.json'.length));
    else if (name.endsWith('.json')) files.payloads.push(name.slice(0, -'.json'.length));
    else files.stray.push(name);
  }
  return files;
}

/** Entries of the corpus root that are not a folder the replay reads (a new folder would go untested). */
export function unexpectedEntries(root: URL, known: readonly string[] = CORPUS_FOLDERS): string[] {
  return readdirSync(root)
    .filter((name) => !known.includes(name))
    .sort();
}
