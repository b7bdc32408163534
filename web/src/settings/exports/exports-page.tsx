import { Button, Group, Paper, SegmentedControl, Select, TextInput, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  DATASETS_BY_TEAM,
  EXPORT_DATASETS,
  type ExportDataset,
  type ExportFormat,
  exportsApi,
} from '../../api/exports-api.ts';
import { settingsApi, settingsKeys } from '../../api/settings-api.ts';
import { useSignedIn } from '../../session/session-context.tsx';
import { Icon } from '../../ui/icons.tsx';
import { PageHeader } from '../page-header.tsx';
import { ScheduleSection } from './export-schedule-section.tsx';

/** Settings › Exports: download a period of a dataset; the daily export to a bucket and its runs. */
export function ExportsPage() {
  const { t } = useTranslation();
  return (
    <>
      <PageHeader title={t('exports.title')} description={t('exports.description')} />
      <DownloadForm />
      <ScheduleSection />
    </>
  );
}

/** A day of the clinic (YYYY-MM-DD), `daysAgo` before today. */
function clinicDay(timeZone: string, daysAgo: number): string {
  return new Date(Date.now() - daysAgo * 86_400_000).toLocaleDateString('sv-SE', { timeZone });
}

function DownloadForm() {
  const { t } = useTranslation();
  const { user } = useSignedIn();
  const [dataset, setDataset] = useState<ExportDataset>('messages');
  const [format, setFormat] = useState<ExportFormat>('csv');
  const [from, setFrom] = useState(() => clinicDay(user.org.time_zone, 29));
  const [to, setTo] = useState(() => clinicDay(user.org.time_zone, 0));
  const [teamId, setTeamId] = useState<string | null>(null);
  const teams = useQuery({ queryKey: settingsKeys.teams, queryFn: settingsApi.teams });
  const byTeam = DATASETS_BY_TEAM.includes(dataset);
  const periodValid = from !== '' && to !== '' && from <= to;
  return (
    <Paper withBorder radius="lg" p="lg" component="section" aria-labelledby="exports-download">
      <Title order={2} size="h5" mb="md" id="exports-download">
        {t('exports.download.title')}
      </Title>
      <Group gap="md" align="flex-end">
        <Select
          label={t('exports.download.dataset')}
          data={EXPORT_DATASETS.map((d) => ({ value: d, label: t(`exports.datasets.${d}`) }))}
          value={dataset}
          onChange={(value) => value && setDataset(value as ExportDataset)}
          allowDeselect={false}
          w={240}
        />
        <TextInput
          type="date"
          label={t('exports.download.from')}
          value={from}
          onChange={(e) => setFrom(e.currentTarget.value)}
        />
        <TextInput
          type="date"
          label={t('exports.download.to')}
          value={to}
          onChange={(e) => setTo(e.currentTarget.value)}
          error={periodValid ? undefined : t('exports.download.periodInvalid')}
        />
        <Select
          label={t('exports.download.team')}
          placeholder={byTeam ? t('exports.download.allTeams') : t('exports.download.teamNotApplicable')}
          data={(teams.data?.data ?? []).map((team) => ({ value: team.id, label: team.name }))}
          value={byTeam ? teamId : null}
          onChange={setTeamId}
          disabled={!byTeam}
          clearable
          w={220}
        />
      </Group>
      <Group justify="space-between" mt="md">
        <SegmentedControl
          aria-label={t('exports.download.format')}
          value={format}
          onChange={(value) => setFormat(value as ExportFormat)}
          data={(['csv', 'ndjson'] as const).map((f) => ({ value: f, label: t(`exports.formats.${f}`) }))}
        />
        <Button
          component="a"
          href={periodValid ? exportsApi.downloadUrl({ dataset, format, from, to, teamId }) : undefined}
          download
          data-disabled={!periodValid || undefined}
          onClick={(event) => {
            if (!periodValid) event.preventDefault();
          }}
          leftSection={<Icon name="download" size={16} />}
        >
          {t('exports.download.button')}
        </Button>
      </Group>
    </Paper>
  );
}
