import { UnstyledButton } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Appointment } from '../api/scheduling-types.ts';
import { currentLanguage } from '../i18n/i18n.ts';
import { Icon } from '../ui/icons.tsx';
import type { AgendaFormat } from './agenda-format.ts';
import classes from './agenda-grid.module.css';
import type { PlacedBlock } from './day-layout.ts';

interface Props {
  block: PlacedBlock<Appointment>;
  top: number;
  height: number;
  format: AgendaFormat;
  showPractitioner: boolean;
  selected: boolean;
  onOpen(appointment: Appointment): void;
}

/** An appointment on the grid: its time, the patient, the type; its colour says its status. */
export function AppointmentBlock({ block, top, height, format, showPractitioner, selected, onOpen }: Props) {
  const { t } = useTranslation();
  const a = block.item;
  const name = a.contact.name ?? t('agenda.unnamed');
  const type = a.type ? a.type.name[currentLanguage()] : null;
  const sub = [type, showPractitioner ? a.practitioner.name : null].filter(Boolean).join(' · ');
  const label = [
    format.timeRange(a.start, a.end),
    name,
    type,
    showPractitioner ? a.practitioner.name : null,
    t(`agenda.status.${a.status}`),
    a.confirmed_at ? t('agenda.confirmed') : null,
    a.late ? t('agenda.late') : null,
  ]
    .filter(Boolean)
    .join(', ');
  const width = 100 / block.lanes;

  return (
    <UnstyledButton
      className={classes.block}
      data-status={a.status}
      data-late={a.late || undefined}
      data-selected={selected || undefined}
      data-compact={height < 30 || undefined}
      style={{
        top,
        height: Math.max(height - 1, 14),
        left: `calc(${block.lane * width}% + 2px)`,
        width: `calc(${width}% - 4px)`,
      }}
      aria-label={label}
      aria-haspopup="dialog"
      onClick={() => onOpen(a)}
    >
      <span className={classes.blockLine}>
        <span className={classes.blockTime}>{format.time(a.start)}</span>
        <span className={classes.blockName}>{name}</span>
        {a.confirmed_at && (
          <span className={classes.confirmed} title={t('agenda.confirmed')}>
            <Icon name="check" size={12} stroke={2.6} />
          </span>
        )}
        {a.late && (
          <span className={classes.lateFlag} title={t('agenda.lateHint')}>
            <Icon name="late" size={11} />
            {t('agenda.late')}
          </span>
        )}
      </span>
      {sub && <span className={classes.blockSub}>{sub}</span>}
    </UnstyledButton>
  );
}
