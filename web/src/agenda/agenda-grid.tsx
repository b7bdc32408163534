import { Text } from '@mantine/core';
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { Appointment } from '../api/scheduling-types.ts';
import type { AgendaColumn } from './agenda-columns.ts';
import { wallClock } from './agenda-dates.ts';
import type { AgendaFormat } from './agenda-format.ts';
import classes from './agenda-grid.module.css';
import { AppointmentBlock } from './appointment-block.tsx';
import type { MinuteSpan } from './working-hours.ts';

/** 96 px an hour: a 20-minute consultation is tall enough for a name and its type. */
export const PX_PER_MINUTE = 1.6;

interface Props {
  columns: AgendaColumn[];
  hours: MinuteSpan;
  timeZone: string;
  today: string;
  now: string;
  format: AgendaFormat;
  /** Say whose appointment each block is (several practitioners share a column). */
  showPractitioner: boolean;
  selectedId: string | undefined;
  /** False while the appointments shown are still the previous page's. */
  settled: boolean;
  onOpen(appointment: Appointment): void;
}

/** The time grid: hours down the side, a column per day or practitioner, appointments as blocks. */
export function AgendaGrid(props: Props) {
  const { columns, hours, format } = props;
  const height = (hours.end - hours.start) * PX_PER_MINUTE;
  const y = (minute: number) => (minute - hours.start) * PX_PER_MINUTE;
  const marks = Array.from({ length: (hours.end - hours.start) / 60 }, (_, i) => hours.start + i * 60);
  const nowAt = wallClock(props.now, props.timeZone);
  const template = `56px repeat(${columns.length}, minmax(128px, 1fr))`;
  const scroller = useRef<HTMLDivElement>(null);
  const scrolledFor = useRef<string | null>(null);
  const page = columns.map((column) => column.key).join();
  const focus = focusMinute(columns, hours, nowAt);

  // Each new day or week opens on what matters (now, on today; else the first appointment), once:
  // the refresh every half minute must not pull the view away from where the person scrolled.
  useEffect(() => {
    if (!props.settled || scrolledFor.current === page || !scroller.current) return;
    scrolledFor.current = page;
    // From the start of that hour, so that the hours down the side read from a whole one.
    scroller.current.scrollTop = Math.max(0, (Math.floor(focus / 60) * 60 - hours.start) * PX_PER_MINUTE);
  }, [props.settled, page, focus, hours.start]);

  return (
    <div className={classes.frame}>
      <div className={classes.scroller} ref={scroller}>
        <div className={classes.head} style={{ gridTemplateColumns: template }}>
          <div className={classes.corner} />
          {columns.map((column) => (
            <ColumnHeading key={column.key} column={column} today={props.today} format={format} />
          ))}
        </div>
        <div className={classes.body} style={{ gridTemplateColumns: template }}>
          <div className={classes.gutter} style={{ height }} aria-hidden="true">
            {marks.map((minute, index) => (
              <span
                key={minute}
                className={classes.hourMark}
                data-first={index === 0 || undefined}
                style={{ top: index === 0 ? 2 : y(minute) }}
              >
                {`${String(Math.floor(minute / 60)).padStart(2, '0')}:00`}
              </span>
            ))}
          </div>
          {columns.map((column) => (
            <section
              key={column.key}
              className={classes.column}
              style={{ height }}
              aria-label={columnLabel(column, format)}
              data-today={column.date === props.today || undefined}
            >
              {column.working.map((span) => (
                <div
                  key={span.start}
                  className={classes.working}
                  style={{ top: y(span.start), height: (span.end - span.start) * PX_PER_MINUTE }}
                />
              ))}
              <div className={classes.lines} />
              {column.date === nowAt.date && nowAt.minutes >= hours.start && nowAt.minutes < hours.end && (
                <div className={classes.now} style={{ top: y(nowAt.minutes) }} aria-hidden="true" />
              )}
              {column.blocks.length > 0 && (
                <ul className={classes.blocks}>
                  {column.blocks.map((block) => (
                    <li key={block.item.id}>
                      <AppointmentBlock
                        block={block}
                        top={y(block.top)}
                        height={block.length * PX_PER_MINUTE}
                        format={format}
                        showPractitioner={props.showPractitioner}
                        selected={block.item.id === props.selectedId}
                        onOpen={props.onOpen}
                      />
                    </li>
                  ))}
                </ul>
              )}
            </section>
          ))}
        </div>
      </div>
    </div>
  );
}

/** Where the grid opens: an hour before now on today's page, else the first appointment, else the top. */
function focusMinute(
  columns: readonly AgendaColumn[],
  hours: MinuteSpan,
  now: { date: string; minutes: number },
): number {
  if (
    columns.some((column) => column.date === now.date) &&
    now.minutes > hours.start &&
    now.minutes < hours.end
  )
    return now.minutes - 60;
  const tops = columns.flatMap((column) => column.blocks.map((block) => block.top));
  return tops.length > 0 ? Math.min(...tops) : hours.start;
}

function ColumnHeading({
  column,
  today,
  format,
}: {
  column: AgendaColumn;
  today: string;
  format: AgendaFormat;
}) {
  const count = column.blocks.filter((b) => b.item.status !== 'cancelled').length;
  if (column.practitioner) {
    return (
      <div className={classes.heading}>
        <Text size="sm" fw={650} truncate>
          {column.practitioner.name}
        </Text>
        <Count count={count} off={column.working.length === 0} />
      </div>
    );
  }
  const { weekday, day } = format.columnDate(column.date);
  return (
    <div className={classes.heading} data-today={column.date === today || undefined}>
      <span className={classes.weekday}>{weekday}</span>
      <span className={classes.dayNumber}>{day}</span>
      <Count count={count} off={column.working.length === 0} />
    </div>
  );
}

/** How many appointments a column holds, or that nobody works then; nothing else, to keep it quiet. */
function Count({ count, off }: { count: number; off: boolean }) {
  const { t } = useTranslation();
  return (
    <Text size="xs" c="dimmed" className={classes.count}>
      {count > 0 ? t('agenda.count', { count }) : off ? t('agenda.notWorking') : ' '}
    </Text>
  );
}

function columnLabel(column: AgendaColumn, format: AgendaFormat): string {
  const day = format.longDate(column.date);
  return column.practitioner ? `${column.practitioner.name}, ${day}` : day;
}
