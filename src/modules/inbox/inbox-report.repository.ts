import { type SQL, sql } from 'drizzle-orm';
import { z } from 'zod';
import type { DbOrTx } from '../../platform/db/db.ts';
import { rowsOf } from '../../platform/db/raw-rows.ts';

export interface ReportScope {
  from: Date;
  to: Date;
  teamId?: string | undefined;
}

/** A p50/p90 pair in seconds over `count` conversations: of a team, of an agent, or of the clinic. */
export interface DurationFigures {
  of: 'team' | 'agent' | 'total';
  /** The team's or agent's id; null for the conversations of no team (or no agent) and for the total. */
  id: string | null;
  count: number;
  p50Seconds: number | null;
  p90Seconds: number | null;
}

const figureRows = z.array(
  z.object({
    team_id: z.string().nullable(),
    user_id: z.string().nullable(),
    by_team: z.coerce.number(),
    by_user: z.coerce.number(),
    count: z.coerce.number(),
    p50: z.coerce.number().nullable(),
    p90: z.coerce.number().nullable(),
  }),
);

function figuresOf(result: unknown): DurationFigures[] {
  // grouping() is 1 where the row rolls that column up: (team) rows roll up the user and so on.
  return figureRows.parse(rowsOf(result)).map((r) => ({
    of: r.by_team === 0 ? 'team' : r.by_user === 0 ? 'agent' : 'total',
    id: r.by_team === 0 ? r.team_id : r.by_user === 0 ? r.user_id : null,
    count: r.count,
    p50Seconds: r.p50,
    p90Seconds: r.p90,
  }));
}

/** p50 and p90 of `seconds` over a CTE of (team_id, user_id, seconds): per team, per agent, in all. */
const percentilesOf = (cte: SQL): SQL => sql`
  select team_id::text, user_id::text,
    grouping(team_id) as by_team, grouping(user_id) as by_user, count(*) as count,
    percentile_cont(0.5) within group (order by seconds) as p50,
    percentile_cont(0.9) within group (order by seconds) as p90
  from ${cte}
  group by grouping sets ((team_id), (user_id), ())`;

const teamCondition = (scope: ReportScope): SQL =>
  scope.teamId ? sql`and c.team_id = ${scope.teamId}::uuid` : sql``;

/**
 * First-response time of the conversations whose patient first wrote in the period: from the
 * patient's first inbound message of the conversation to the first outbound message a person wrote
 * after it (automation and API replies do not count; refused or failed sends reached nobody). A
 * conversation nobody answered yet is left out of the percentiles. Per team of the conversation, per
 * agent who answered, and for the whole clinic.
 */
export async function firstResponseFigures(
  db: DbOrTx,
  orgId: string,
  scope: ReportScope,
): Promise<DurationFigures[]> {
  const result = await db.execute(sql`
    with opened as (
      select c.id, c.team_id,
        (select min(m.occurred_at) from messages m
          where m.conversation_id = c.id and m.direction = 'inbound') as first_in
      from conversations c
      -- A conversation first written to in the period was last written to after its start.
      where c.org_id = ${orgId}::uuid ${teamCondition(scope)}
        and c.last_message_at >= ${scope.from.toISOString()}::timestamptz
    ), answered as (
      select o.team_id, r.author_user_id as user_id,
        extract(epoch from (r.occurred_at - o.first_in)) as seconds
      from opened o
      join lateral (
        select m.author_user_id, m.occurred_at from messages m
        where m.conversation_id = o.id and m.direction = 'outbound' and m.author_user_id is not null
          and m.status not in ('refused', 'failed') and m.occurred_at >= o.first_in
        order by m.occurred_at, m.seq limit 1
      ) r on true
      where o.first_in >= ${scope.from.toISOString()}::timestamptz
        and o.first_in < ${scope.to.toISOString()}::timestamptz
    )
    ${percentilesOf(sql`answered`)}`);
  return figuresOf(result);
}

/**
 * Resolution time of the conversations closed in the period: from the conversation's opening (its
 * first message, either way) to its closing. Per team, per agent it was assigned to when closed,
 * and for the clinic.
 */
