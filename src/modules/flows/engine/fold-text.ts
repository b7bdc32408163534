/**
 * Text as people mean it rather than as they type it: "  Conseils Santé ! " and "conseils sante" are
 * the same answer. Lower case, accents and emoji dropped, punctuation turned into single spaces.
 */
export function foldText(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}
