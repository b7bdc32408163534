import { describe, expect, test } from 'vitest';
import { interleaveByKey } from './fair-order.ts';

interface Job {
  clinic: string;
  id: string;
}

const job = (clinic: string, id: string): Job => ({ clinic, id });
const byClinic = (item: Job) => item.clinic;
const ids = (jobs: Job[]) => jobs.map((item) => item.id);

describe('interleaveByKey', () => {
  test('clinic B’s single reply is not stuck behind clinic A’s 10,000-message broadcast', () => {
    const broadcast = Array.from({ length: 10_000 }, (_, i) => job('A', `a${i}`));
    const jobs = [...broadcast, job('B', 'b-reply')];
    expect(ids(interleaveByKey(jobs, byClinic, 10))).toEqual([
      'a0',
      'b-reply',
      'a1',
      'a2',
      'a3',
      'a4',
      'a5',
      'a6',
      'a7',
      'a8',
    ]);
  });

  test('takes turns in order of first appearance and keeps each clinic’s own order', () => {
    const jobs = [
      job('A', 'a1'),
      job('A', 'a2'),
      job('B', 'b1'),
      job('A', 'a3'),
      job('C', 'c1'),
      job('B', 'b2'),
      job('A', 'a4'),
    ];
    expect(ids(interleaveByKey(jobs, byClinic))).toEqual(['a1', 'b1', 'c1', 'a2', 'b2', 'a3', 'a4']);
  });

  test('limit cuts the result; 0 gives nothing, more than there is gives everything', () => {
    const jobs = [job('A', 'a1'), job('A', 'a2'), job('B', 'b1')];
    expect(ids(interleaveByKey(jobs, byClinic, 2))).toEqual(['a1', 'b1']);
    expect(interleaveByKey(jobs, byClinic, 0)).toEqual([]);
    expect(ids(interleaveByKey(jobs, byClinic, 50))).toEqual(['a1', 'b1', 'a2']);
    expect(ids(interleaveByKey(jobs, byClinic, Number.POSITIVE_INFINITY))).toEqual(['a1', 'b1', 'a2']);
    expect(interleaveByKey([], byClinic, 5)).toEqual([]);
  });

  test('returns the same items, leaves the input alone, and allows any key type', () => {
    const jobs = [job('A', 'a1'), job('B', 'b1'), job('A', 'a2')];
    const copy = [...jobs];
    const result = interleaveByKey(jobs, (item) => item.clinic === 'A', 3);
    expect(result[0]).toBe(jobs[0]);
    expect(jobs).toEqual(copy);
    expect(ids(result)).toEqual(['a1', 'b1', 'a2']);
  });

  test('items that are themselves undefined are kept', () => {
    expect(interleaveByKey([undefined, 1, undefined], (item) => typeof item)).toEqual([
      undefined,
      1,
      undefined,
    ]);
  });

  test('a nonsense limit is refused', () => {
    expect(() => interleaveByKey([1], String, -1)).toThrow(RangeError);
    expect(() => interleaveByKey([1], String, 1.5)).toThrow(RangeError);
    expect(() => interleaveByKey([1], String, Number.NaN)).toThrow(RangeError);
  });
});
