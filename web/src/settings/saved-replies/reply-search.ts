import type { SavedReply } from '../../api/settings-types.ts';

/** Replies whose shortcut or text contains every word typed, accents and case aside. */
export function repliesMatching(replies: SavedReply[], search: string): SavedReply[] {
  const words = fold(search).replace(/^\//, '').split(/\s+/).filter(Boolean);
  if (words.length === 0) return replies;
  return replies.filter((reply) => {
    const haystack = fold(`/${reply.shortcut} ${reply.text}`);
    return words.every((word) => haystack.includes(word));
  });
}

function fold(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase();
}
