import type { ExtractTablesWithRelations } from 'drizzle-orm';
import type { PgDatabase, PgQueryResultHKT, PgTransaction } from 'drizzle-orm/pg-core';

// No table map: repositories query with the tables their module owns (`db.select().from(table)`), and
// nothing uses drizzle's relational `db.query.*` API, which is the only thing a schema map would add.
type Schema = Record<string, never>;

/** The one database handle every repository takes, whichever engine is behind it. */
export type Db = PgDatabase<PgQueryResultHKT, Schema>;

/** A transaction or the database itself: repositories accept either so callers choose the boundary. */
export type DbOrTx = Db | PgTransaction<PgQueryResultHKT, Schema, ExtractTablesWithRelations<Schema>>;

export type DbEngine = 'pglite' | 'postgres';
