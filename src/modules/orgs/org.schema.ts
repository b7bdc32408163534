import { boolean, integer, jsonb, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { TWO_FACTOR_POLICIES } from './two-factor-policies.ts';

// The vocabulary lives apart from the table so that other modules can use it without the table.
export { TWO_FACTOR_POLICIES, type TwoFactorPolicy } from './two-factor-policies.ts';

/** Opening hours per weekday in the clinic's time zone, and whole days closed (YYYY-MM-DD). */
export interface OrgBusinessHours {
  weekly: Partial<
    Record<'mon' | 'tue' | 'wed' | 'thu' | 'fri' | 'sat' | 'sun', Array<{ from: string; to: string }>>
  >;
  closedDates?: string[];
}

/** Numbers a patient is told to call when automation meets a red flag. */
export interface OrgEmergencyNumbers {
  emergency: string;
  european?: string;
  suicide?: string;
}

const WEEKDAY_HOURS = [{ from: '09:00', to: '18:00' }];
export const DEFAULT_BUSINESS_HOURS: OrgBusinessHours = {
  weekly: {
    mon: WEEKDAY_HOURS,
    tue: WEEKDAY_HOURS,
    wed: WEEKDAY_HOURS,
    thu: WEEKDAY_HOURS,
    fri: WEEKDAY_HOURS,
  },
};
/** France: SAMU, the European number, and the national suicide prevention line. */
export const DEFAULT_EMERGENCY_NUMBERS: OrgEmergencyNumbers = {
  emergency: '15',
  european: '112',
  suicide: '3114',
};

/** What the last daily retention run erased in a clinic (Settings › Privacy shows it). */
export interface OrgRetentionRun {
  at: string;
  texts: number;
  files: number;
}

/** A clinic, hospital or pharmacy: the tenant every other row belongs to. */
export const orgs = pgTable('orgs', {
  id: uuid('id').primaryKey().defaultRandom(),
  slug: text('slug').notNull().unique(),
  name: text('name').notNull(),
  /** A clinic, or a pharmacy that receives prescription orders from the clinics it paired with. */
  kind: text('kind', { enum: ['clinic', 'pharmacy'] })
    .notNull()
    .default('clinic'),
  timeZone: text('time_zone').notNull().default('Europe/Paris'),
  /** The language automation and templates use for a patient whose language is not known. */
  defaultLanguage: text('default_language', { enum: ['fr', 'en'] })
    .notNull()
    .default('fr'),
  businessHours: jsonb('business_hours').$type<OrgBusinessHours>().notNull().default(DEFAULT_BUSINESS_HOURS),
  emergencyNumbers: jsonb('emergency_numbers')
    .$type<OrgEmergencyNumbers>()
    .notNull()
    .default(DEFAULT_EMERGENCY_NUMBERS),
  /**
   * Whether a patient whose conversation a person is handling also gets the emergency advice at once
   * when they write a red flag (the person is alerted either way). On by default: silence can cost a
   * life, a redundant message cannot.
   */
  adviseWhenStaffHandles: boolean('advise_when_staff_handles').notNull().default(true),
  /** Message text older than this many months is erased by the daily retention job; null keeps it. */
  retentionTextMonths: integer('retention_text_months'),
  /** Files older than this many months are erased by the daily retention job; null keeps them. */
  retentionFileMonths: integer('retention_file_months'),
  retentionLastRun: jsonb('retention_last_run').$type<OrgRetentionRun>(),
  /**
   * Who must sign in with a second factor (an authenticator app's code): nobody, administrators, or
   * everyone. Administrators by default: their account can change everything else.
   */
  twoFactor: text('two_factor', { enum: TWO_FACTOR_POLICIES }).notNull().default('admins'),
  /**
   * Agents and clinicians list, open, search and get live events only for conversations of their teams or
   * assigned to them. Off by default: a small clinic's front desk answers everyone.
   */
  agentsSeeOnlyTheirTeams: boolean('agents_see_only_their_teams').notNull().default(false),
  createdAt: timestamp('created_at', { withTimezone: true, precision: 3 }).notNull().defaultNow(),
});

export type Org = typeof orgs.$inferSelect;
