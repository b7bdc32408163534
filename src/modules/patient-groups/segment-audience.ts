import { and, asc, eq, gt, inArray, isNull, not, or, type SQL, sql } from 'drizzle-orm';
import { LRUCache } from 'lru-cache';
import type { DbOrTx } from '../../platform/db/db.ts';
import type { Clock } from '../../platform/time/clock.ts';
import { findContactsByIds } from '../contacts/contact.service.ts';
import {
  channelIdentityHolders,
  contactSurvivors,
  segmentableContacts,
} from '../contacts/contact-labels.service.ts';
import { HASH, tagTermOf } from '../contacts/contact-sealing.ts';
import { answerTextsOfPatients, patientsWhoRanFlow } from '../flows/patient-answers.service.ts';
import type { Keyring } from '../keys/keyring.ts';
import { requireOrg } from '../orgs/org.service.ts';
import { patientsWithAppointments } from '../scheduling/appointment.service.ts';
import type { SegmentDefinition, SegmentLeafRule, SegmentRule } from './segment-rules.ts';
import { appointmentWindowRange, birthDatesForAge, lastMonthsRange, todayIn } from './segment-window.ts';

/** What evaluating a segment needs: patient keys (for sealed fields) and the time. */
export interface SegmentDeps {
  keyring: Keyring;
  clock: Clock;
}

/** The intake flow and the answer a complaint rule reads when the rule names no flow. */
export const DEFAULT_INTAKE_FLOW = 'symptom_intake';
const COMPLAINT_ANSWER = 'complaint';
/** Statuses of an appointment that holds (or held) the patient's time: cancelled and missed ones do not. */
const HELD_STATUSES = ['booked', 'arrived', 'fulfilled'] as const;
/** Patients whose sealed fields are opened at once when a rule needs them. */
const CANDIDATE_BATCH = 500;

/**
 * The birth-date hashes of an age range (tens of thousands of dates), per clinic, day and range: a
 * broadcast walking a group page by page hashes them once.
 */
const ageHashes = new LRUCache<string, string>({ max: 200 });

type SealedCheck =
  | { kind: 'fields'; test: (fields: Record<string, string>) => boolean }
  | { kind: 'intake'; flowKey: string; since: Date | null; test: (answers: string[]) => boolean };

/** A rule as SQL on the patient's row (`exact`), or a check of what is sealed, narrowed by `hint`. */
type Leaf = { exact: SQL } | { hint: SQL | null; sealed: SealedCheck };
type Node = { leaf: number } | { match: 'all' | 'any'; children: Node[] };

interface Compiled {
  orgId: string;
  patients: ReturnType<typeof segmentableContacts>;
  leaves: Leaf[];
  root: Node;
  sealed: boolean;
}

/** Case, accents and surrounding spaces ignored. */
export function foldText(text: string): string {
  return text.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase().trim();
}

