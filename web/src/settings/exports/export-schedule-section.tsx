import {
  Alert,
  Button,
  Checkbox,
  Group,
  NumberInput,
  Paper,
  PasswordInput,
  SegmentedControl,
  Stack,
  Switch,
  Table,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { describeError } from '../../api/describe-error.ts';
import {
  EXPORT_DATASETS,
  type ExportDataset,
  type ExportFormat,
  type ExportRun,
  type ExportSchedule,
  type ExportScheduleInput,
  exportKeys,
  exportsApi,
} from '../../api/exports-api.ts';
import { ApiError } from '../../api/http-client.ts';
import { useFormatters } from '../../format/formatters.ts';
import { useCan } from '../../session/permissions.ts';
import { useSignedIn } from '../../session/session-context.tsx';
import { Icon } from '../../ui/icons.tsx';
import { useNotify } from '../../ui/toasts.tsx';

/** The daily export to a bucket: its form (settings.manage) or a summary, and the last runs. */
export function ScheduleSection() {
  const { t } = useTranslation();
  const can = useCan();
  const schedule = useQuery({
    queryKey: exportKeys.schedule,
    queryFn: exportsApi.schedule,
    refetchInterval: 10_000,
  });
  return (
    <Paper withBorder radius="lg" p="lg" mt="lg" component="section" aria-labelledby="exports-schedule">
      <Title order={2} size="h5" id="exports-schedule">
        {t('exports.schedule.title')}
      </Title>
      <Text size="sm" c="dimmed" mb="md">
        {t('exports.schedule.description')}
      </Text>
      {schedule.isError && (
        <Alert color="red" variant="light" icon={<Icon name="alert" />}>
          {describeError(schedule.error, t)}
        </Alert>
      )}
      {schedule.isSuccess &&
        (can('settings.manage') ? (
          <ScheduleForm schedule={schedule.data.schedule} />
        ) : (
          <ScheduleSummary schedule={schedule.data.schedule} />
        ))}
      {schedule.isSuccess && <RunList runs={schedule.data.runs} />}
    </Paper>
  );
}

function ScheduleSummary({ schedule }: { schedule: ExportSchedule | null }) {
  const { t } = useTranslation();
  if (!schedule) return <Text size="sm">{t('exports.schedule.none')}</Text>;
  return (
    <Text size="sm">
      {schedule.enabled
        ? t('exports.schedule.summary', {
            bucket: schedule.bucket,
            endpoint: schedule.endpoint,
            hour: schedule.hour,
          })
        : t('exports.schedule.off')}
    </Text>
  );
}

const emptyDraft: ExportScheduleInput = {
  endpoint: '',
  region: '',
  bucket: '',
  prefix: '',
  access_key_id: '',
  datasets: ['messages'],
  format: 'ndjson',
  hour: 3,
  enabled: true,
};

function ScheduleForm({ schedule }: { schedule: ExportSchedule | null }) {
  const { t } = useTranslation();
  const { user } = useSignedIn();
  const format = useFormatters(user.org.time_zone);
  const notify = useNotify();
  const queryClient = useQueryClient();
  const [draft, setDraft] = useState<ExportScheduleInput>(() =>
    schedule
      ? {
          endpoint: schedule.endpoint,
          region: schedule.region,
          bucket: schedule.bucket,
          prefix: schedule.prefix,
          access_key_id: schedule.access_key_id,
          datasets: schedule.datasets.filter((d): d is ExportDataset =>
            (EXPORT_DATASETS as readonly string[]).includes(d),
          ),
          format: schedule.format,
          hour: schedule.hour,
          enabled: schedule.enabled,
        }
      : emptyDraft,
  );
  const [secret, setSecret] = useState('');
  const save = useMutation({
    mutationFn: () => exportsApi.saveSchedule({ ...draft, ...(secret ? { secret_access_key: secret } : {}) }),
    onSuccess: () => {
      setSecret('');
      void queryClient.invalidateQueries({ queryKey: exportKeys.schedule });
      notify(t('exports.schedule.saved'), 'careline');
    },
  });
  const run = useMutation({
    mutationFn: exportsApi.runNow,
    onSuccess: ({ day }) => {
      notify(t('exports.schedule.queued', { day }), 'careline');
      void queryClient.invalidateQueries({ queryKey: exportKeys.schedule });
    },
  });
  const error = (field: string) =>
    save.error instanceof ApiError ? save.error.fieldMessage(`body.${field}`) : undefined;
  const text = (field: 'endpoint' | 'region' | 'bucket' | 'prefix' | 'access_key_id', label: string) => (
    <TextInput
      label={label}
      value={draft[field]}
      error={error(field)}
      onChange={(e) => {
        const value = e.currentTarget.value;
        setDraft((old) => ({ ...old, [field]: value }));
      }}
    />
  );
  return (
    <form
      onSubmit={(event) => {
        event.preventDefault();
        save.mutate();
      }}
    >
      <Stack gap="sm">
        {text('endpoint', t('exports.schedule.endpoint'))}
        <Group grow>
          {text('region', t('exports.schedule.region'))}
          {text('bucket', t('exports.schedule.bucket'))}
          {text('prefix', t('exports.schedule.prefix'))}
        </Group>
        <Group grow>
          {text('access_key_id', t('exports.schedule.accessKeyId'))}
          <PasswordInput
            label={t('exports.schedule.secretAccessKey')}
            placeholder={schedule ? t('exports.schedule.secretStored') : undefined}
            value={secret}
            error={error('secret_access_key')}
            onChange={(e) => setSecret(e.currentTarget.value)}
            autoComplete="new-password"
          />
        </Group>
        <Checkbox.Group
          label={t('exports.schedule.datasets')}
          value={draft.datasets}
          error={error('datasets')}
          onChange={(value) => setDraft((old) => ({ ...old, datasets: value as ExportDataset[] }))}
        >
          <Group gap="md" mt={4}>
            {EXPORT_DATASETS.map((d) => (
              <Checkbox key={d} value={d} label={t(`exports.datasets.${d}`)} />
            ))}
          </Group>
        </Checkbox.Group>
        <Group align="flex-end">
          <SegmentedControl
            aria-label={t('exports.download.format')}
            value={draft.format}
            onChange={(value) => setDraft((old) => ({ ...old, format: value as ExportFormat }))}
            data={(['csv', 'ndjson'] as const).map((f) => ({ value: f, label: t(`exports.formats.${f}`) }))}
          />
          <NumberInput
            label={t('exports.schedule.hour')}
            min={0}
            max={23}
            allowDecimal={false}
            allowNegative={false}
            w={180}
            value={draft.hour}
            error={error('hour')}
            onChange={(value) => setDraft((old) => ({ ...old, hour: typeof value === 'number' ? value : 0 }))}
          />
          <Switch
            label={t('exports.schedule.enabled')}
            checked={draft.enabled}
            onChange={(e) => {
              const enabled = e.currentTarget.checked;
              setDraft((old) => ({ ...old, enabled }));
            }}
          />
        </Group>
        {(save.isError && !(save.error instanceof ApiError && save.error.fieldErrors.length > 0)) ||
        run.isError ? (
          <Alert color="red" variant="light" icon={<Icon name="alert" />} role="alert">
            {describeError(save.error ?? run.error, t)}
          </Alert>
        ) : null}
        <Group justify="space-between">
          <Text size="sm" c="dimmed">
            {schedule?.next_run_at
              ? t('exports.schedule.nextRun', { when: format.dateTime(schedule.next_run_at) })
              : schedule
                ? t('exports.schedule.off')
                : t('exports.schedule.none')}
          </Text>
          <Group gap="sm">
            {schedule && (
              <Button variant="default" onClick={() => run.mutate()} loading={run.isPending}>
                {t('exports.schedule.runNow')}
              </Button>
            )}
            <Button type="submit" loading={save.isPending}>
              {t('exports.schedule.save')}
            </Button>
          </Group>
        </Group>
      </Stack>
    </form>
  );
}

function RunList({ runs }: { runs: readonly ExportRun[] }) {
  const { t } = useTranslation();
  const { user } = useSignedIn();
  const format = useFormatters(user.org.time_zone);
  return (
    <>
      <Title order={3} size="h6" mt="lg" mb="xs">
        {t('exports.runs.title')}
      </Title>
      {runs.length === 0 ? (
        <Text size="sm" c="dimmed">
          {t('exports.runs.empty')}
        </Text>
      ) : (
        <Table striped aria-label={t('exports.runs.title')}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('exports.runs.day')}</Table.Th>
              <Table.Th>{t('exports.runs.dataset')}</Table.Th>
              <Table.Th>{t('exports.runs.status')}</Table.Th>
              <Table.Th>{t('exports.runs.rows')}</Table.Th>
              <Table.Th>{t('exports.runs.attempts')}</Table.Th>
              <Table.Th>{t('exports.runs.finished')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {runs.map((r) => (
              <Table.Tr key={r.id}>
                <Table.Td>{r.day}</Table.Td>
                <Table.Td>{r.object_key}</Table.Td>
                <Table.Td>
                  <Text size="sm" c={r.status === 'done' ? undefined : 'red'}>
                    {t(`exports.runs.${r.status}`)}
                    {r.error ? ` — ${r.error}` : ''}
                  </Text>
                </Table.Td>
                <Table.Td>{r.rows}</Table.Td>
                <Table.Td>{r.attempts}</Table.Td>
                <Table.Td>{format.dateTime(r.finished_at)}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
    </>
  );
}
