import { describe, expect, test } from 'vitest';
import { accessReportCsv, csvCell } from './access-report-csv.ts';

describe('the access report as CSV', () => {
  test('quotes what RFC 4180 asks and nothing else', () => {
    expect(csvCell('plain text')).toBe('plain text');
    expect(csvCell('Dupont, Marie')).toBe('"Dupont, Marie"');
    expect(csvCell('le "suivi"')).toBe('"le ""suivi"""');
    expect(csvCell('two\nlines')).toBe('"two\nlines"');
  });

  test('a cell a spreadsheet would run as a formula reads as text', () => {
    expect(csvCell('=HYPERLINK("http://evil")')).toBe(`"'=HYPERLINK(""http://evil"")"`);
    expect(csvCell('+33612345678')).toBe("'+33612345678");
    expect(csvCell('-1')).toBe("'-1");
    expect(csvCell('@SUM(A1)')).toBe("'@SUM(A1)");
    expect(csvCell('\tcmd')).toBe("'\tcmd");
  });

  test('a header, CRLF line ends and a BOM', () => {
    const csv = accessReportCsv([
      {
        when: '2026-12-06T10:00:00.000Z',
        who: 'Dr A',
        role: 'admin',
        what: 'read Patient',
        fromWhere: '10.0.0.1',
        reason: '',
      },
    ]);
    expect(csv).toBe(
      '\uFEFFwhen,who,role,what,from where,reason\r\n2026-12-06T10:00:00.000Z,Dr A,admin,read Patient,10.0.0.1,\r\n',
    );
  });
});
