import { describe, expect, test } from 'vitest';
import { advance } from './advance.ts';
import type { FlowContext } from './flow-context.ts';
import type { FlowDefinition } from './flow-definition.schema.ts';
import type { FlowSession } from './flow-session.ts';

// Behaviour of whole flows lives in spec/<step type>/*.json; these are the guards around a session that
// the spec files cannot express: a session from another flow version, a step gone from the flow,
// bookkeeping.

const context: FlowContext = {
  now: '2027-03-01T08:00:00.000Z',
  org: { name: 'Cabinet', timeZone: 'Europe/Paris', defaultLanguage: 'fr', businessHours: { weekly: {} } },
  contact: { firstName: 'Camille', fields: {}, tags: [] },
  channel: {
    kind: 'whatsapp',
    capabilities: { buttons: 3, listRows: 10, buttonTitleMax: 20, rowTitleMax: 24 },
  },
};

const flow: FlowDefinition = {
  key: 'intake',
  version: 2,
  name: 'Accueil',
  start: 'q',
  steps: {
    q: { type: 'ask', kind: 'text', prompt: 'Motif ?', saveAs: 'reason', next: 'again' },
    again: { type: 'goto', next: 'q' },
  },
};

function waitingSession(): FlowSession {
  const { session } = advance(flow, null, { kind: 'start', sessionId: 'row-7' }, context);
  return session;
}

describe('advance', () => {
  test('a new session remembers its flow version, language and start', () => {
    expect(waitingSession()).toEqual({
      id: 'row-7',
      flowKey: 'intake',
      flowVersion: 2,
      status: 'waiting_input',
      stepId: 'q',
      attempts: 0,
      visits: 1,
      answers: {},
      vars: {},
      language: 'fr',
      startedAt: '2027-03-01T08:00:00.000Z',
      updatedAt: '2027-03-01T08:00:00.000Z',
      history: ['q'],
    });
  });

  test('a session of another flow version fails rather than run steps it was not written for', () => {
    const session = { ...waitingSession(), flowVersion: 1 };
    const result = advance(flow, session, { kind: 'message', text: 'toux' }, context);
    expect(result.effects).toEqual([{ type: 'end', status: 'failed', reason: 'flow_mismatch' }]);
    expect(result.session.status).toBe('failed');
  });

  test('a session on a step the flow no longer has fails', () => {
    const session = { ...waitingSession(), stepId: 'removed' };
    const result = advance(flow, session, { kind: 'message', text: 'toux' }, context);
    expect(result.effects).toEqual([{ type: 'end', status: 'failed', reason: 'missing_step' }]);
  });

  test('a start input restarts a session in progress', () => {
    const session = { ...waitingSession(), answers: { reason: 'old' }, visits: 9 };
    const result = advance(flow, session, { kind: 'start', sessionId: 'row-7' }, context);
    expect(result.session).toMatchObject({ answers: {}, visits: 1, status: 'waiting_input' });
  });

  test('the history keeps the last 50 steps entered', () => {
    let session = waitingSession();
    for (let i = 0; i < 40; i += 1) {
      session = advance(flow, session, { kind: 'message', text: `réponse ${i}` }, context).session;
    }
    expect(session.visits).toBe(81);
    expect(session.history).toHaveLength(50);
    expect(session.history.at(-1)).toBe('q');
    expect(session.answers).toEqual({ reason: 'réponse 39' });
  });

  test('an ignored input hands back the very session passed in', () => {
    const session = waitingSession();
    const result = advance(flow, session, { kind: 'timer', timerId: 'row-7/q/1/0' }, context);
    expect(result).toEqual({ session, effects: [], ignored: 'stale_timer' });
  });
});
