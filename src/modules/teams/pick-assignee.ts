import type { AssignmentMode } from './team.schema.ts';

export interface AssigneeCandidate {
  userId: string;
  online: boolean;
  /** Open conversations already assigned to this person. */
  openCount: number;
  capacity: number;
}

/**
 * Who gets the next conversation of a team: only online members under their capacity are eligible.
 * Round robin goes to the first eligible member after the last one given a conversation, in a stable
 * order (ascending user id), wrapping around; least-open goes to the eligible member with the fewest
 * open conversations, ties broken by the same order. Null when the mode is manual or nobody is free.
 */
export function pickAssignee(
  mode: AssignmentMode,
  candidates: readonly AssigneeCandidate[],
  lastAssignedUserId: string | null,
): string | null {
  if (mode === 'manual') return null;
  const ordered = [...candidates].sort((a, b) => compareIds(a.userId, b.userId));
  const eligible = ordered.filter((c) => c.online && c.openCount < c.capacity);
  if (eligible.length === 0) return null;
  switch (mode) {
    case 'round_robin': {
      // The last one may have left the team: the turn still passes to whoever comes after them in order.
      const next =
        lastAssignedUserId === null
          ? undefined
          : eligible.find((c) => compareIds(c.userId, lastAssignedUserId) > 0);
      return (next ?? eligible[0])?.userId ?? null;
    }
    case 'least_open': {
      let best = eligible[0];
      for (const candidate of eligible) {
        if (best === undefined || candidate.openCount < best.openCount) best = candidate;
      }
      return best?.userId ?? null;
    }
  }
}

function compareIds(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
