import { describe, expect, test } from 'vitest';
import { placeOnDay } from './day-layout.ts';

const PARIS = 'Europe/Paris';
const at = (id: string, start: string, end: string) => ({ id, start, end });

function layout(items: ReturnType<typeof at>[], date: string) {
  return placeOnDay(items, date, PARIS).map((b) => ({
    id: b.item.id,
    top: b.top,
    length: b.length,
    lane: b.lane,
    lanes: b.lanes,
  }));
}

describe('placing appointments in a day’s column', () => {
  test('at their wall-clock time in the clinic’s zone, as long as they last', () => {
    // 9:00 in Paris is 07:00 UTC in summer.
    expect(layout([at('a', '2026-05-04T07:00:00Z', '2026-05-04T07:20:00Z')], '2026-05-04')).toEqual([
      { id: 'a', top: 540, length: 20, lane: 0, lanes: 1 },
    ]);
  });

  test('overlapping ones share the width; the next one alone takes it all again', () => {
    const items = [
      at('late', '2026-05-04T08:00:00Z', '2026-05-04T08:20:00Z'),
      at('first', '2026-05-04T07:00:00Z', '2026-05-04T07:20:00Z'),
      at('overlap', '2026-05-04T07:10:00Z', '2026-05-04T07:30:00Z'),
      at('after-first', '2026-05-04T07:20:00Z', '2026-05-04T07:40:00Z'),
    ];
    expect(layout(items, '2026-05-04')).toEqual([
      { id: 'first', top: 540, length: 20, lane: 0, lanes: 2 },
      { id: 'overlap', top: 550, length: 20, lane: 1, lanes: 2 },
      // Starts as the first ends: it takes the first's lane back.
      { id: 'after-first', top: 560, length: 20, lane: 0, lanes: 2 },
      { id: 'late', top: 600, length: 20, lane: 0, lanes: 1 },
    ]);
  });

  test('another day’s appointments are left out; one across midnight is cut at the day’s edge', () => {
    const items = [
      at('yesterday', '2026-05-03T07:00:00Z', '2026-05-03T07:20:00Z'),
      at('night', '2026-05-04T21:30:00Z', '2026-05-04T22:30:00Z'),
    ];
    expect(layout(items, '2026-05-04')).toEqual([{ id: 'night', top: 1410, length: 30, lane: 0, lanes: 1 }]);
    expect(layout(items, '2026-05-05')).toEqual([{ id: 'night', top: 0, length: 30, lane: 0, lanes: 1 }]);
  });

  test('on the day clocks go forward, a 9:00 appointment still sits at 9:00', () => {
    expect(layout([at('a', '2026-03-29T07:00:00Z', '2026-03-29T07:30:00Z')], '2026-03-29')).toEqual([
      { id: 'a', top: 540, length: 30, lane: 0, lanes: 1 },
    ]);
  });
});
