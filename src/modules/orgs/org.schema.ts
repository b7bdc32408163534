import { pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';

/** A clinic, hospital or pharmacy: the tenant every other row belongs to. */
export const orgs = pgTable('orgs', {
  id: uuid('id').primaryKey().defaultRandom(),
  slug: text('slug').notNull().unique(),
  name: text('name').notNull(),
  timeZone: text('time_zone').notNull().default('Europe/Paris'),
  createdAt: timestamp('created_at', { withTimezone: true, precision: 3 }).notNull().defaultNow(),
});

export type Org = typeof orgs.$inferSelect;
