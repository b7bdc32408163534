import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { createClockFormat, isFrench } from './clock-format.ts';

export interface Formatters {
  /** 14:05; « 14 h 05 » in French */
  time(iso: string): string;
  /** "Today", "Yesterday", or "Monday 3 March 2025", for date separators. */
  day(iso: string): string;
  /** A calendar day in the clinic's zone, to group messages: 2025-03-03. */
  dayKey(iso: string): string;
  /** In lists: the time today, the weekday this week, else a short date. */
  listTime(iso: string): string;
  /** 3 March 2025, 14:05; « 3 mars 2025 à 14 h 05 » (tooltips, panels). */
  dateTime(iso: string): string;
  /** How long since: "12 min", "3 h", "2 days". */
  elapsed(iso: string, now?: number): string;
  /** How long until: "45 min", "23 h". */
  remaining(iso: string, now?: number): string;
  /** 1.2 MB */
  fileSize(bytes: number): string;
}

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

/** Dates and times in the interface language, in the clinic's time zone (not the browser's). */
export function useFormatters(timeZone?: string): Formatters {
  const { t, i18n } = useTranslation();
  const locale = intlLocale(i18n.resolvedLanguage ?? 'en');
  return useMemo(
    () => createFormatters(locale, timeZone, { today: t('dates.today'), yesterday: t('dates.yesterday') }),
    [locale, timeZone, t],
  );
}

export function createFormatters(
  locale: string,
  timeZone: string | undefined,
  words: { today: string; yesterday: string },
): Formatters {
  const zone = validZone(timeZone);
  const clock = createClockFormat(locale, zone);
  const longDay = new Intl.DateTimeFormat(locale, {
    weekday: 'long',
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    timeZone: zone,
  });
  const weekday = new Intl.DateTimeFormat(locale, { weekday: 'short', timeZone: zone });
  const shortDate = new Intl.DateTimeFormat(locale, { day: 'numeric', month: 'short', timeZone: zone });
  const shortDateYear = new Intl.DateTimeFormat(locale, {
    day: 'numeric',
    month: 'short',
    year: 'numeric',
    timeZone: zone,
  });
  const full = new Intl.DateTimeFormat(locale, { dateStyle: 'long', timeStyle: 'short', timeZone: zone });
  const longDate = new Intl.DateTimeFormat(locale, { dateStyle: 'long', timeZone: zone });
  const key = new Intl.DateTimeFormat('en-CA', {
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    timeZone: zone,
  });
  const unit = (name: 'minute' | 'hour' | 'day') =>
    new Intl.NumberFormat(locale, {
      style: 'unit',
      unit: name,
      unitDisplay: name === 'day' ? 'long' : 'short',
    });
  const minutes = unit('minute');
  const hours = unit('hour');
  const days = unit('day');
  const bytes = (value: number, name: 'byte' | 'kilobyte' | 'megabyte' | 'gigabyte') =>
    new Intl.NumberFormat(locale, {
      style: 'unit',
      unit: name,
      unitDisplay: name === 'byte' ? 'long' : 'short',
      maximumFractionDigits: value < 10 && name !== 'byte' ? 1 : 0,
    }).format(value);

  const duration = (ms: number) => {
    const span = Math.max(0, ms);
    if (span < HOUR) return minutes.format(Math.max(1, Math.floor(span / MINUTE)));
    if (span < DAY) return hours.format(Math.floor(span / HOUR));
    return days.format(Math.floor(span / DAY));
  };
  const dayKey = (iso: string) => key.format(new Date(iso));
  const daysAgo = (iso: string) => {
    const today = Date.parse(`${key.format(new Date())}T00:00:00Z`);
    const then = Date.parse(`${dayKey(iso)}T00:00:00Z`);
    return Math.round((today - then) / DAY);
  };

  return {
    time: (iso) => clock(new Date(iso)),
    dayKey,
    day: (iso) => {
      const ago = daysAgo(iso);
      if (ago === 0) return words.today;
      if (ago === 1) return words.yesterday;
      return capitalise(longDay.format(new Date(iso)));
    },
    listTime: (iso) => {
      const ago = daysAgo(iso);
      if (ago === 0) return clock(new Date(iso));
      if (ago === 1) return words.yesterday;
      if (ago < 7) return capitalise(weekday.format(new Date(iso)));
      const sameYear = dayKey(iso).slice(0, 4) === key.format(new Date()).slice(0, 4);
      return (sameYear ? shortDate : shortDateYear).format(new Date(iso));
    },
    dateTime: (iso) => {
      const date = new Date(iso);
      return isFrench(locale) ? `${longDate.format(date)} à ${clock(date)}` : full.format(date);
    },
    elapsed: (iso, now = Date.now()) => duration(now - Date.parse(iso)),
    remaining: (iso, now = Date.now()) => duration(Date.parse(iso) - now),
    fileSize: (size) => {
      if (size < 1024) return bytes(size, 'byte');
      if (size < 1024 ** 2) return bytes(size / 1024, 'kilobyte');
      if (size < 1024 ** 3) return bytes(size / 1024 ** 2, 'megabyte');
      return bytes(size / 1024 ** 3, 'gigabyte');
    },
  };
}

/** The browser's own variant of the interface language (en-GB keeps 24-hour times), else the language. */
function intlLocale(language: string): string {
  const tags = typeof navigator === 'undefined' ? [] : (navigator.languages ?? [navigator.language]);
  return tags.find((tag) => tag.toLowerCase().split('-')[0] === language) ?? language;
}

function validZone(zone: string | undefined): string | undefined {
  if (!zone) return undefined;
  try {
    new Intl.DateTimeFormat('en', { timeZone: zone });
    return zone;
  } catch {
    return undefined;
  }
}

function capitalise(text: string): string {
  return text.charAt(0).toLocaleUpperCase() + text.slice(1);
}