async function compile(
  db: DbOrTx,
  deps: SegmentDeps,
  orgId: string,
  definition: SegmentDefinition,
): Promise<Compiled> {
  const org = await requireOrg(db, orgId);
  const now = deps.clock.now();
  const blind = await deps.keyring.blindIndex(db, orgId);
  const patients = segmentableContacts(db);
  const leaves: Leaf[] = [];

  /** The survivors (records not merged away) of the record ids a module's subquery gives. */
  const survivorsIn = (records: SQL | ReturnType<typeof patientsWithAppointments>) => {
    const s = contactSurvivors(db);
    return inArray(
      patients.id,
      db
        .select({ id: s.survivorId })
        .from(s)
        .where(and(eq(s.orgId, orgId), inArray(s.id, records as SQL))),
    );
  };

  const leafOf = (rule: SegmentLeafRule): Leaf => {
    switch (rule.type) {
      case 'tag': {
        const has = sql`${patients.tagTerms} @> array[${tagTermOf(blind, rule.tag).toString()}::bigint]`;
        return { exact: rule.op === 'has' ? has : not(has) };
      }
      case 'language': {
        const language = rule.language.toLowerCase();
        const primary = language.split('-')[0] ?? language;
        return {
          exact: or(
            sql`lower(${patients.language}) = ${language}`,
            sql`lower(${patients.language}) like ${`${language}-%`}`,
            // A patient without a language is spoken to in the clinic's.
            primary === org.defaultLanguage && language === primary ? isNull(patients.language) : undefined,
          ) as SQL,
        };
      }
      case 'age': {
        const today = todayIn(now, org.timeZone);
        const cacheKey = `${orgId}|${today.toString()}|${rule.min ?? ''}|${rule.max ?? ''}`;
        let hashes = ageHashes.get(cacheKey);
        if (hashes === undefined) {
          const dates = birthDatesForAge(today, rule.min, rule.max);
          hashes = `{${dates.map((date) => blind.hash(HASH.birthDate, date)).join(',')}}`;
          ageHashes.set(cacheKey, hashes);
        }
        // Hashed once into a set by the planner (a semi-join), not compared one by one per patient.
        return {
          exact: sql`${patients.birthDateHash} in (select unnest(${hashes}::bigint[]))`,
        };
      }
      case 'channel':
        return { exact: inArray(patients.id, channelIdentityHolders(db, orgId, rule.channel)) };
      case 'appointment': {
        const range = appointmentWindowRange(rule.window, {
          now,
          timeZone: org.timeZone,
          from: rule.from,
          to: rule.to,
        });
        return {
          exact: survivorsIn(
            patientsWithAppointments(db, orgId, {
              ...range,
              statuses: HELD_STATUSES,
              practitionerId: rule.practitioner_id,
              appointmentTypeId: rule.appointment_type_id,
            }),
          ),
        };
      }
      case 'no_show':
        return {
          exact: survivorsIn(
            patientsWithAppointments(db, orgId, {
              ...lastMonthsRange(now, org.timeZone, rule.months),
              statuses: ['noshow'],
            }),
          ),
        };
      case 'custom_field': {
        const key = foldText(rule.key);
        const value = rule.value === undefined ? '' : foldText(rule.value);
        return {
          hint: null,
          sealed: {
            kind: 'fields',
            test: (fields) =>
              Object.entries(fields).some(([k, v]) => {
                if (foldText(k) !== key) return false;
                const folded = foldText(v);
                if (rule.op === 'is_set') return folded !== '';
                return rule.op === 'equals' ? folded === value : folded.includes(value);
              }),
          },
        };
      }
      case 'intake_complaint': {
        const flowKey = rule.flow_key ?? DEFAULT_INTAKE_FLOW;
        const since = rule.months === undefined ? null : lastMonthsRange(now, org.timeZone, rule.months).from;
        const words = foldText(rule.contains);
        return {
          hint: survivorsIn(patientsWhoRanFlow(db, orgId, flowKey, since) as never),
          sealed: {
            kind: 'intake',
            flowKey,
            since,
            test: (answers) => answers.some((answer) => foldText(answer).includes(words)),
          },
        };
      }
    }
  };

  const nodeOf = (rule: SegmentRule): Node => {
    if (rule.type === 'group') return { match: rule.match, children: rule.rules.map(nodeOf) };
    leaves.push(leafOf(rule));
    return { leaf: leaves.length - 1 };
  };
  const root: Node = { match: definition.match, children: definition.rules.map(nodeOf) };
  return { orgId, patients, leaves, root, sealed: leaves.some((leaf) => 'sealed' in leaf) };
}

/**
 * The rules as one SQL condition: exact where every rule is SQL; otherwise a superset (a sealed rule
 * counts as its hint, or as true), which the sealed checks then narrow. Rules are combined with and/or
 * only (a negation sits inside a rule), so replacing a rule by something wider only widens the result.
 */
function conditionOf(compiled: Compiled, node: Node): SQL {
  if ('leaf' in node) {
    const leaf = compiled.leaves[node.leaf];
    if (!leaf) throw new Error('unknown leaf');
    if ('exact' in leaf) return leaf.exact;
    return leaf.hint ?? sql`true`;
  }
  const parts = node.children.map((child) => conditionOf(compiled, child));
  return (node.match === 'all' ? and(...parts) : or(...parts)) as SQL;
}

function holds(node: Node, leafValue: (index: number) => boolean): boolean {
  if ('leaf' in node) return leafValue(node.leaf);
  return node.match === 'all'
    ? node.children.every((child) => holds(child, leafValue))
    : node.children.some((child) => holds(child, leafValue));
}

function baseWhere(compiled: Compiled, afterContactId: string | null): SQL {
  const { patients, orgId } = compiled;
  return and(
    eq(patients.orgId, orgId),
    isNull(patients.mergedIntoId),
    afterContactId === null ? undefined : gt(patients.id, afterContactId),
    conditionOf(compiled, compiled.root),
  ) as SQL;
}

/**
 * One page of the segment's patients in id order after `afterContactId`: one statement when every rule
 * is SQL; otherwise candidates in batches, their sealed fields and intake answers opened a batch at a time.
 */
