import type { ExtractTablesWithRelations } from 'drizzle-orm';
import type { PgDatabase, PgQueryResultHKT, PgTransaction } from 'drizzle-orm/pg-core';
import type * as schema from './schema.ts';

export type Schema = typeof schema;

/** The one database handle every repository takes, whichever engine is behind it. */
export type Db = PgDatabase<PgQueryResultHKT, Schema>;

/** A transaction or the database itself: repositories accept either so callers choose the boundary. */
export type DbOrTx = Db | PgTransaction<PgQueryResultHKT, Schema, ExtractTablesWithRelations<Schema>>;

export type DbEngine = 'pglite' | 'postgres';
