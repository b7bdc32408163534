import { index, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { orgs } from '../orgs/org.schema.ts';
import { pharmacyPartners } from '../pharmacy/pharmacy.schema.ts';
import { users } from '../users/user.schema.ts';
import type { StockNoticeStatus } from './stock-notice-statuses.ts';

export { STOCK_NOTICE_STATUSES, type StockNoticeStatus } from './stock-notice-statuses.ts';

/**
 * A pharmacy's word that a medicine is short or back. `org_id` is who wrote it: a Careline pharmacy
 * (published to every clinic paired with it; `partner_pharmacy_id` null), or a clinic recording what a
 * partner pharmacy reached on a channel told it (`partner_pharmacy_id` is that partner; only this clinic
 * sees it). No patient in it: not sealed.
 */
export const stockNotices = pgTable(
  'stock_notices',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    orgId: uuid('org_id')
      .notNull()
      .references(() => orgs.id),
    partnerPharmacyId: uuid('partner_pharmacy_id').references(() => pharmacyPartners.id),
    medication: text('medication').notNull(),
    /** medicationKey(medication): what order lines are matched on. */
    medicationKey: text('medication_key').notNull(),
    strength: text('strength'),
    form: text('form'),
    status: text('status').$type<StockNoticeStatus>().notNull(),
    message: text('message'),
    startsAt: timestamp('starts_at', { withTimezone: true, precision: 3 }).notNull(),
    expiresAt: timestamp('expires_at', { withTimezone: true, precision: 3 }).notNull(),
    withdrawnAt: timestamp('withdrawn_at', { withTimezone: true, precision: 3 }),
    createdByUserId: uuid('created_by_user_id').references(() => users.id),
    createdAt: timestamp('created_at', { withTimezone: true, precision: 3 }).notNull().defaultNow(),
  },
  (t) => [
    index('stock_notices_org_created').on(t.orgId, t.createdAt, t.id),
    index('stock_notices_org_medication').on(t.orgId, t.medicationKey),
  ],
);

export type StockNotice = typeof stockNotices.$inferSelect;
