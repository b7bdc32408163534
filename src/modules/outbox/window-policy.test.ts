import { describe, expect, test } from 'vitest';
import type { WindowPolicy } from '../../channels/channel-capabilities.ts';
import { windowClosesAt, windowState } from '../../channels/window-state.ts';
import { isWindowOpen, type OutgoingMessageKind, windowVerdict, writtenByPerson } from './window-policy.ts';

const lastInbound = new Date('2026-03-28T10:00:00Z');

test('the window is open for 24 hours after the patient’s last message, and closed after', () => {
  expect(isWindowOpen(lastInbound, 24, new Date('2026-03-29T09:59:59.999Z'))).toBe(true);
  expect(isWindowOpen(lastInbound, 24, new Date('2026-03-29T10:00:00Z'))).toBe(false);
  expect(windowClosesAt(lastInbound, 24)?.toISOString()).toBe('2026-03-29T10:00:00.000Z');
});

test('24 hours are hours, not a calendar day: a DST change does not move the deadline', () => {
  // Europe/Paris springs forward on 2026-03-29 at 02:00; the deadline is still 24 elapsed hours.
  const friday = new Date('2026-03-28T23:30:00Z');
  expect(windowClosesAt(friday, 24)?.toISOString()).toBe('2026-03-29T23:30:00.000Z');
});

test('a patient who never wrote has no window; a channel without windows is always open', () => {
  expect(isWindowOpen(null, 24, new Date())).toBe(false);
  expect(isWindowOpen(null, null, new Date())).toBe(true);
});

describe('windowVerdict: what may go, by channel rule, author and time since the patient last wrote', () => {
  const WHATSAPP: WindowPolicy = { kind: 'session', hours: 24, after: 'templates' };
  const MESSENGER: WindowPolicy = { kind: 'session', hours: 24, after: 'human_agent_tag', tagHours: 168 };
  const STRICT: WindowPolicy = { kind: 'session', hours: 24, after: 'nothing' };
  const TELEGRAM: WindowPolicy = { kind: 'none' };
  const HOUR = 3_600_000;
  const at = (hours: number) => new Date(lastInbound.getTime() + hours * HOUR);
  const person = { template: false, byPerson: true };
  const automation = { template: false, byPerson: false };
  const template = { template: true, byPerson: false };
  const verdict = (policy: WindowPolicy, kind: OutgoingMessageKind, hours: number, last = lastInbound) =>
    windowVerdict(policy, last, kind, at(hours), 'Messenger');

  test('inside 24 hours anything goes, untagged, whoever wrote it', () => {
    for (const policy of [WHATSAPP, MESSENGER, STRICT]) {
      expect(verdict(policy, automation, 23.99)).toEqual({ send: true, humanAgentTag: false });
      expect(verdict(policy, person, 0)).toEqual({ send: true, humanAgentTag: false });
    }
  });

  test('Messenger at exactly 24 hours: a person’s reply goes tagged HUMAN_AGENT, automation is refused naming the rule', () => {
    expect(verdict(MESSENGER, person, 24)).toEqual({ send: true, humanAgentTag: true });
    const refused = verdict(MESSENGER, automation, 24);
    expect(refused).toEqual({
      send: false,
      detail:
        'The 24-hour window closed at 2026-03-29T10:00:00.000Z: on Messenger only a person’s reply can be ' +
        'sent now (tagged HUMAN_AGENT, until 2026-04-04T10:00:00.000Z), nothing automated.',
    });
    expect(JSON.stringify(refused)).not.toContain('template');
  });

  test('Messenger just before 7 days a person’s reply still goes; at exactly 7 days nothing does', () => {
    expect(verdict(MESSENGER, person, 168 - 0.001)).toEqual({ send: true, humanAgentTag: true });
    expect(verdict(MESSENGER, automation, 167)).toMatchObject({ send: false });
    for (const kind of [person, automation]) {
      expect(verdict(MESSENGER, kind, 168)).toEqual({
        send: false,
        detail:
          'The patient last wrote more than 7 days ago, at 2026-03-28T10:00:00.000Z: on Messenger nothing can ' +
          'be sent until they write again (anything for 24 hours, then a person’s reply for 7 days).',
      });
    }
    expect(verdict(MESSENGER, person, 8 * 24)).toMatchObject({ send: false });
  });

  test('Messenger before the patient ever wrote: nothing, not even a person’s reply', () => {
    for (const kind of [person, automation])
      expect(windowVerdict(MESSENGER, null, kind, at(0), 'Instagram')).toEqual({
        send: false,
        detail: 'The patient has not written on Instagram yet: nothing can be sent until they do.',
      });
  });

  test('WhatsApp after 24 hours (or before any message): approved templates only, a person’s text too is refused', () => {
    expect(verdict(WHATSAPP, template, 24)).toEqual({ send: true, humanAgentTag: false });
    expect(verdict(WHATSAPP, person, 24)).toEqual({
      send: false,
      detail: 'The 24-hour window closed at 2026-03-29T10:00:00.000Z: send an approved template instead.',
    });
    expect(verdict(WHATSAPP, automation, 24 * 30)).toMatchObject({ send: false });
    expect(windowVerdict(WHATSAPP, null, template, at(0), 'WhatsApp')).toMatchObject({ send: true });
    expect(windowVerdict(WHATSAPP, null, person, at(0), 'WhatsApp')).toEqual({
      send: false,
      detail:
        'The patient has not written yet, so there is no open window: send an approved template instead.',
    });
  });

  test('a channel whose window closes on nothing, and one without a window', () => {
    expect(verdict(STRICT, person, 24)).toEqual({
      send: false,
      detail:
        'The 24-hour window closed at 2026-03-29T10:00:00.000Z: on Messenger nothing can be sent until the patient writes again.',
    });
    for (const last of [lastInbound, null])
      for (const kind of [person, automation, template])
        expect(windowVerdict(TELEGRAM, last, kind, at(24 * 365), 'Telegram')).toEqual({
          send: true,
          humanAgentTag: false,
        });
  });
});

