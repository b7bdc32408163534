import type { z } from 'zod';
import type { DbOrTx } from '../../platform/db/db.ts';
import { listChannelAccountsOfOrg } from '../channel-accounts/channel-account.service.ts';
import { csatSummary, csatTrend, latestCsatCommentsOpened } from '../flows/csat-report.service.ts';
import {
  type DurationFigures,
  firstResponseFigures,
  messageVolume,
  resolutionFigures,
} from '../inbox/inbox-report.service.ts';
import type { Keyring } from '../keys/keyring.ts';
import { reminderFunnel } from '../reminders/reminder-report.service.ts';
import { redFlagReport } from '../safety/red-flag-report.service.ts';
import { listTeamsOfOrg } from '../teams/team.service.ts';
import { findStaffByIds } from '../users/user.service.ts';
import type {
  csatReportJson,
  messageVolumeJson,
  redFlagsReportJson,
  reminderFunnelJson,
  responseTimesJson,
} from './report-json.ts';

/** The clinic, period and team a report is about. */
export interface ReportScope {
  orgId: string;
  timeZone: string;
  from: Date;
  to: Date;
  teamId?: string | undefined;
}

const CSAT_COMMENTS = 10;
/** Beyond a month, a point per day is too many to read: the trend goes per week. */
const DAILY_UP_TO_DAYS = 31;

function periodJson(scope: ReportScope) {
  return { from: scope.from.toISOString(), to: scope.to.toISOString(), team_id: scope.teamId ?? null };
}

export async function responseTimesReport(
  db: DbOrTx,
  scope: ReportScope,
): Promise<z.infer<typeof responseTimesJson>> {
  const firstResponse = await firstResponseFigures(db, scope.orgId, scope);
  const resolution = await resolutionFigures(db, scope.orgId, scope);
  const teamNames = new Map((await listTeamsOfOrg(db, scope.orgId)).map((t) => [t.id, t.name]));
  const userIds = [...firstResponse, ...resolution].flatMap((f) => (f.of === 'agent' && f.id ? [f.id] : []));
  const staff = await findStaffByIds(db, scope.orgId, [...new Set(userIds)]);
  const userNames = new Map(staff.map((u) => [u.id, u.name ?? u.email]));
  const durations = (f: DurationFigures | undefined) => ({
    count: f?.count ?? 0,
    p50_seconds: f?.p50Seconds ?? null,
    p90_seconds: f?.p90Seconds ?? null,
  });
  const nameIn = (names: Map<string, string>, id: string | null) => (id ? (names.get(id) ?? null) : null);
  const split = (rows: DurationFigures[]) => ({
    total: durations(rows.find((r) => r.of === 'total')),
    teams: rows
      .filter((r) => r.of === 'team')
      .map((r) => ({ team_id: r.id, name: nameIn(teamNames, r.id), ...durations(r) }))
      .sort(byName),
    agents: rows
      .filter((r) => r.of === 'agent')
      .map((r) => ({ user_id: r.id, name: nameIn(userNames, r.id), ...durations(r) }))
      .sort(byName),
  });
  return { ...periodJson(scope), first_response: split(firstResponse), resolution: split(resolution) };
}

function byName(a: { name: string | null }, b: { name: string | null }): number {
  if (a.name === b.name) return 0;
  if (a.name === null) return 1;
  if (b.name === null) return -1;
  return a.name.localeCompare(b.name);
}

export async function messageVolumeReport(
  db: DbOrTx,
  scope: ReportScope,
): Promise<z.infer<typeof messageVolumeJson>> {
  const rows = await messageVolume(db, scope.orgId, scope);
  const accounts = await listChannelAccountsOfOrg(db, scope.orgId);
  const channelOf = new Map(accounts.map((a) => [a.id, a.type as string]));
  const byHour = Array.from({ length: 24 }, (_, hour) => ({ hour, inbound: 0, outbound: 0 }));
  const byChannel = new Map<string, { channel: string; inbound: number; outbound: number }>();
  const total = { inbound: 0, outbound: 0 };
  for (const row of rows) {
    const channel = channelOf.get(row.channelAccountId) ?? 'unknown';
    const entry = byChannel.get(channel) ?? { channel, inbound: 0, outbound: 0 };
    entry[row.direction] += row.count;
    byChannel.set(channel, entry);
    const hour = byHour[row.hour];
    if (hour) hour[row.direction] += row.count;
    total[row.direction] += row.count;
  }
  return {
    ...periodJson(scope),
    time_zone: scope.timeZone,
    total,
    by_channel: [...byChannel.values()].sort((a, b) => a.channel.localeCompare(b.channel)),
    by_hour: byHour,
  };
}

export async function csatReport(
  db: DbOrTx,
  keyring: Keyring,
  scope: ReportScope,
): Promise<z.infer<typeof csatReportJson>> {
  const days = (scope.to.getTime() - scope.from.getTime()) / 86_400_000;
  const bucket = days <= DAILY_UP_TO_DAYS ? 'day' : 'week';
  const summary = await csatSummary(db, scope.orgId, {
    from: scope.from,
    to: scope.to,
    ...(scope.teamId ? { teamId: scope.teamId } : {}),
  });
  const trend = await csatTrend(db, scope.orgId, { ...scope, bucket });
  const comments = await latestCsatCommentsOpened(db, keyring, scope.orgId, {
    ...scope,
    limit: CSAT_COMMENTS,
  });
  return {
    ...periodJson(scope),
    ...summary,
    bucket,
    trend,
    comments: comments.map((c) => ({
      id: c.id,
      contact_id: c.contactId,
      conversation_id: c.conversationId,
      rating: c.rating,
      comment: c.comment,
      created_at: c.createdAt.toISOString(),
    })),
  };
}

export async function reminderFunnelReport(
  db: DbOrTx,
  scope: ReportScope,
  now: Date,
): Promise<z.infer<typeof reminderFunnelJson>> {
  const funnel = await reminderFunnel(db, scope.orgId, { ...scope, now });
  const { noShows, ...counts } = funnel;
  return { ...periodJson(scope), ...counts, no_shows: noShows };
}

export async function redFlagsReport(
  db: DbOrTx,
  scope: ReportScope,
): Promise<z.infer<typeof redFlagsReportJson>> {
  const report = await redFlagReport(db, scope.orgId, scope);
  const json = (f: (typeof report.categories)[number]) => ({
    count: f.count,
    acknowledged: f.acknowledged,
    unacknowledged: f.count - f.acknowledged,
    p50_seconds_to_acknowledgement: f.p50Seconds,
    p90_seconds_to_acknowledgement: f.p90Seconds,
  });
  return {
    ...periodJson(scope),
    total: json(report.total),
    categories: report.categories.map((c) => ({ category: c.category, ...json(c) })),
  };
}
