/**
 * `Content-Disposition` for a file Careline serves (RFC 6266): the name in UTF-8, percent-encoded as
 * RFC 5987 `filename*`, and an ASCII `filename` for the few clients that ignore `filename*`. Any name
 * works — `résultats-分析-😀.pdf` included — because nothing but ASCII ever reaches the header.
 */
export function contentDisposition(disposition: 'attachment' | 'inline', fileName: string): string {
  const name = cleanFileName(fileName) ?? 'file';
  return `${disposition}; filename="${asciiFallback(name)}"; filename*=UTF-8''${percentEncoded(name)}`;
}

/**
 * A file name as someone gave it, made fit to keep and to hand back: the last path segment, without
 * control characters or the direction marks that disguise an extension (`photo‮gpj.exe`), at most
 * 200 characters; null when nothing is left.
 */
export function cleanFileName(raw: string | null | undefined): string | null {
  const last = (raw ?? '').split(/[/\\]/).pop() ?? '';
  const wellFormed = last.replace(LONE_SURROGATE, '\ufffd');
  const clean = [...wellFormed.normalize('NFC').replace(UNWANTED, '').trim()].slice(0, 200).join('');
  return clean === '' || clean === '.' || clean === '..' ? null : clean;
}

// Half a UTF-16 pair (JSON can carry one) cannot be percent-encoded: it becomes U+FFFD.
const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;
const UNWANTED = /[\p{Cc}\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069\u2028\u2029]/gu;

/** Accents dropped, anything else outside printable ASCII (and the quote, backslash and %) as `_`. */
function asciiFallback(name: string): string {
  return name
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .replace(/[^\x20-\x7e]|["\\%]/gu, '_');
}

/** RFC 5987 attr-char: encodeURIComponent leaves `'()*` as they are, which the grammar does not allow. */
function percentEncoded(name: string): string {
  return encodeURIComponent(name).replace(
    /['()*]/g,
    (char) => `%${char.charCodeAt(0).toString(16).toUpperCase()}`,
  );
}
