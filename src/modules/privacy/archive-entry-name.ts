/**
 * A name for a file inside the export archive, from a name a patient or a member of staff chose: one
 * path segment (no folders, no `..`), no control or invisible formatting characters (a right-to-left
 * override can disguise `exe.pdf`), at most 100 characters, never empty. The caller prefixes it to
 * keep names unique.
 */
export function archiveEntryName(name: string | null, fallback: string): string {
  const cleaned = (name ?? '')
    .normalize('NFC')
    .replace(/[\p{Cc}\p{Cf}\p{Zl}\p{Zp}]/gu, '')
    .replace(/[/\\:*?"<>|]/g, '_')
    .replace(/^[.\s]+|[.\s]+$/g, '')
    .trim();
  const name100 = [...cleaned].slice(-100).join('');
  return name100.length > 0 ? name100 : fallback;
}
