import { describe, expect, test } from 'vitest';
import { hostOptions } from './menu-choices.ts';

describe('hostOptions', () => {
  test('keeps the host’s order, with only the fields a menu shows', () => {
    const listed = hostOptions(
      [
        { id: 'slot:b', title: 'mer. 3 mars 9 h', start: '2027-03-03T08:00:00Z' },
        { id: 'slot:a', title: 'mar. 2 mars 9 h', description: 'Dr Martin' },
      ],
      [],
    );
    expect(listed).toEqual([
      { id: 'slot:b', title: 'mer. 3 mars 9 h' },
      { id: 'slot:a', title: 'mar. 2 mars 9 h', description: 'Dr Martin' },
    ]);
  });

  test('anything but a list offers nothing', () => {
    expect(hostOptions(undefined, [])).toEqual([]);
    expect(hostOptions(null, [])).toEqual([]);
    expect(hostOptions({ id: 'a', title: 'A' }, [])).toEqual([]);
  });

  test('skips items a patient could not pick, and ids already offered', () => {
    const listed = hostOptions(
      [
        'lundi',
        { title: 'no id' },
        { id: '', title: 'empty id' },
        { id: 'x'.repeat(201), title: 'id too long for a list row' },
        { id: 'a', title: ' ' },
        { id: 'other', title: 'clashes with a fixed option' },
        { id: 'b', title: 'B' },
        { id: 'b', title: 'B again' },
      ],
      ['other'],
    );
    expect(listed).toEqual([{ id: 'b', title: 'B' }]);
  });
});
