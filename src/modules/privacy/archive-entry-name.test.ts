import { describe, expect, test } from 'vitest';
import { archiveEntryName } from './archive-entry-name.ts';

describe('names inside a patient’s export archive', () => {
  test.each([
    ['../../etc/passwd', 'passwd'],
    ['..\\..\\Windows\\win.ini', 'win.ini'],
    ['notes/..', 'document-1'],
    ['C:\\boot.ini', 'boot.ini'],
    ['rapport: final?.pdf', 'rapport_ final_.pdf'],
    ['radio\u0000\u0007 genou.png', 'radio genou.png'],
    // A right-to-left override would show "facture‮fdp.exe" as "factureexe.pdf".
    ['facture\u202Efdp.exe', 'facturefdp.exe'],
    ['ligne\u2028deux.txt', 'lignedeux.txt'],
    ['...', 'document-1'],
    ['', 'document-1'],
    [null, 'document-1'],
    ['Résultats de Chloé.pdf', 'Résultats de Chloé.pdf'],
  ])('%j → %j', (name, expected) => {
    expect(archiveEntryName(name, 'document-1')).toBe(expected);
  });

  test('a long name keeps its end (the extension), within 100 characters', () => {
    const name = archiveEntryName(`${'a'.repeat(300)}.pdf`, 'x');
    expect([...name]).toHaveLength(100);
    expect(name.endsWith('.pdf')).toBe(true);
  });
});
