import {
  Alert,
  Button,
  Divider,
  Group,
  Paper,
  Skeleton,
  Switch,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { describeError } from '../../api/describe-error.ts';
import { ApiError } from '../../api/http-client.ts';
import { settingsApi, settingsKeys } from '../../api/settings-api.ts';
import type { SafetySettings } from '../../api/settings-types.ts';
import { useCan } from '../../session/permissions.ts';
import { Icon } from '../../ui/icons.tsx';
import { useNotify } from '../../ui/toasts.tsx';
import { PageHeader } from '../page-header.tsx';
import { RedFlagReportTable } from './red-flag-report-table.tsx';

type NumberField = keyof SafetySettings['emergency_numbers'];
const NUMBER_FIELDS: readonly NumberField[] = ['emergency', 'european', 'suicide'];

/** The safety net: the numbers the emergency advice gives, when it goes out, and the last 30 days' alerts. */
export function SafetyPage() {
  const { t } = useTranslation();
  const can = useCan();
  const settings = useQuery({ queryKey: settingsKeys.safety, queryFn: settingsApi.safety });
  return (
    <>
      <PageHeader title={t('safety.settings.title')} description={t('safety.settings.description')} />
      {settings.isError && (
        <Alert color="red" variant="light" icon={<Icon name="alert" />} mb="md">
          {describeError(settings.error, t)}
        </Alert>
      )}
      {settings.isPending && <Skeleton height={280} radius="lg" />}
      {settings.isSuccess && <SafetyForm settings={settings.data} />}
      {can('reports.read') && <RedFlagReportTable />}
    </>
  );
}

function SafetyForm({ settings }: { settings: SafetySettings }) {
  const { t } = useTranslation();
  const admin = useCan()('settings.manage');
  const notify = useNotify();
  const queryClient = useQueryClient();
  const [draft, setDraft] = useState<SafetySettings>(settings);
  useEffect(() => setDraft(settings), [settings]);

  const save = useMutation({
    mutationFn: settingsApi.changeSafety,
    onSuccess: (saved) => {
      queryClient.setQueryData(settingsKeys.safety, saved);
      notify(t('safety.settings.saved'), 'careline');
    },
    onError: (error) => notify(describeError(error, t)),
  });
  const error = (field: NumberField) =>
    save.error instanceof ApiError ? save.error.fieldMessage(`emergency_numbers.${field}`) : undefined;
  const dirty = JSON.stringify(cleaned(draft)) !== JSON.stringify(cleaned(settings));

  return (
    <Paper withBorder radius="lg" p="lg" component="form" onSubmit={(event) => event.preventDefault()}>
      {!admin && (
        <Alert color="gray" variant="light" icon={<Icon name="lock" />} mb="md">
          {t('safety.settings.readOnly')}
        </Alert>
      )}
      <Title order={2} size="h5">
        {t('safety.settings.numbers')}
      </Title>
      <Text size="xs" c="dimmed" mb="sm">
        {t('safety.settings.numbersHint')}
      </Text>
      <Group gap="md" align="flex-start">
        {NUMBER_FIELDS.map((field) => (
          <TextInput
            key={field}
            label={t(`safety.settings.${field}`)}
            value={draft.emergency_numbers[field] ?? ''}
            readOnly={!admin}
            required={field === 'emergency'}
            inputMode="tel"
            w={200}
            error={error(field)}
            onChange={(event) => {
              const value = event.currentTarget.value;
              setDraft((old) => ({
                ...old,
                emergency_numbers: { ...old.emergency_numbers, [field]: value },
              }));
            }}
          />
        ))}
      </Group>
      <Divider my="lg" />
      <Switch
        label={t('safety.settings.advise')}
        description={t('safety.settings.adviseHint')}
        checked={draft.advise_when_staff_handles}
        disabled={!admin}
        onChange={(event) => {
          const checked = event.currentTarget.checked;
          setDraft((old) => ({ ...old, advise_when_staff_handles: checked }));
        }}
      />
      {admin && (
        <Group justify="flex-end" gap="sm" mt="xl">
          {dirty && (
            <Button variant="default" onClick={() => setDraft(settings)}>
              {t('safety.settings.undo')}
            </Button>
          )}
          <Button
            type="submit"
            disabled={!dirty}
            loading={save.isPending}
            onClick={() => save.mutate(cleaned(draft))}
          >
            {t('safety.settings.save')}
          </Button>
        </Group>
      )}
    </Paper>
  );
}

/** Blank optional numbers are left out: the server takes a number or nothing. */
function cleaned(settings: SafetySettings): SafetySettings {
  const { emergency, european, suicide } = settings.emergency_numbers;
  return {
    emergency_numbers: {
      emergency: emergency.trim(),
      ...(european?.trim() ? { european: european.trim() } : {}),
      ...(suicide?.trim() ? { suicide: suicide.trim() } : {}),
    },
    advise_when_staff_handles: settings.advise_when_staff_handles,
  };
}
