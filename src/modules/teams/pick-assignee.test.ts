import { describe, expect, test } from 'vitest';
import { type AssigneeCandidate, pickAssignee } from './pick-assignee.ts';

const A = '00000000-0000-4000-8000-00000000000a';
const B = '00000000-0000-4000-8000-00000000000b';
const C = '00000000-0000-4000-8000-00000000000c';

function agent(userId: string, overrides: Partial<AssigneeCandidate> = {}): AssigneeCandidate {
  return { userId, online: true, openCount: 0, capacity: 10, ...overrides };
}

describe('pickAssignee', () => {
  test('manual mode never picks anyone', () => {
    expect(pickAssignee('manual', [agent(A), agent(B)], null)).toBeNull();
  });

  test('nobody available gives null, in every automatic mode', () => {
    for (const mode of ['round_robin', 'least_open'] as const) {
      expect(pickAssignee(mode, [], null)).toBeNull();
      expect(pickAssignee(mode, [agent(A, { online: false }), agent(B, { openCount: 10 })], null)).toBeNull();
    }
  });

  describe('round robin', () => {
    test('starts with the first member in a stable order (by id), whatever the input order', () => {
      expect(pickAssignee('round_robin', [agent(C), agent(A), agent(B)], null)).toBe(A);
    });

    test('goes to the member after the last one, then wraps around', () => {
      const team = [agent(B), agent(C), agent(A)];
      expect(pickAssignee('round_robin', team, A)).toBe(B);
      expect(pickAssignee('round_robin', team, B)).toBe(C);
      expect(pickAssignee('round_robin', team, C)).toBe(A);
    });

    test('skips members offline or at capacity', () => {
      const team = [agent(A), agent(B, { online: false }), agent(C, { openCount: 3, capacity: 3 })];
      expect(pickAssignee('round_robin', team, A)).toBe(A);
      expect(pickAssignee('round_robin', [agent(A), agent(B, { online: false }), agent(C)], A)).toBe(C);
    });

    test('continues after a last assignee who has left the team', () => {
      expect(pickAssignee('round_robin', [agent(A), agent(C)], B)).toBe(C);
      expect(pickAssignee('round_robin', [agent(A), agent(B)], C)).toBe(A);
    });
  });

  describe('least open', () => {
    test('picks the member with the fewest open conversations', () => {
      const team = [agent(A, { openCount: 4 }), agent(B, { openCount: 1 }), agent(C, { openCount: 2 })];
      expect(pickAssignee('least_open', team, null)).toBe(B);
    });

    test('breaks ties by the stable order, not by whose turn it was', () => {
      const team = [agent(C, { openCount: 1 }), agent(B, { openCount: 1 }), agent(A, { openCount: 5 })];
      expect(pickAssignee('least_open', team, B)).toBe(B);
    });

    test('ignores members offline or at capacity even when they have fewer', () => {
      const team = [
        agent(A, { openCount: 0, online: false }),
        agent(B, { openCount: 2, capacity: 2 }),
        agent(C, { openCount: 5 }),
      ];
      expect(pickAssignee('least_open', team, null)).toBe(C);
    });
  });
});
