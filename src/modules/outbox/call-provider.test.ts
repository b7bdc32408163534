import { describe, expect, it } from 'vitest';
import type { ChannelSender } from './channel-sender.ts';
import { callProvider, type PlannedSend } from './outbox.service.ts';

function plannedWith(send: ChannelSender['send']): PlannedSend {
  return {
    message: { id: '3c1d5e0a-7b2f-4f6e-9d8c-1a2b3c4d5e6f', replyToExternalId: null },
    outbound: { type: 'text', text: 'Bonjour' },
    account: {},
    recipient: {},
    providerMediaIds: {},
    targetExternalId: undefined,
    sender: { send },
  } as unknown as PlannedSend;
}

describe('callProvider', () => {
  it('a sender that throws mid-call is an unknown outcome (it may have called), never a rejection', async () => {
    const outcome = await callProvider(
      plannedWith(async () => {
        throw new Error('socket closed by a bug');
      }),
    );

    expect(outcome).toMatchObject({ ok: false, disposition: 'unknown', code: null });
    expect(outcome.ok || outcome.title).toContain('socket closed by a bug');
  });
});
