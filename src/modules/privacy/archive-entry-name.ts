/**
 * A name for a file inside the export archive, from a name a patient or a member of staff chose: its
 * last path segment only (as browsers do with a download's name), no control or invisible formatting
 * characters (a right-to-left override can disguise `exe.pdf`), no leading dots, characters Windows
 * refuses replaced, at most 100 characters (the end kept: the extension), never empty. The caller
 * prefixes it to keep names unique.
 */
export function archiveEntryName(name: string | null, fallback: string): string {
  const visible = (name ?? '').normalize('NFC').replace(/[\p{Cc}\p{Cf}\p{Zl}\p{Zp}]/gu, '');
  const last = visible.split(/[/\\]/).findLast((segment) => segment.trim() !== '') ?? '';
  const cleaned = last
    .replace(/[:*?"<>|]/g, '_')
    .replace(/^[.\s]+|[.\s]+$/g, '')
    .trim();
  const short = [...cleaned].slice(-100).join('');
  return short.length > 0 ? short : fallback;
}
