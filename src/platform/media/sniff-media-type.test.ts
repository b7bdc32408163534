import { describe, expect, it } from 'vitest';
import { sniffMediaType } from './sniff-media-type.ts';

const bytes = (...parts: Array<string | number[]>) =>
  Buffer.concat(
    parts.map((part) => (typeof part === 'string' ? Buffer.from(part, 'latin1') : Buffer.from(part))),
  );

/** First bytes of real files of each format (published signatures, as the encoders write them). */
const SAMPLES = {
  jpeg: bytes([0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10], 'JFIF\0'),
  png: bytes([0x89], 'PNG\r\n', [0x1a, 0x0a, 0, 0, 0, 0x0d], 'IHDR'),
  webp: bytes('RIFF', [0x24, 0x08, 0, 0], 'WEBPVP8 '),
  mp4: bytes([0, 0, 0, 0x20], 'ftypisom', [0, 0, 2, 0], 'isomiso2avc1mp41'),
  m4a: bytes([0, 0, 0, 0x20], 'ftypM4A ', [0, 0, 0, 0], 'M4A isom'),
  threeGp: bytes([0, 0, 0, 0x14], 'ftyp3gp4', [0, 0, 0, 0], '3gp4'),
  opus: bytes('OggS', [0, 2], Array(20).fill(0), [1, 0x13], 'OpusHead', [1, 1]),
  vorbis: bytes('OggS', [0, 2], Array(20).fill(0), [1, 0x1e, 1], 'vorbis'),
  mp3: bytes('ID3', [4, 0, 0, 0, 0, 0, 0]),
  mp3Frame: bytes([0xff, 0xfb, 0x90, 0x64]),
  aac: bytes([0xff, 0xf1, 0x50, 0x80]),
  amr: bytes('#!AMR\n'),
  pdf: bytes('%PDF-1.7\n%\xe2\xe3\xcf\xd3\n'),
  ole: bytes([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1], Array(16).fill(0)),
  zip: bytes('PK', [3, 4, 20, 0, 6, 0], '[Content_Types].xml'),
};

describe('sniffMediaType', () => {
  it('recognises the formats the channels carry by their first bytes', () => {
    expect(sniffMediaType(SAMPLES.jpeg)).toBe('image/jpeg');
    expect(sniffMediaType(SAMPLES.png)).toBe('image/png');
    expect(sniffMediaType(SAMPLES.webp)).toBe('image/webp');
    expect(sniffMediaType(SAMPLES.mp4)).toBe('video/mp4');
    expect(sniffMediaType(SAMPLES.m4a)).toBe('audio/mp4');
    expect(sniffMediaType(SAMPLES.threeGp)).toBe('video/3gpp');
    expect(sniffMediaType(SAMPLES.opus)).toBe('audio/ogg');
    expect(sniffMediaType(SAMPLES.mp3)).toBe('audio/mpeg');
    expect(sniffMediaType(SAMPLES.mp3Frame)).toBe('audio/mpeg');
    expect(sniffMediaType(SAMPLES.aac)).toBe('audio/aac');
    expect(sniffMediaType(SAMPLES.amr)).toBe('audio/amr');
    expect(sniffMediaType(SAMPLES.pdf)).toBe('application/pdf');
    expect(sniffMediaType(Buffer.from('Rendez-vous mardi à 9 h.\nDr Martin'))).toBe('text/plain');
  });

  it('lets the declared type or the name choose only within a family the bytes cannot split', () => {
    const docx = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';
    expect(sniffMediaType(SAMPLES.zip, { declaredType: docx })).toBe(docx);
    expect(sniffMediaType(SAMPLES.zip, { fileName: 'bilan.xlsx' })).toBe(
      'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    );
    expect(sniffMediaType(SAMPLES.zip, { fileName: 'archive.zip' })).toBe('application/zip');
    expect(sniffMediaType(SAMPLES.ole, { fileName: 'courrier.DOC' })).toBe('application/msword');
    expect(sniffMediaType(SAMPLES.ole)).toBe('application/x-ole-storage');
    expect(sniffMediaType(SAMPLES.mp4, { declaredType: 'audio/mp4' })).toBe('audio/mp4');
    // A declared type outside the family changes nothing: the bytes say what the file is.
    expect(sniffMediaType(SAMPLES.pdf, { declaredType: 'image/png', fileName: 'x.png' })).toBe(
      'application/pdf',
    );
    expect(sniffMediaType(SAMPLES.zip, { declaredType: 'application/pdf' })).toBe('application/zip');
  });

  it('reports markup as what a browser would render, whatever it is called', () => {
    const page = Buffer.from('\n  <html><script>fetch("/api/v1/users")</script></html>');
    expect(sniffMediaType(page, { declaredType: 'text/plain', fileName: 'notes.txt' })).toBe('text/html');
    expect(sniffMediaType(Buffer.from('<!-- x --><img src=x onerror=alert(1)>'))).toBe('text/html');
    expect(sniffMediaType(Buffer.from('\uFEFF<svg xmlns="http://www.w3.org/2000/svg"/>'))).toBe(
      'image/svg+xml',
    );
    expect(sniffMediaType(Buffer.from('<?xml version="1.0"?><svg/>'))).toBe('application/xml');
  });

  it('answers null for what it does not know: binary, other text encodings, nothing', () => {
    expect(sniffMediaType(Buffer.from([0x7f, 0x45, 0x4c, 0x46, 2, 1, 1, 0]))).toBeNull();
    expect(sniffMediaType(Buffer.from('MZ\x90\0\x03\0', 'latin1'))).toBeNull();
    expect(sniffMediaType(Buffer.from([0xc3, 0x28, 0x41]))).toBeNull();
    expect(sniffMediaType(Buffer.from('text with a NUL\0 inside'))).toBeNull();
    expect(sniffMediaType(Buffer.alloc(0))).toBeNull();
    expect(sniffMediaType(SAMPLES.vorbis)).toBe('application/ogg');
  });

  it('reads text whose head ends inside a character', () => {
    const text = Buffer.from('Résultats 😀');
    expect(sniffMediaType(text.subarray(0, text.length - 2))).toBe('text/plain');
  });
});
