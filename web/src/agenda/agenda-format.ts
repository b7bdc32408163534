import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { clockRange, createClockFormat, isFrench } from '../format/clock-format.ts';

/** Dates and times of the agenda, in the interface language and the location's zone. */
export interface AgendaFormat {
  /** 09:20; « 9 h 20 » in French */
  time(iso: string): string;
  /** 09:00–09:20; « 9 h – 9 h 20 » in French */
  timeRange(start: string, end: string): string;
  /** Tuesday 5 May 2026, 09:00–09:20 */
  when(start: string, end: string): string;
  /** Tue 5 May, 09:20; « Mar. 5 mai à 9 h 20 » (lists, toasts) */
  short(iso: string): string;
  /** Tuesday 5 May 2026 (a local date, YYYY-MM-DD) */
  longDate(date: string): string;
  /** Mon 4 (a local date: a week column's heading) */
  columnDate(date: string): { weekday: string; day: string };
  /** 4–10 May 2026 (local dates: the week shown) */
  dateRange(first: string, last: string): string;
  /** 12.5 % (a share from 0 to 1) */
  percent(share: number): string;
}

/** The agenda's formatters for the current interface language. */
export function useAgendaFormat(timeZone: string): AgendaFormat {
  const { i18n } = useTranslation();
  const locale = localeOf(i18n.resolvedLanguage ?? 'en');
  return useMemo(() => createAgendaFormat(locale, timeZone), [locale, timeZone]);
}

export function createAgendaFormat(locale: string, timeZone: string): AgendaFormat {
  const clock = createClockFormat(locale, timeZone);
  const day = new Intl.DateTimeFormat(locale, {
    weekday: 'long',
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    timeZone,
  });
  const short = new Intl.DateTimeFormat(locale, {
    weekday: 'short',
    day: 'numeric',
    month: 'short',
    hour: '2-digit',
    minute: '2-digit',
    timeZone,
  });
  const shortDay = new Intl.DateTimeFormat(locale, {
    weekday: 'short',
    day: 'numeric',
    month: 'short',
    timeZone,
  });
  // Local dates are read at noon UTC and shown in UTC: no zone can move them to another day.
  const dateOnly = (options: Intl.DateTimeFormatOptions) =>
    new Intl.DateTimeFormat(locale, { ...options, timeZone: 'UTC' });
  const longDate = dateOnly({ weekday: 'long', day: 'numeric', month: 'long', year: 'numeric' });
  const weekday = dateOnly({ weekday: 'short' });
  const dayOfMonth = dateOnly({ day: 'numeric' });
  const range = dateOnly({ day: 'numeric', month: 'long', year: 'numeric' });
  const percent = new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 1 });
  const noon = (date: string) => new Date(`${date}T12:00:00Z`);
  const timeRange = (start: string, end: string) =>
    clockRange(locale, clock(new Date(start)), clock(new Date(end)));

  return {
    time: (iso) => clock(new Date(iso)),
    timeRange,
    when: (start, end) => `${capitalise(day.format(new Date(start)))}, ${timeRange(start, end)}`,
    short: (iso) => {
      const date = new Date(iso);
      return isFrench(locale)
        ? `${capitalise(shortDay.format(date))} à ${clock(date)}`
        : capitalise(short.format(date));
    },
    longDate: (date) => capitalise(longDate.format(noon(date))),
    columnDate: (date) => ({
      weekday: capitalise(weekday.format(noon(date))),
      day: dayOfMonth.format(noon(date)),
    }),
    dateRange: (first, last) => range.formatRange(noon(first), noon(last)),
    percent: (share) => percent.format(share),
  };
}

/** The browser's own variant of the interface language (en-GB keeps 24-hour times), else the language. */
function localeOf(language: string): string {
  const tags = typeof navigator === 'undefined' ? [] : (navigator.languages ?? [navigator.language]);
  return tags.find((tag) => tag.toLowerCase().split('-')[0] === language) ?? language;
}

function capitalise(text: string): string {
  return text.charAt(0).toLocaleUpperCase() + text.slice(1);
}
