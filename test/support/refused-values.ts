import { sql } from 'drizzle-orm';
import type { Db } from '../../src/platform/db/db.ts';

/**
 * In a message's provider id (or plain text): the database refuses the message itself, whatever else
 * is left out. Careline stores the text sealed, so the database can only see the marker in the id.
 */
export const UNSTORABLE = 'UNSTORABLE-3f9c';
/**
 * A sender's profile name the database refuses (the name only), as a length constraint would: names are
 * stored sealed, so the database cannot see a marker in them, only that this one is far too long.
 */
export const UNUSABLE_NAME = `UNUSABLE-NAME-7d21-${'x'.repeat(1500)}`;
/** Longer than any sealed profile name but {@link UNUSABLE_NAME}'s. */
const MAX_SEALED_NAME = 1800;
/** As a media id: the database refuses the media registration only. */
export const UNUSABLE_MEDIA_ID = 'UNUSABLE-MEDIA-5b80';
/** In a message's provider id (or plain text): the database answers a serialization failure (40001). */
export const BRIEFLY_REFUSED = 'BRIEFLY-REFUSED-c41e';

/**
 * Makes the real database refuse values containing a marker: as a CHECK constraint would (SQLSTATE
 * 23514) for a message's text, a sender's profile name or a media id, or with a serialization failure
 * (40001) that lasts until the marker goes. The markers are rows of `test_refused_markers`: deleting one
 * removes the cause, as an operator fixing it would.
 */
export async function refuseMarkedValues(db: Db): Promise<void> {
  await db.execute(
    sql`create table test_refused_markers (marker text primary key, errcode text not null default '23514')`,
  );
  await db.execute(
    sql`insert into test_refused_markers (marker, errcode) values (${UNSTORABLE}, '23514'),
      (${UNUSABLE_MEDIA_ID}, '23514'), (${BRIEFLY_REFUSED}, '40001')`,
  );
  await db.execute(
    sql.raw(`
    create function test_refuse_marked() returns trigger language plpgsql as $$
    declare
      value text := concat_ws(' ', to_jsonb(new) ->> tg_argv[0], to_jsonb(new) ->> tg_argv[1]);
      refused text;
    begin
      select m.errcode into refused from test_refused_markers m where strpos(value, m.marker) > 0 limit 1;
      if refused is not null then
        raise exception using errcode = refused, message = 'refused by the test',
          table = tg_table_name, constraint = tg_table_name || '_' || tg_argv[0] || '_storable';
      end if;
      return new;
    end $$`),
  );
  await db.execute(
    sql.raw(`
    create function test_refuse_long_name() returns trigger language plpgsql as $$
    begin
      if length(new.profile_name) > ${MAX_SEALED_NAME} then
        raise exception using errcode = '23514', message = 'refused by the test',
          table = tg_table_name, constraint = 'contact_identities_profile_name_storable';
      end if;
      return new;
    end $$`),
  );
  await db.execute(
    sql.raw(`create trigger test_refuse_long_profile_name before insert or update on contact_identities
      for each row execute function test_refuse_long_name()`),
  );
  for (const [table, column, events, alsoIn] of [
    ['messages', 'text', 'insert', 'external_id'],
    ['media_files', 'provider_media_id', 'insert', ''],
  ]) {
    await db.execute(
      sql.raw(`create trigger test_refuse_marked_${column} before ${events} on ${table}
        for each row execute function test_refuse_marked('${column}', '${alsoIn}')`),
    );
  }
}
