import { describe, expect, test } from 'vitest';
import { parseWhatsAppWebhook } from './parse-webhook.ts';

/** Meta's documented shapes (Webhooks for Groups API, Group messaging; courier's wac/group_message.json). */
function envelope(field: string, value: Record<string, unknown>) {
  return {
    object: 'whatsapp_business_account',
    entry: [
      {
        id: '8856996819413533',
        changes: [
          {
            value: {
              messaging_product: 'whatsapp',
              metadata: { display_phone_number: '+250 788 123 200', phone_number_id: '12345' },
              ...value,
            },
            field,
          },
        ],
      },
    ],
  };
}

describe('WhatsApp group webhooks', () => {
  test('group_create: the group id, its invite link and the request it answers', () => {
    const [event] = parseWhatsAppWebhook(
      envelope('group_lifecycle_update', {
        groups: [
          {
            timestamp: '1735000000',
            group_id: 'Y2FwaV9ncm91cDoxNzA1NTU1MDEzOToxMjAzNjM0MDQ2OTQyMzM4MjAZD',
            type: 'group_create',
            request_id: 'REQ1',
            subject: 'test invite link',
            invite_link: 'https://chat.whatsapp.com/LINK_ID',
            join_approval_mode: 'auto_approve',
          },
        ],
      }),
    );
    expect(event).toMatchObject({
      kind: 'group_update',
      accountId: '12345',
      groupId: 'Y2FwaV9ncm91cDoxNzA1NTU1MDEzOToxMjAzNjM0MDQ2OTQyMzM4MjAZD',
      change: 'created',
      requestId: 'REQ1',
      inviteLink: 'https://chat.whatsapp.com/LINK_ID',
      timestamp: '2024-12-24T00:26:40.000Z',
    });
  });

  test('a failed creation carries Meta’s error', () => {
    const [event] = parseWhatsAppWebhook(
      envelope('group_lifecycle_update', {
        groups: [
          {
            timestamp: '1735000000',
            type: 'group_create',
            request_id: 'REQ2',
            errors: [{ code: 131211, title: 'Group create limit reached', message: 'x' }],
          },
        ],
      }),
    );
    expect(event).toMatchObject({ kind: 'group_update', change: 'create_failed', groupId: null });
    expect(event?.kind === 'group_update' && event.errors[0]?.code).toBe(131211);
  });

  test('a user joins by the invite link, another leaves', () => {
    const events = parseWhatsAppWebhook(
      envelope('group_participants_update', {
        groups: [
          {
            timestamp: '1735000000',
            group_id: 'G1',
            type: 'group_participants_add',
            reason: 'invite_link',
            added_participants: [{ wa_id: '16505551234' }],
          },
          {
            timestamp: '1735000001',
            group_id: 'G1',
            type: 'group_participants_remove',
            initiated_by: 'participant',
            removed_participants: [{ wa_id: '16505550000' }],
          },
        ],
      }),
    );
    expect(events).toMatchObject([
      { change: 'participants_added', participants: [{ waId: '16505551234', input: null }] },
      { change: 'participants_removed', initiatedBy: 'participant', participants: [{ waId: '16505550000' }] },
    ]);
  });

  test('a participant’s message carries the group id and never reads as a one-to-one message', () => {
    const [event] = parseWhatsAppWebhook(
      envelope('messages', {
        contacts: [{ profile: { name: 'Kerry Fisher' }, wa_id: '250788123123' }],
        messages: [
          {
            from: '250788123123',
            group_id: '555555555',
            id: 'external_id',
            timestamp: '1454119029',
            text: { body: 'Hello World, group message' },
            type: 'text',
          },
        ],
      }),
    );
    expect(event).toMatchObject({
      kind: 'group_message',
      groupId: '555555555',
      message: {
        kind: 'message',
        text: 'Hello World, group message',
        from: { id: '250788123123', name: 'Kerry Fisher' },
      },
    });
  });
});
