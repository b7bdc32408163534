import { describe, expect, it } from 'vitest';
import { cleanFileName, contentDisposition } from './content-disposition.ts';

describe('contentDisposition', () => {
  it('carries any name as RFC 5987 UTF-8 with an ASCII fallback', () => {
    expect(contentDisposition('attachment', 'résultats-分析-😀.pdf')).toBe(
      `attachment; filename="resultats-__-_.pdf"; filename*=UTF-8''r%C3%A9sultats-%E5%88%86%E6%9E%90-%F0%9F%98%80.pdf`,
    );
    expect(contentDisposition('inline', "l'ordonnance (2) *final*.png")).toBe(
      `inline; filename="l'ordonnance (2) *final*.png"; filename*=UTF-8''l%27ordonnance%20%282%29%20%2Afinal%2A.png`,
    );
  });

  it('never lets a quote, a line break or a non-ASCII byte into the header', () => {
    for (const name of [
      'a"b\\c%41.pdf',
      'x\r\nSet-Cookie: a=b.pdf',
      'naïve\u0000.txt',
      '\ud800broken.pdf',
      '',
    ]) {
      const header = contentDisposition('attachment', name);
      expect(header, name).toMatch(
        /^attachment; filename="[\x20-\x21\x23-\x24\x26-\x5b\x5d-\x7e]*"; filename\*=UTF-8''[A-Za-z0-9%!._~-]*$/,
      );
    }
    expect(contentDisposition('attachment', '')).toContain('filename="file"');
  });
});

describe('cleanFileName', () => {
  it('keeps the last path segment, without control or direction characters, at most 200 characters', () => {
    expect(cleanFileName('C:\\fakepath\\radio.png')).toBe('radio.png');
    expect(cleanFileName('../../etc/passwd')).toBe('passwd');
    expect(cleanFileName('photo\u202egpj.exe')).toBe('photogpj.exe');
    expect(cleanFileName('bilan\u0000\u0007.pdf')).toBe('bilan.pdf');
    expect(cleanFileName('👩🏽‍⚕️ consigne.pdf')).toBe('👩🏽‍⚕️ consigne.pdf');
    expect([...(cleanFileName('é'.repeat(500)) ?? '')]).toHaveLength(200);
    expect(cleanFileName('..')).toBeNull();
    expect(cleanFileName('  ')).toBeNull();
    expect(cleanFileName(null)).toBeNull();
  });
});
