/** One line of a patient's "who has seen my file" report. */
export interface AccessReportLine {
  when: string;
  who: string;
  role: string;
  what: string;
  fromWhere: string;
  reason: string;
}

const HEADER: AccessReportLine = {
  when: 'when',
  who: 'who',
  role: 'role',
  what: 'what',
  fromWhere: 'from where',
  reason: 'reason',
};

/**
 * The report as CSV (RFC 4180: CRLF line ends, fields quoted when they hold a quote, comma or line
 * break, quotes doubled), with a BOM so spreadsheet programs read it as UTF-8. A cell starting with
 * = + - @ (or a tab or carriage return) would run as a formula in a spreadsheet: it gets a leading
 * apostrophe, so it reads as the text it is.
 */
export function accessReportCsv(lines: readonly AccessReportLine[]): string {
  const rows = [HEADER, ...lines].map((line) =>
    [line.when, line.who, line.role, line.what, line.fromWhere, line.reason].map(csvCell).join(','),
  );
  return `\uFEFF${rows.join('\r\n')}\r\n`;
}

export function csvCell(value: string): string {
  const neutral = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(neutral) ? `"${neutral.replaceAll('"', '""')}"` : neutral;
}
