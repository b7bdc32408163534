import { z } from 'zod';

/** Meta counts limits in characters (code points), not UTF-16 units: "é" and "😀" are one each. */
export function characterCount(text: string): number {
  return [...text].length;
}

/** A string of 1 to `max` characters (0 to `max` with `allowEmpty`), the limit named in the error. */
export function limitedText(max: number, options: { allowEmpty?: boolean } = {}) {
  const base = options.allowEmpty ? z.string() : z.string().min(1, 'must not be empty');
  return base.refine((text) => characterCount(text) <= max, {
    message: `must be at most ${max} characters long`,
  });
}

/** An `http(s)` URL, as Graph requires for links. */
export const httpUrl = z.url({ protocol: /^https?$/, error: 'must be an http(s) URL' });