async function matchingPage(
  db: DbOrTx,
  deps: SegmentDeps,
  compiled: Compiled,
  afterContactId: string | null,
  limit: number,
): Promise<string[]> {
  const { patients } = compiled;
  if (!compiled.sealed) {
    const rows = await db
      .select({ id: patients.id })
      .from(patients)
      .where(baseWhere(compiled, afterContactId))
      .orderBy(asc(patients.id))
      .limit(limit);
    return rows.map((row) => row.id);
  }
  const exactColumns: Record<string, SQL<boolean>> = {};
  compiled.leaves.forEach((leaf, index) => {
    if ('exact' in leaf) exactColumns[`l${index}`] = sql<boolean>`(${leaf.exact})`;
  });
  const found: string[] = [];
  let after = afterContactId;
  const batch = Math.max(limit, CANDIDATE_BATCH);
  for (;;) {
    const candidates = (await db
      .select({ id: patients.id, ...exactColumns })
      .from(patients)
      .where(baseWhere(compiled, after))
      .orderBy(asc(patients.id))
      .limit(batch)) as Array<Record<string, unknown> & { id: string }>;
    if (candidates.length === 0) return found;
    const ids = candidates.map((c) => c.id);
    const sealedValues = await sealedValuesOf(db, deps, compiled, ids);
    for (const candidate of candidates) {
      const matches = holds(compiled.root, (index) => {
        const leaf = compiled.leaves[index];
        if (!leaf) return false;
        if ('exact' in leaf) return candidate[`l${index}`] === true;
        return sealedValues(index, candidate.id);
      });
      if (matches) found.push(candidate.id);
      if (found.length === limit) return found;
    }
    if (candidates.length < batch) return found;
    after = candidates.at(-1)?.id ?? null;
  }
}

/** Opens what the sealed rules read for these patients: custom fields once, each intake's answers once. */
async function sealedValuesOf(
  db: DbOrTx,
  deps: SegmentDeps,
  compiled: Compiled,
  ids: string[],
): Promise<(leaf: number, contactId: string) => boolean> {
  const { orgId, leaves } = compiled;
  const sealedLeaves = leaves.flatMap((leaf, index) =>
    'sealed' in leaf ? [{ index, check: leaf.sealed }] : [],
  );
  const fields = sealedLeaves.some((l) => l.check.kind === 'fields')
    ? new Map((await findContactsByIds(db, deps.keyring, orgId, ids)).map((c) => [c.id, c.customFields]))
    : new Map<string, Record<string, string>>();
  const results = new Map<number, Set<string>>();
  for (const { index, check } of sealedLeaves) {
    const yes = new Set<string>();
    if (check.kind === 'fields') {
      for (const id of ids) if (check.test(fields.get(id) ?? {})) yes.add(id);
    } else {
      const answers = await answerTextsOfPatients(db, deps.keyring, orgId, {
        contactIds: ids,
        flowKey: check.flowKey,
        answerKey: COMPLAINT_ANSWER,
        since: check.since,
      });
      for (const [id, texts] of answers) if (check.test(texts)) yes.add(id);
    }
    results.set(index, yes);
  }
  return (leaf, contactId) => results.get(leaf)?.has(contactId) ?? false;
}

/** The segment's patients now, one page in id order after `afterContactId` (null: from the start). */
export async function segmentAudiencePage(
  db: DbOrTx,
  deps: SegmentDeps,
  input: { orgId: string; definition: SegmentDefinition; afterContactId: string | null; limit: number },
): Promise<string[]> {
  const compiled = await compile(db, deps, input.orgId, input.definition);
  return matchingPage(db, deps, compiled, input.afterContactId, input.limit);
}

/** How many patients the segment holds now, and the first `sampleSize` of them (in id order). */
export async function segmentSizeAndSample(
  db: DbOrTx,
  deps: SegmentDeps,
  input: { orgId: string; definition: SegmentDefinition; sampleSize: number },
): Promise<{ size: number; sample: string[] }> {
  const compiled = await compile(db, deps, input.orgId, input.definition);
  const sample = await matchingPage(db, deps, compiled, null, input.sampleSize);
  if (!compiled.sealed) {
    const [row] = await db
      .select({ count: sql<number>`count(*)::int` })
      .from(compiled.patients)
      .where(baseWhere(compiled, null));
    return { size: row?.count ?? 0, sample };
  }
  let size = 0;
  let after: string | null = null;
  for (;;) {
    const page = await matchingPage(db, deps, compiled, after, 1000);
    size += page.length;
    if (page.length < 1000) return { size, sample };
    after = page.at(-1) ?? null;
  }
}
