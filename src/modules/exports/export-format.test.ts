import { describe, expect, test } from 'vitest';
import { csvCell, csvHeader, csvRecord, ndjsonRecord } from './export-format.ts';

describe('CSV cells (RFC 4180)', () => {
  test('plain values are written as they are, null as an empty cell', () => {
    expect(csvCell('Bonjour')).toBe('Bonjour');
    expect(csvCell(3)).toBe('3');
    expect(csvCell(true)).toBe('true');
    expect(csvCell(null)).toBe('');
  });

  test('commas, quotes and line breaks are quoted, quotes doubled', () => {
    expect(csvCell('a, b')).toBe('"a, b"');
    expect(csvCell('il a dit "oui"')).toBe('"il a dit ""oui"""');
    expect(csvCell('ligne 1\nligne 2')).toBe('"ligne 1\nligne 2"');
    expect(csvCell('a\r\nb')).toBe('"a\r\nb"');
  });

  test('a text a spreadsheet would run as a formula starts with an apostrophe', () => {
    expect(csvCell('=HYPERLINK("http://x","clic")')).toBe(`"'=HYPERLINK(""http://x"",""clic"")"`);
    expect(csvCell('+33 6 12')).toBe("'+33 6 12");
    expect(csvCell('-1')).toBe("'-1");
    expect(csvCell('@SUM(A1)')).toBe("'@SUM(A1)");
    expect(csvCell('\tcmd')).toBe("'\tcmd");
    expect(csvCell('\rcmd')).toBe(`"'\rcmd"`);
    // A number is data, not a formula written by someone.
    expect(csvCell(-1)).toBe('-1');
  });

  test('a record follows the columns, CRLF-terminated, missing cells empty', () => {
    const columns = ['id', 'text', 'rating'];
    expect(csvHeader(columns)).toBe('id,text,rating\r\n');
    expect(csvRecord(columns, { rating: 5, id: 'x', text: 'a,b' })).toBe('x,"a,b",5\r\n');
    expect(csvRecord(columns, { id: 'y' })).toBe('y,,\r\n');
  });
});

describe('NDJSON', () => {
  test('one parseable object per line, in the columns order, newlines escaped', () => {
    const line = ndjsonRecord(['id', 'text'], { text: 'a\nb', id: 'x' });
    expect(line.endsWith('\n')).toBe(true);
    expect(line.slice(0, -1)).not.toContain('\n');
    expect(Object.keys(JSON.parse(line))).toEqual(['id', 'text']);
    expect(JSON.parse(line)).toEqual({ id: 'x', text: 'a\nb' });
  });
});
