/**
 * The longest single emoji is a family with skin tones, 19 UTF-16 units; anything longer than this is
 * not one emoji, and is refused before any grapheme is counted.
 */
export const MAX_EMOJI_LENGTH = 64;

const graphemes = new Intl.Segmenter(undefined, { granularity: 'grapheme' });

/** Empty or one grapheme; reads at most two graphemes, however long the text. */
export function isAtMostOneGrapheme(text: string): boolean {
  const segments = graphemes.segment(text)[Symbol.iterator]();
  segments.next();
  return segments.next().done === true;
}
