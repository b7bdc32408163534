/** What a contact search looks for: name words, and phone digits when the query looks like a number. */
export interface ContactTerms {
  /** A `to_tsquery('simple', …)` expression: every word, the last one as a prefix (typing "chl" finds Chloé). */
  words: string | null;
  /** Digits the phone (E.164, compared without "+" or spaces) must contain. */
  phoneDigits: string | null;
  /** A national number typed with its trunk 0 ("06 12…"): after the country code, the phone starts with these. */
  nationalDigits: string | null;
}

const MIN_PHONE_DIGITS = 4;
const MAX_WORDS = 8;

/**
 * Splits the query into letters-and-digits words only, so nothing the user types can be read as
 * tsquery syntax (&, |, !, :, quotes).
 */
export function contactTerms(q: string): ContactTerms {
  const words = (q.match(/[\p{L}\p{Nd}]+/gu) ?? []).slice(0, MAX_WORDS);
  const last = words.length - 1;
  const digits = q.replace(/\D/g, '');
  const phoneLike = /^[\d\s+().-]+$/.test(q) && digits.length >= MIN_PHONE_DIGITS;
  return {
    words: words.length > 0 ? words.map((w, i) => (i === last ? `${w}:*` : w)).join(' & ') : null,
    phoneDigits: phoneLike ? digits.replace(/^00/, '') : null,
    nationalDigits: phoneLike && /^0[1-9]/.test(digits) ? digits.slice(1) : null,
  };
}
