import type { Bundle, Resource } from '@medplum/fhirtypes';
import { FhirError } from './fhir-outcome.ts';

/** How many matches a search weighs at most; `total` counts up to this many (README, FHIR R4 API). */
export const SEARCH_MATCHES_MAX = 1000;
export const COUNT_DEFAULT = 20;
export const COUNT_MAX = 100;
const VALUE_MAX = 256;
/** Date parameters, which may come twice (a lower and an upper bound). */
const DATE_PARAMS: readonly string[] = ['date', 'start'];
/** Parameters every search takes, besides its own: paging, and `_format` (JSON is all this server speaks). */
const PAGING = ['_count', '_cursor', '_format'] as const;
const JSON_FORMATS: readonly string[] = ['json', 'application/json', 'application/fhir+json'];

export type SearchParams = Map<string, string[]>;

export interface ParsedSearch {
  params: SearchParams;
  count: number;
  offset: number;
}

/**
 * A search's query, strictly (FHIR's `handling=strict`): a parameter this server does not implement
 * for the resource is refused with 400 naming it rather than silently ignored — a filter the client
 * believes applied but is not would return other patients' data. Values are bounded and single unless
 * the parameter says otherwise (`date` may come twice: ge and le).
 */
export function parseSearch(
  resourceType: string,
  query: unknown,
  supported: readonly string[],
): ParsedSearch {
  const params: SearchParams = new Map();
  const entries = typeof query === 'object' && query !== null ? Object.entries(query) : [];
  for (const [name, raw] of entries) {
    const where = `${resourceType}?${name.slice(0, 64)}`;
    if (!supported.includes(name) && !(PAGING as readonly string[]).includes(name)) {
      throw new FhirError(
        400,
        'not-supported',
        `${where}: search parameter not supported (supported: ${[...supported, ...PAGING].join(', ')})`,
        [where],
      );
    }
    const values = (Array.isArray(raw) ? raw : [raw]).map(String);
    const repeatable = DATE_PARAMS.includes(name);
    if (values.length > (repeatable ? 2 : 1))
      throw FhirError.invalid(where, `may be given ${repeatable ? 'at most twice' : 'once'}`);
    for (const value of values) {
      if (value.length > VALUE_MAX) throw FhirError.invalid(where, `is longer than ${VALUE_MAX} characters`);
      if (value.trim() === '') throw FhirError.invalid(where, 'is empty');
    }
    if (name === '_format' && !JSON_FORMATS.includes(values[0] ?? ''))
      throw new FhirError(
        406,
        'not-supported',
        `${where}: this server speaks JSON only (json, application/fhir+json)`,
        [where],
      );
    params.set(name, values);
  }
  return { params, count: countOf(resourceType, params), offset: offsetOf(resourceType, params) };
}

export function single(params: SearchParams, name: string): string | undefined {
  return params.get(name)?.[0];
}

function countOf(resourceType: string, params: SearchParams): number {
  const raw = single(params, '_count');
  if (raw === undefined) return COUNT_DEFAULT;
  if (!/^\d{1,4}$/.test(raw) || Number(raw) < 1 || Number(raw) > COUNT_MAX)
    throw FhirError.invalid(`${resourceType}?_count`, `must be a whole number from 1 to ${COUNT_MAX}`);
  return Number(raw);
}

function offsetOf(resourceType: string, params: SearchParams): number {
  const raw = single(params, '_cursor');
  if (raw === undefined) return 0;
  const offset = decodeCursor(raw);
  if (offset === undefined)
    throw FhirError.invalid(`${resourceType}?_cursor`, 'is not a cursor from a `next` link of this server');
  return offset;
}

/** Opaque to clients: where the next page starts among the search's matches. */
function encodeCursor(offset: number): string {
  return Buffer.from(JSON.stringify({ o: offset }), 'utf8').toString('base64url');
}

function decodeCursor(cursor: string): number | undefined {
  try {
    const parsed: unknown = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (typeof parsed !== 'object' || parsed === null || !('o' in parsed)) return undefined;
    const offset = parsed.o;
    return Number.isSafeInteger(offset) &&
      typeof offset === 'number' &&
      offset >= 0 &&
      offset < SEARCH_MATCHES_MAX
      ? offset
      : undefined;
  } catch {
    return undefined;
  }
}

/** A reference search value (`Patient/123` or `123`) → the id, checked as Careline's (a UUID). */
export function referenceId(resourceType: string, param: string, targetType: string, value: string): string {
  const id = value.startsWith(`${targetType}/`) ? value.slice(targetType.length + 1) : value;
  if (!UUID.test(id))
    throw FhirError.invalid(
      `${resourceType}?${param}`,
      `must be ${targetType}/<id> or <id> of a ${targetType}`,
    );
  return id.toLowerCase();
}

export const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** A token value `system|code`, `|code` or `code`. */
export function token(value: string): { system: string | undefined; code: string } {
  const bar = value.indexOf('|');
  if (bar < 0) return { system: undefined, code: value };
  return { system: value.slice(0, bar), code: value.slice(bar + 1) };
}

export interface DateRange {
  /** Inclusive lower bound. */
  from?: Date;
  /** Exclusive upper bound. */
  before?: Date;
}

