import { randomBytes } from 'node:crypto';
import { createApiKey } from '../modules/auth/api-key.service.ts';
import { updateChannelSettings } from '../modules/channel-accounts/channel-account.repository.ts';
import { addWhatsAppAccount } from '../modules/channel-accounts/whatsapp-account.service.ts';
import { installBuiltInFlows } from '../modules/flows/flow.service.ts';
import { BUILT_IN_TEAMS } from '../modules/flows/library/built-in-teams.ts';
import type { Keyring } from '../modules/keys/keyring.ts';
import { countOrgs, updateOrgTwoFactor } from '../modules/orgs/org.repository.ts';
import { createOrg } from '../modules/orgs/org.service.ts';
import { replaceTeamMembers } from '../modules/teams/team.repository.ts';
import { createTeam } from '../modules/teams/team.service.ts';
import { createUser } from '../modules/users/user.service.ts';
import type { Db } from '../platform/db/db.ts';
import { seedDemoChannels } from './demo-channels.ts';
import { seedDemoReminder } from './demo-reminder.ts';
import { seedDemoSavedReplies } from './demo-saved-replies.ts';
import { seedDemoScheduling } from './demo-scheduling.ts';

export const DEMO_PHONE_NUMBER_ID = '100000000000001';
export const DEMO_WABA_ID = '100000000000002';
export const DEMO_DISPLAY_NUMBER = '+33180000000';

export interface DemoCredentials {
  orgSlug: string;
  adminEmail: string;
  adminPassword: string;
  apiKey: string;
}

/**
 * On a database with no clinic yet, creates the demo clinic: an admin, an API key, a WhatsApp number
 * played by the built-in simulator (and a Telegram bot, a Messenger Page and an Instagram account played by
 * it too), saved replies, an agenda, and a patient whose appointment reminder
 * falls due a few minutes after `now`. Returns the credentials, which exist nowhere else in clear, or
 * null when the database already has a clinic: everything is created once, in one transaction, so a
 * second start (or two starting at once) adds nothing.
 */
export async function seedDemoClinic(
  db: Db,
  keyring: Keyring,
  now: Date = new Date(),
): Promise<DemoCredentials | null> {
  return db.transaction(async (tx) => {
    if ((await countOrgs(tx)) > 0) return null;
    const org = await createOrg(tx, {
      name: 'Clinique du Parc (démo)',
      slug: 'demo',
      timeZone: 'Europe/Paris',
    });
    // Trying Careline must not need a phone: Settings › Security shows two-factor sign-in off here.
    await updateOrgTwoFactor(tx, org.id, 'off');
    const adminPassword = randomBytes(12).toString('base64url');
    const admin = await createUser(tx, {
      orgId: org.id,
      email: 'admin@demo.careline.test',
      password: adminPassword,
      role: 'admin',
      name: 'Admin démo',
    });
    const { key } = await createApiKey(tx, org.id, 'demo');
    // The teams the built-in flows hand patients to; the admin is in each, so nothing waits unseen.
    const teams = new Map<string, string>();
    for (const name of Object.values(BUILT_IN_TEAMS)) {
      const team = await createTeam(tx, org.id, { name, assignmentMode: 'round_robin' });
      await replaceTeamMembers(tx, org.id, team.id, [admin.id]);
      teams.set(name, team.id);
    }
    await installBuiltInFlows(tx, org.id);
    await seedDemoSavedReplies(tx, org.id, admin.id);
    const agenda = await seedDemoScheduling(tx, org.id);
    const account = await addWhatsAppAccount(tx, keyring, {
      orgId: org.id,
      name: 'WhatsApp (simulator)',
      phoneNumberId: DEMO_PHONE_NUMBER_ID,
      wabaId: DEMO_WABA_ID,
      displayPhoneNumber: DEMO_DISPLAY_NUMBER,
      accessToken: `sim-${randomBytes(24).toString('base64url')}`,
      appSecret: randomBytes(24).toString('hex'),
      verifyToken: randomBytes(16).toString('hex'),
      simulated: true,
    });
    await updateChannelSettings(tx, account.id, {
      ...account.settings,
      defaultTeamId: teams.get(BUILT_IN_TEAMS.reception),
    });
    await seedDemoChannels(tx, keyring, org.id);
    await seedDemoReminder(tx, { orgId: org.id, agenda, adminId: admin.id, now, keyring });
    return { orgSlug: org.slug, adminEmail: admin.email, adminPassword, apiKey: key };
  });
}