export async function resolutionFigures(
  db: DbOrTx,
  orgId: string,
  scope: ReportScope,
): Promise<DurationFigures[]> {
  const result = await db.execute(sql`
    with closed as (
      select c.team_id, c.assignee_user_id as user_id,
        extract(epoch from (c.closed_at - coalesce(
          (select min(m.occurred_at) from messages m
            where m.conversation_id = c.id and m.direction in ('inbound', 'outbound')),
          c.created_at))) as seconds
      from conversations c
      where c.org_id = ${orgId}::uuid ${teamCondition(scope)}
        and c.status = 'closed'
        and c.closed_at >= ${scope.from.toISOString()}::timestamptz
        and c.closed_at < ${scope.to.toISOString()}::timestamptz
    )
    ${percentilesOf(sql`closed`)}`);
  return figuresOf(result);
}

export interface VolumeRow {
  channelAccountId: string;
  /** Hour of the day on the clinic's clock, 0–23. */
  hour: number;
  direction: 'inbound' | 'outbound';
  count: number;
}

const volumeRows = z.array(
  z.object({
    channel_account_id: z.string(),
    hour: z.coerce.number().int(),
    direction: z.enum(['inbound', 'outbound']),
    count: z.coerce.number().int(),
  }),
);

/**
 * Messages exchanged with patients in the period (notes left out; outbound ones Careline refused
 * before any send too), per channel account, hour of the day in `timeZone`, and direction.
 */
export async function messageVolume(
  db: DbOrTx,
  orgId: string,
  scope: ReportScope & { timeZone: string },
): Promise<VolumeRow[]> {
  const result = await db.execute(sql`
    select m.channel_account_id::text as channel_account_id,
      extract(hour from (m.occurred_at at time zone ${scope.timeZone}))::int as hour,
      m.direction, count(*) as count
    from messages m
    join conversations c on c.id = m.conversation_id
    where m.org_id = ${orgId}::uuid ${teamCondition(scope)}
      and m.direction in ('inbound', 'outbound') and m.status <> 'refused'
      and m.occurred_at >= ${scope.from.toISOString()}::timestamptz
      and m.occurred_at < ${scope.to.toISOString()}::timestamptz
    group by 1, 2, 3`);
  return volumeRows.parse(rowsOf(result)).map((r) => ({
    channelAccountId: r.channel_account_id,
    hour: r.hour,
    direction: r.direction,
    count: r.count,
  }));
}

/** The team of each of these messages' conversations, and whether the message reached the patient. */
export function outboundMessageFacts(orgId: string): SQL {
  return sql`(
    select m.id, c.team_id,
      m.status in ('delivered', 'read', 'played') as delivered
    from messages m join conversations c on c.id = m.conversation_id
    where m.org_id = ${orgId}::uuid and m.direction = 'outbound'
  )`;
}

/** The conversations of a team, for a report filtered by team. */
export function conversationsOfTeam(orgId: string, teamId: string): SQL {
  return sql`(select c.id from conversations c where c.org_id = ${orgId}::uuid and c.team_id = ${teamId}::uuid)`;
}

/**
 * The outbound message `messageId` of the clinic with its status, failure and whether the patient wrote in its
 * conversation after it (a reply; by the time stored, since channels date messages to the second only):
 * what a broadcast's report joins its recipients to.
 */
export function outboundMessageOutcomes(orgId: string, messageId: SQL): SQL {
  // Looked up by id (joined `lateral … on true`; `limit 1` keeps the planner from flattening it back into
  // a join): the plan stays one primary-key probe per row even when the
  // statistics lag behind a bulk load (a broadcast's thousands of messages just inserted), where a join
  // on the whole subquery was planned as a nested loop over every outbound message of the clinic.
  return sql`(
    select m.id, m.status, m.error_code, m.error_title, m.failure_reason, m.occurred_at,
      exists (select 1 from messages r where r.conversation_id = m.conversation_id
        and r.direction = 'inbound' and r.created_at > m.created_at) as replied
    from messages m
    where m.id = ${messageId} and m.org_id = ${orgId}::uuid and m.direction = 'outbound'
    limit 1
  )`;
}
