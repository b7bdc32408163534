import { describe, expect, test } from 'vitest';
import { inSequences } from './job-sequences.ts';

describe('inSequences', () => {
  const job = (id: number, conversation?: string) => ({ id, conversation });
  const byConversation = (j: { conversation?: string }) => j.conversation;

  test('jobs of one conversation form one sequence in claimed order, at the place of the first', () => {
    const batch = [job(1, 'a'), job(2, 'b'), job(3, 'a'), job(4), job(5, 'a'), job(6, 'b')];
    expect(inSequences(batch, byConversation).map((s) => s.map((j) => j.id))).toEqual([
      [1, 3, 5],
      [2, 6],
      [4],
    ]);
  });

  test('without a key, or with none given, every job runs on its own', () => {
    const batch = [job(1), job(2, 'a'), job(3, 'a')];
    expect(inSequences(batch, undefined).map((s) => s.map((j) => j.id))).toEqual([[1], [2], [3]]);
    expect(inSequences([job(1), job(2)], byConversation)).toHaveLength(2);
  });
});