const DATE_VALUE =
  /^(eq|gt|lt|ge|le)?(\d{4})(?:-(\d{2})(?:-(\d{2})(?:T(\d{2}):(\d{2})(?::(\d{2})(?:\.\d{1,3})?)?(Z|[+-]\d{2}:\d{2}))?)?)?$/;

/**
 * `date` values with the prefixes ge, le, gt, lt, eq (none means eq), at the value's precision: a day
 * (read in UTC) is the whole day, `ge2027-03` the whole month onwards. Two values narrow each other.
 */
export function dateRange(resourceType: string, values: readonly string[], param = 'date'): DateRange {
  const range: DateRange = {};
  for (const value of values) {
    const where = `${resourceType}?${param}`;
    const m = DATE_VALUE.exec(value);
    if (!m) throw FhirError.invalid(where, 'must be [ge|le|gt|lt|eq]YYYY[-MM[-DD[Thh:mm[:ss]+zz:zz]]]');
    const [, prefix = 'eq', year, month, day, hour, minute, second, zone] = m;
    const lo = bound(year, month, day, hour, minute, second, zone);
    if (!lo) throw FhirError.invalid(where, 'is not a real date');
    const hi = upper(lo, { month, day, hour, second });
    const narrowFrom = (d: Date) => {
      if (!range.from || d > range.from) range.from = d;
    };
    const narrowBefore = (d: Date) => {
      if (!range.before || d < range.before) range.before = d;
    };
    if (prefix === 'eq') {
      narrowFrom(lo);
      narrowBefore(hi);
    } else if (prefix === 'ge') narrowFrom(lo);
    else if (prefix === 'gt') narrowFrom(hi);
    else if (prefix === 'le') narrowBefore(hi);
    else narrowBefore(lo);
  }
  return range;
}

function bound(...parts: Array<string | undefined>): Date | undefined {
  const [year, month = '01', day = '01', hour, minute, second = '00', zone] = parts;
  const text =
    hour === undefined
      ? `${year}-${month}-${day}T00:00:00Z`
      : `${year}-${month}-${day}T${hour}:${minute}:${second}${zone}`;
  const date = new Date(text);
  if (Number.isNaN(date.getTime())) return undefined;
  // Date rolls 2027-02-30 over to March: a date that is not on the calendar is refused instead.
  if (hour === undefined && date.toISOString().slice(0, 10) !== `${year}-${month}-${day}`) return undefined;
  return date;
}

function upper(
  lo: Date,
  given: {
    month?: string | undefined;
    day?: string | undefined;
    hour?: string | undefined;
    second?: string | undefined;
  },
): Date {
  const d = new Date(lo);
  if (given.hour !== undefined) d.setUTCSeconds(d.getUTCSeconds() + (given.second === undefined ? 60 : 1));
  else if (given.day !== undefined) d.setUTCDate(d.getUTCDate() + 1);
  else if (given.month !== undefined) d.setUTCMonth(d.getUTCMonth() + 1);
  else d.setUTCFullYear(d.getUTCFullYear() + 1);
  return d;
}

export function inRange(at: Date, range: DateRange): boolean {
  return (!range.from || at >= range.from) && (!range.before || at < range.before);
}

/**
 * The searchset Bundle of one page of the matches: `total` counts them all, `link` self is the request
 * and next (when there is more) the same search with an opaque `_cursor`.
 */
export function searchset(
  base: string,
  resourceType: string,
  requestUrl: string,
  matches: readonly Resource[],
  search: ParsedSearch,
): Bundle {
  return searchsetPage(base, resourceType, requestUrl, pageOf(matches, search), matches.length, search);
}

/** The page of `matches` a search asks for (`_count` from its `_cursor`). */
export function pageOf<T>(matches: readonly T[], search: ParsedSearch): T[] {
  return matches.slice(search.offset, search.offset + search.count);
}

/** The Bundle of a page already cut from `total` matches (when only the page is worth opening). */
export function searchsetPage(
  base: string,
  resourceType: string,
  requestUrl: string,
  page: readonly Resource[],
  total: number,
  search: ParsedSearch,
): Bundle {
  const nextOffset = search.offset + search.count;
  const query = new URLSearchParams(
    requestUrl.includes('?') ? requestUrl.slice(requestUrl.indexOf('?') + 1) : '',
  );
  const selfUrl = `${base}/${resourceType}${query.size > 0 ? `?${query.toString()}` : ''}`;
  query.set('_cursor', encodeCursor(nextOffset));
  if (!query.has('_count')) query.set('_count', String(search.count));
  const next =
    nextOffset < total && nextOffset < SEARCH_MATCHES_MAX
      ? `${base}/${resourceType}?${query.toString()}`
      : undefined;
  return {
    resourceType: 'Bundle',
    type: 'searchset',
    total,
    link: [{ relation: 'self', url: selfUrl }, ...(next ? [{ relation: 'next', url: next }] : [])],
    entry: page.map((resource) => ({
      fullUrl: `${base}/${resource.resourceType}/${resource.id}`,
      resource,
      search: { mode: 'match' as const },
    })),
  };
}
