import { Alert, Button, Group, NumberInput, Paper, Skeleton, Stack, Text, Title } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { describeError } from '../../api/describe-error.ts';
import { ApiError } from '../../api/http-client.ts';
import { privacyApi, privacyKeys, type RetentionPolicy } from '../../api/privacy-api.ts';
import { useFormatters } from '../../format/formatters.ts';
import { useSignedIn } from '../../session/session-context.tsx';
import { Icon } from '../../ui/icons.tsx';
import { useNotify } from '../../ui/toasts.tsx';
import { PageHeader } from '../page-header.tsx';

type Months = Pick<RetentionPolicy, 'message_text_months' | 'file_months'>;
const FIELDS = [
  ['message_text_months', 'textMonths'],
  ['file_months', 'fileMonths'],
] as const;

/** Settings › Privacy: how long messages and files are kept, the last nightly run, and past erasures. */
export function PrivacyPage() {
  const { t } = useTranslation();
  const policy = useQuery({ queryKey: privacyKeys.retention, queryFn: privacyApi.retention });
  return (
    <>
      <PageHeader title={t('privacy.settings.title')} description={t('privacy.settings.description')} />
      {policy.isError && (
        <Alert color="red" variant="light" icon={<Icon name="alert" />} mb="md">
          {describeError(policy.error, t)}
        </Alert>
      )}
      {policy.isPending && <Skeleton height={220} radius="lg" />}
      {policy.isSuccess && <RetentionForm policy={policy.data} />}
      <ErasureList />
    </>
  );
}

function RetentionForm({ policy }: { policy: RetentionPolicy }) {
  const { t } = useTranslation();
  const { user } = useSignedIn();
  const format = useFormatters(user.org.time_zone);
  const notify = useNotify();
  const queryClient = useQueryClient();
  const [draft, setDraft] = useState<Months>(policy);
  useEffect(() => setDraft(policy), [policy]);
  const save = useMutation({
    mutationFn: privacyApi.setRetention,
    onSuccess: (saved) => {
      queryClient.setQueryData(privacyKeys.retention, saved);
      notify(t('privacy.settings.saved'), 'careline');
    },
  });
  const dirty =
    draft.message_text_months !== policy.message_text_months || draft.file_months !== policy.file_months;
  const error = (field: keyof Months) =>
    save.error instanceof ApiError ? save.error.fieldMessage(`body.${field}`) : undefined;

  return (
    <Paper
      withBorder
      radius="lg"
      p="lg"
      component="form"
      onSubmit={(event) => {
        event.preventDefault();
        save.mutate(draft);
      }}
    >
      <Group gap="lg" align="flex-start">
        {FIELDS.map(([field, label]) => (
          <NumberInput
            key={field}
            label={t(`privacy.settings.${label}`)}
            description={t(`privacy.settings.${label}Hint`)}
            placeholder={t('privacy.settings.keep')}
            min={1}
            max={600}
            allowDecimal={false}
            allowNegative={false}
            w={300}
            value={draft[field] ?? ''}
            error={error(field)}
            onChange={(value) =>
              setDraft((old) => ({ ...old, [field]: typeof value === 'number' ? value : null }))
            }
          />
        ))}
      </Group>
      {save.isError && !(save.error instanceof ApiError && save.error.status === 400) && (
        <Alert color="red" variant="light" icon={<Icon name="alert" />} mt="md" role="alert">
          {describeError(save.error, t)}
        </Alert>
      )}
      <Group justify="space-between" mt="lg">
        <Text size="sm" c="dimmed" data-testid="retention-last-run">
          {policy.last_run
            ? t('privacy.settings.lastRun', {
                when: format.dateTime(policy.last_run.at),
                texts: policy.last_run.texts,
                files: policy.last_run.files,
              })
            : t('privacy.settings.neverRun')}
        </Text>
        <Button type="submit" disabled={!dirty} loading={save.isPending}>
          {t('privacy.settings.save')}
        </Button>
      </Group>
    </Paper>
  );
}

function ErasureList() {
  const { t } = useTranslation();
  const { user } = useSignedIn();
  const format = useFormatters(user.org.time_zone);
  const erasures = useQuery({ queryKey: privacyKeys.erasures, queryFn: privacyApi.erasures });
  return (
    <Paper withBorder radius="lg" p="lg" mt="lg">
      <Title order={2} size="h5" mb="sm">
        {t('privacy.settings.erasuresTitle')}
      </Title>
      {erasures.isError && <Text c="red">{describeError(erasures.error, t)}</Text>}
      {erasures.data?.data.length === 0 && (
        <Text size="sm" c="dimmed">
          {t('privacy.settings.erasuresEmpty')}
        </Text>
      )}
      <Stack gap={4}>
        {erasures.data?.data.map((erasure) => (
          <Text key={erasure.reference} size="sm">
            {t('privacy.settings.erasureLine', {
              reference: erasure.reference,
              when: format.dateTime(erasure.erased_at),
              by: erasure.erased_by.name ?? t('privacy.settings.anApiKey'),
            })}
          </Text>
        ))}
      </Stack>
    </Paper>
  );
}
