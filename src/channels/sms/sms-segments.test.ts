import { describe, expect, test } from 'vitest';
import { countSmsSegments } from './sms-segments.ts';

describe('SMS segments', () => {
  test('an empty text is no SMS', () => {
    expect(countSmsSegments('')).toMatchObject({ encoding: 'GSM-7', segments: 0, units: 0 });
  });

  test('160 GSM-7 characters are one SMS, 161 are two of 153', () => {
    expect(countSmsSegments('a'.repeat(160))).toMatchObject({ encoding: 'GSM-7', segments: 1, remaining: 0 });
    expect(countSmsSegments('a'.repeat(161))).toMatchObject({
      encoding: 'GSM-7',
      segments: 2,
      perSegment: 153,
      remaining: 145,
    });
    expect(countSmsSegments('a'.repeat(306)).segments).toBe(2);
    expect(countSmsSegments('a'.repeat(307)).segments).toBe(3);
  });

  test('French accents of the GSM alphabet stay GSM-7; others make the text UCS-2', () => {
    expect(countSmsSegments('Votre rendez-vous à 9h est confirmé. Répondez 1 ou 2.').encoding).toBe('GSM-7');
    const ucs = countSmsSegments('Rendez-vous chez le Dr Lefèvre, à côté de l’hôpital');
    expect(ucs.encoding).toBe('UCS-2');
    expect(ucs.nonGsm).toEqual(['ô', '’']);
  });

  test('the extension table counts double and is never split across parts', () => {
    expect(countSmsSegments('€'.repeat(80))).toMatchObject({ encoding: 'GSM-7', units: 160, segments: 1 });
    expect(countSmsSegments('€'.repeat(81))).toMatchObject({ units: 162, segments: 2 });
    // 152 septets then a two-septet character: it moves whole to the second part.
    expect(countSmsSegments(`${'a'.repeat(152)}€${'a'.repeat(152)}`).segments).toBe(3);
  });

  test('UCS-2: 70 units are one SMS, 71 are two of 67; an emoji takes two units', () => {
    expect(countSmsSegments(`${'é'.repeat(69)}ô`)).toMatchObject({ encoding: 'UCS-2', segments: 1 });
    expect(countSmsSegments('ô'.repeat(71))).toMatchObject({ segments: 2, perSegment: 67 });
    expect(countSmsSegments('😀'.repeat(35))).toMatchObject({ units: 70, segments: 1 });
    expect(countSmsSegments('😀'.repeat(36))).toMatchObject({ units: 72, segments: 2 });
    // 33 emoji take 66 units; the 34th does not fit whole in the first part's 67.
    expect(countSmsSegments('😀'.repeat(67)).segments).toBe(3);
  });
});
