/** A part of the day in local time, as patients say it. */
export type PartOfDay = 'morning' | 'afternoon' | 'endOfDay' | 'evening';

/** Minutes since local midnight, end exclusive (1440 is midnight at the end of the day). */
export interface TimeBand {
  start: number;
  end: number;
  partOfDay?: PartOfDay;
}

export const PARTS_OF_DAY: Record<PartOfDay, { start: number; end: number }> = {
  morning: { start: 8 * 60, end: 12 * 60 },
  afternoon: { start: 12 * 60, end: 18 * 60 },
  endOfDay: { start: 16 * 60, end: 19 * 60 },
  evening: { start: 18 * 60, end: 21 * 60 },
};

// Most specific first: "fin d'après-midi" is the end of the day before it is the afternoon.
const PART_OF_DAY_WORDS: ReadonlyArray<readonly [PartOfDay, RegExp]> = [
  [
    'endOfDay',
    /\bfin (?:de (?:la )?journee|d'apres[- ]midi)\b|\bend of (?:the )?day\b|\blate afternoon\b|\bafter work\b|\bapres (?:le )?(?:travail|boulot)\b/,
  ],
  ['afternoon', /\b(?:apres[- ]midi|aprem|afternoons?)\b/],
  ['morning', /\b(?:matin(?:ee)?s?|mornings?)\b/],
  ['evening', /\b(?:soir(?:ee)?s?|evenings?|tonight)\b/],
];

const LUNCHTIME =
  /\bentre midi et (?:deux|2|14 ?h)\b|\blunch ?time\b|\bheure du dejeuner\b|\bpause (?:de )?(?:midi|dejeuner)\b/;

type Qualifier = 'around' | 'after' | 'before' | 'at';

// Longest phrases first, so that "pas avant" is not read as "avant".
const QUALIFIERS: ReadonlyArray<readonly [Qualifier, string]> = [
  ['after', 'pas avant|not before|no earlier than|a partir de|starting at|later than|apres|after|from|des'],
  ['before', 'pas apres|not after|no later than|au plus tard a|avant|before|by'],
  ['around', 'aux alentours de|autour de|a peu pres a|approximately|around|roughly|environ|about|vers'],
  ['at', 'pour|for|at|a'],
];

/** A clock time: 10h, 10h30, 10 heures, 14:30, 2pm, 2:30 p.m., 10 o'clock, midi, noon, or a bare 10. */
function clockSource(name: string): string {
  return (
    `(?<${name}noon>(?<!apres[- ])\\bmidi\\b|\\bnoon\\b)` +
    `|(?<![\\d/.,:])(?<${name}hour>\\d{1,2})` +
    `(?:(?<${name}unit>\\s*(?:heures?|h)(?![a-z]))\\s*(?<${name}minute>[0-5]\\d)?|:(?<${name}colon>[0-5]\\d))?` +
    `(?:\\s*(?<${name}meridiem>[ap]\\.?m\\b\\.?|o'clock))?(?![\\d/])`
  );
}

const CLOCK = new RegExp(clockSource('t'), 'g');
const CLOCK_RANGE = new RegExp(
  `\\b(?:entre|between|de|from)\\s+(?:${clockSource('a')})\\s*(?:et|and|a|to|-|jusqu'a)\\s*(?:${clockSource('b')})`,
);
// A bare number followed by one of these is a date or a duration, not a time: "dans 3 jours", "from 12 May".
const NOT_A_TIME_AFTER =
  /^\s*(?:jours?|days?|semaines?|weeks?|mois|months?|ans?|years?|er\b|st\b|nd\b|rd\b|th\b|janv|fev|mars|avr|mai|juin|juil|aout|sept|oct|nov|dec|jan|feb|mar|apr|may|jun|jul|aug|sep)/;

export interface TimeOfDayReading {
  band: TimeBand;
  /** The text with the words read blanked out, for the date parser not to read "10h" as a date. */
  rest: string;
}

/**
 * The time of day a normalised phrase asks for: a clock time with its qualifier (vers 10h: 09:00–11:00,
 * à 10h: 10:00–11:00, avant 10h: until 10:00, après 17h: from 17:00), a range (entre 14h et 16h), lunchtime,
 * or a part of the day (morning 08–12, afternoon 12–18, end of day 16–19, evening 18–21). A clock time
 * wins over a part of the day, which still tells 2 from 14 ("2h de l'après-midi"); without either, hours
 * from 1 to 6 are afternoon hours, since nobody books a clinic at 3 a.m.
 */
export function readTimeOfDay(text: string): TimeOfDayReading | null {
  const partMatch = PART_OF_DAY_WORDS.map(([part, pattern]) => ({ part, match: pattern.exec(text) })).find(
    (candidate) => candidate.match !== null,
  );
  const partOfDay = partMatch?.part;
  const label = partOfDay === undefined ? {} : { partOfDay };
  const withoutPart = partMatch?.match == null ? text : blank(text, partMatch.match);
  const clock = readClock(withoutPart, partOfDay);
  if (clock !== null) return { band: { ...clock.band, ...label }, rest: clock.rest };
  if (partOfDay === undefined) return null;
  return { band: { ...PARTS_OF_DAY[partOfDay], partOfDay }, rest: withoutPart };
}

function readClock(text: string, partOfDay: PartOfDay | undefined): { band: TimeBand; rest: string } | null {
  const lunch = LUNCHTIME.exec(text);
  if (lunch !== null) return { band: { start: 12 * 60, end: 14 * 60 }, rest: blank(text, lunch) };
  const range = CLOCK_RANGE.exec(text);
  if (range?.groups !== undefined) {
    const start = clockMinutes(range.groups, 'a', partOfDay);
    const end = clockMinutes(range.groups, 'b', partOfDay);
    if (start !== null && end !== null && end > start)
      return { band: { start, end }, rest: blank(text, range) };
  }
  for (const match of text.matchAll(CLOCK)) {
    const groups = match.groups;
    if (groups === undefined) continue;
    const qualifier = qualifierBefore(text.slice(0, match.index));
    const isBare =
      groups.tnoon === undefined &&
      groups.tunit === undefined &&
      groups.tcolon === undefined &&
      groups.tmeridiem === undefined;
    const after = text.slice(match.index + match[0].length);
    if (isBare && (qualifier === undefined || NOT_A_TIME_AFTER.test(after))) continue;
    const minutes = clockMinutes(groups, 't', partOfDay);
    if (minutes === null) continue;
    return {
      band: bandAround(minutes, qualifier?.kind ?? 'at'),
      rest: blank(text, match, qualifier?.length),
    };
  }
  return null;
}

function bandAround(minutes: number, qualifier: Qualifier): { start: number; end: number } {
  switch (qualifier) {
    case 'around':
      return { start: Math.max(minutes - 60, 0), end: Math.min(minutes + 60, 24 * 60) };
    case 'after':
      return { start: minutes, end: 24 * 60 };
    case 'before':
      return { start: 0, end: minutes };
    case 'at':
      return { start: minutes, end: Math.min(minutes + 60, 24 * 60) };
  }
}

function clockMinutes(
  groups: Record<string, string | undefined>,
  name: string,
  partOfDay?: PartOfDay,
): number | null {
  if (groups[`${name}noon`] !== undefined) return 12 * 60;
  const hourText = groups[`${name}hour`];
  if (hourText === undefined) return null;
  let hour = Number(hourText);
  const minute = Number(groups[`${name}minute`] ?? groups[`${name}colon`] ?? 0);
  const meridiem = groups[`${name}meridiem`]?.replaceAll('.', '');
  if (hour > 23 || (meridiem !== undefined && meridiem !== "o'clock" && (hour > 12 || hour === 0)))
    return null;
  if (meridiem === 'pm' && hour < 12) hour += 12;
  else if (meridiem === 'am' && hour === 12) hour = 0;
  else if (meridiem === undefined || meridiem === "o'clock") {
    const laterInDay = partOfDay === 'afternoon' || partOfDay === 'endOfDay' || partOfDay === 'evening';
    if (hour < 12 && hour > 0 && (laterInDay || hour <= 6)) hour += 12;
  }
  return hour * 60 + minute;
}

function qualifierBefore(before: string): { kind: Qualifier; length: number } | undefined {
  for (const [kind, words] of QUALIFIERS) {
    const match = new RegExp(`(?:^|[\\s,])((?:${words})\\s*)$`).exec(before);
    if (match?.[1] !== undefined) return { kind, length: match[1].length };
  }
  return undefined;
}

function blank(text: string, match: RegExpExecArray | RegExpMatchArray, extraBefore = 0): string {
  const start = (match.index ?? 0) - extraBefore;
  const end = (match.index ?? 0) + match[0].length;
  return text.slice(0, start) + ' '.repeat(end - start) + text.slice(end);
}