describe('windowState: what the inbox shows', () => {
  const MESSENGER: WindowPolicy = { kind: 'session', hours: 24, after: 'human_agent_tag', tagHours: 168 };

  test('Messenger: open, then a person’s reply until 7 days after the patient’s last message, then nothing', () => {
    const open = windowState(MESSENGER, lastInbound, new Date('2026-03-28T20:00:00Z'));
    expect(open).toEqual({
      rule: 'human_agent_tag',
      open: true,
      closesAt: new Date('2026-03-29T10:00:00Z'),
      humanReplyUntil: new Date('2026-04-04T10:00:00Z'),
      allows: 'anything',
    });
    expect(windowState(MESSENGER, lastInbound, new Date('2026-03-29T10:00:00Z'))).toMatchObject({
      open: false,
      allows: 'person_reply',
    });
    expect(windowState(MESSENGER, lastInbound, new Date('2026-04-04T10:00:00Z'))).toMatchObject({
      open: false,
      allows: 'nothing',
    });
    expect(windowState(MESSENGER, null, new Date())).toEqual({
      rule: 'human_agent_tag',
      open: false,
      closesAt: null,
      humanReplyUntil: null,
      allows: 'nothing',
    });
  });

  test('WhatsApp closes on templates; Telegram has no window', () => {
    expect(
      windowState(
        { kind: 'session', hours: 24, after: 'templates' },
        lastInbound,
        new Date('2026-03-30T00:00:00Z'),
      ),
    ).toEqual({
      rule: 'templates',
      open: false,
      closesAt: new Date('2026-03-29T10:00:00Z'),
      humanReplyUntil: null,
      allows: 'templates',
    });
    expect(windowState({ kind: 'none' }, null, new Date())).toEqual({
      rule: 'none',
      open: true,
      closesAt: null,
      humanReplyUntil: null,
      allows: 'anything',
    });
  });
});

test('a person wrote it when a member of the care team is its author and no flow sent it', () => {
  expect(writtenByPerson({ authorUserId: 'u1', sentByFlowSessionId: null })).toBe(true);
  expect(writtenByPerson({ authorUserId: null, sentByFlowSessionId: null })).toBe(false);
  expect(writtenByPerson({ authorUserId: 'u1', sentByFlowSessionId: 's1' })).toBe(false);
});
