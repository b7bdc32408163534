import { Group, SegmentedControl, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { parseDate } from './agenda-dates.ts';
import { lastDays, PERIOD_PRESETS, presetOf, type ReportPeriod } from './report-period.ts';

/** Select values are strings: this one stands for a period chosen with the dates. */
const CUSTOM = 'custom';

/** A report's period: the last 7, 30 or 90 days, or two days on the clinic's clock chosen by hand. */
export function ReportPeriodPicker({
  period,
  today,
  onChange,
}: {
  period: ReportPeriod;
  today: string;
  onChange: (period: ReportPeriod) => void;
}) {
  const { t } = useTranslation();
  const preset = presetOf(period, today);
  return (
    <Group gap="sm" align="flex-end">
      <SegmentedControl
        aria-label={t('report.period')}
        value={preset === null ? CUSTOM : String(preset)}
        onChange={(value) => {
          const days = PERIOD_PRESETS.find((d) => String(d) === value);
          if (days) onChange(lastDays(days, today));
        }}
        data={[
          ...PERIOD_PRESETS.map((days) => ({
            value: String(days),
            label: t('report.lastDays', { count: days }),
          })),
          { value: CUSTOM, label: t('report.custom'), disabled: true },
        ]}
      />
      <TextInput
        type="date"
        label={t('report.from')}
        value={period.from}
        max={period.to}
        onChange={(event) => {
          const from = parseDate(event.currentTarget.value);
          if (from && from <= period.to) onChange({ from, to: period.to });
        }}
        w={160}
      />
      <TextInput
        type="date"
        label={t('report.to')}
        value={period.to}
        min={period.from}
        onChange={(event) => {
          const to = parseDate(event.currentTarget.value);
          if (to && to >= period.from) onChange({ from: period.from, to });
        }}
        w={160}
      />
    </Group>
  );
}
