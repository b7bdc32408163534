import { describe, expect, test } from 'vitest';
import { agendaEn } from '../agenda/agenda.en.ts';
import { authEn } from '../auth/auth.en.ts';
import { inboxEn } from '../inbox/inbox.en.ts';
import { phoneEn } from '../phone/phone.en.ts';
import { sessionEn } from '../session/session.en.ts';
import { auditEn } from '../settings/audit/audit.en.ts';
import { channelsEn } from '../settings/channels/channels.en.ts';
import { ehrEn } from '../settings/ehr/ehr.en.ts';
import { integrationsEn } from '../settings/integrations/integrations.en.ts';
import { privacyEn } from '../settings/privacy/privacy.en.ts';
import { settingsEn } from '../settings/settings.en.ts';
import { commonEn } from '../ui/common.en.ts';
import { en } from './en.ts';
import { fr } from './fr.ts';

/** Every key path of a resource tree (`composer.send`, `list.unread_other`). */
function keysOf(messages: object, path = ''): string[] {
  return Object.entries(messages).flatMap(([key, value]) => {
    const at = path ? `${path}.${key}` : key;
    return typeof value === 'object' && value !== null ? keysOf(value, at) : [at];
  });
}

describe('the interface texts', () => {
  test('every key exists in English and in French, so neither language shows a raw key', () => {
    const english = new Set(keysOf(en));
    const french = new Set(keysOf(fr));
    expect(
      [...english].filter((key) => !french.has(key)),
      'missing in French',
    ).toEqual([]);
    expect(
      [...french].filter((key) => !english.has(key)),
      'missing in English',
    ).toEqual([]);
  });

  test('no feature’s texts hide another’s: each top-level section belongs to one feature', () => {
    const features = {
      commonEn,
      authEn,
      sessionEn,
      inboxEn,
      agendaEn,
      settingsEn,
      auditEn,
      channelsEn,
      integrationsEn,
      privacyEn,
      ehrEn,
      phoneEn,
    };
    const owners = new Map<string, string[]>();
    for (const [feature, messages] of Object.entries(features)) {
      for (const section of Object.keys(messages))
        owners.set(section, [...(owners.get(section) ?? []), feature]);
    }
    const shared = [...owners].filter(([, owning]) => owning.length > 1);
    expect(shared).toEqual([]);
  });

  test('every text is a non-empty string in both languages', () => {
    const empty = (messages: object) =>
      keysOf(messages).filter((key) => {
        const value = key
          .split('.')
          .reduce<unknown>((node, part) => (node as Record<string, unknown>)[part], messages);
        return typeof value !== 'string' || value.trim() === '';
      });
    expect(empty(en)).toEqual([]);
    expect(empty(fr)).toEqual([]);
  });
});
