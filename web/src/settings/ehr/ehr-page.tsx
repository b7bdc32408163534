import {
  Alert,
  Badge,
  Button,
  Code,
  CopyButton,
  Group,
  NumberInput,
  Paper,
  PasswordInput,
  SegmentedControl,
  Skeleton,
  Switch,
  Table,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { describeError } from '../../api/describe-error.ts';
import {
  type FhirConnection,
  type FhirConnectionInput,
  fhirSyncApi,
  fhirSyncKeys,
} from '../../api/fhir-sync-api.ts';
import { ApiError } from '../../api/http-client.ts';
import { useFormatters } from '../../format/formatters.ts';
import { useSignedIn } from '../../session/session-context.tsx';
import { Icon } from '../../ui/icons.tsx';
import { useNotify } from '../../ui/toasts.tsx';
import { PageHeader } from '../page-header.tsx';

/** Settings › EHR (FHIR): the clinic's FHIR server, how Careline signs in, the public key, runs and the log. */
export function EhrPage() {
  const { t } = useTranslation();
  const connection = useQuery({
    queryKey: fhirSyncKeys.connection,
    queryFn: async () => {
      try {
        return await fhirSyncApi.connection();
      } catch (error) {
        if (error instanceof ApiError && error.status === 404) return null;
        throw error;
      }
    },
  });
  return (
    <>
      <PageHeader title={t('ehr.title')} description={t('ehr.description')} />
      {connection.isError && (
        <Alert color="red" variant="light" icon={<Icon name="alert" />} mb="md">
          {describeError(connection.error, t)}
        </Alert>
      )}
      {connection.isPending && <Skeleton height={260} radius="lg" />}
      {connection.isSuccess && <ConnectionForm connection={connection.data} />}
      {connection.data && connection.data.auth_kind === 'smart' && <PublicKey connection={connection.data} />}
      <SyncLog configured={Boolean(connection.data)} />
    </>
  );
}

function draftOf(connection: FhirConnection | null): FhirConnectionInput {
  return {
    base_url: connection?.base_url ?? '',
    auth_kind: connection?.auth_kind ?? 'smart',
    client_id: connection?.client_id ?? '',
    enabled: connection?.enabled ?? false,
    import_interval_minutes: connection?.import_interval_minutes ?? 60,
  };
}

function ConnectionForm({ connection }: { connection: FhirConnection | null }) {
  const { t } = useTranslation();
  const notify = useNotify();
  const queryClient = useQueryClient();
  const [draft, setDraft] = useState<FhirConnectionInput>(draftOf(connection));
  const [token, setToken] = useState('');
  useEffect(() => setDraft(draftOf(connection)), [connection]);
  const save = useMutation({
    mutationFn: () =>
      fhirSyncApi.save({
        ...draft,
        client_id: draft.auth_kind === 'smart' ? draft.client_id || null : null,
        ...(draft.auth_kind === 'bearer' && token !== '' ? { bearer_token: token } : {}),
      }),
    onSuccess: (saved) => {
      queryClient.setQueryData(fhirSyncKeys.connection, saved);
      setToken('');
      notify(t('ehr.saved'), 'careline');
    },
  });
  const error = (field: string) =>
    save.error instanceof ApiError ? save.error.fieldMessage(`body.${field}`) : undefined;
  const set = (change: Partial<FhirConnectionInput>) => setDraft((old) => ({ ...old, ...change }));

  return (
    <Paper
      withBorder
      radius="lg"
      p="lg"
      component="form"
      aria-label={t('ehr.title')}
      onSubmit={(event) => {
        event.preventDefault();
        save.mutate();
      }}
    >
      {!connection && (
        <Text size="sm" c="dimmed" mb="md">
          {t('ehr.notSet')}
        </Text>
      )}
      <TextInput
        label={t('ehr.baseUrl')}
        description={t('ehr.baseUrlHint')}
        value={draft.base_url}
        error={error('base_url')}
        onChange={(event) => set({ base_url: event.currentTarget.value })}
        mb="md"
      />
      <Text size="sm" fw={500} mb={4}>
        {t('ehr.authKind')}
      </Text>
      <SegmentedControl
        value={draft.auth_kind}
        onChange={(value) => set({ auth_kind: value === 'bearer' ? 'bearer' : 'smart' })}
        data={[
          { value: 'smart', label: t('ehr.smart') },
          { value: 'bearer', label: t('ehr.bearer') },
        ]}
        mb="md"
      />
      {draft.auth_kind === 'smart' ? (
        <TextInput
          label={t('ehr.clientId')}
          value={draft.client_id ?? ''}
          error={error('client_id')}
          onChange={(event) => set({ client_id: event.currentTarget.value })}
          mb="md"
        />
      ) : (
        <PasswordInput
          label={t('ehr.bearerToken')}
          description={connection?.has_bearer_token ? t('ehr.bearerTokenKept') : undefined}
          value={token}
          error={error('bearer_token')}
          onChange={(event) => setToken(event.currentTarget.value)}
          mb="md"
        />
      )}
      <Group gap="lg" align="flex-end">
        <NumberInput
          label={t('ehr.interval')}
          min={5}
          max={10_080}
          allowDecimal={false}
          allowNegative={false}
          w={220}
          value={draft.import_interval_minutes}
          error={error('import_interval_minutes')}
          onChange={(value) => set({ import_interval_minutes: typeof value === 'number' ? value : 60 })}
        />
        <Switch
          label={t('ehr.enabled')}
          checked={draft.enabled}
          onChange={(event) => set({ enabled: event.currentTarget.checked })}
          mb={8}
        />
      </Group>
      {save.isError && !(save.error instanceof ApiError && save.error.status === 400) && (
        <Alert color="red" variant="light" icon={<Icon name="alert" />} mt="md" role="alert">
          {describeError(save.error, t)}
        </Alert>
      )}
      <Group justify="flex-end" mt="lg">
        <Button type="submit" loading={save.isPending}>
          {t('ehr.save')}
        </Button>
      </Group>
    </Paper>
  );
}

function PublicKey({ connection }: { connection: FhirConnection }) {
  const { t } = useTranslation();
  const notify = useNotify();
  const queryClient = useQueryClient();
  const jwks = JSON.stringify(connection.jwks, null, 2);
  const newKey = useMutation({
    mutationFn: () => fhirSyncApi.newKey('ES384'),
    onSuccess: (saved) => {
      queryClient.setQueryData(fhirSyncKeys.connection, saved);
      notify(t('ehr.newKeyDone'), 'careline');
    },
  });
  return (
    <Paper withBorder radius="lg" p="lg" mt="lg">
      <Title order={2} size="h5" mb={4}>
        {t('ehr.jwksTitle')}
      </Title>
      <Text size="sm" c="dimmed" mb="sm">
        {t('ehr.jwksHint')}
      </Text>
      <Code block data-testid="ehr-jwks">
        {jwks}
      </Code>
      <Group mt="sm">
        <CopyButton value={jwks}>
          {({ copy }) => (
            <Button variant="light" leftSection={<Icon name="copy" size={16} />} onClick={copy}>
              {t('ehr.copy')}
            </Button>
          )}
        </CopyButton>
        <Button variant="subtle" onClick={() => newKey.mutate()} loading={newKey.isPending}>
          {t('ehr.newKey')}
        </Button>
      </Group>
    </Paper>
  );
}

const OUTCOME_COLOURS: Record<string, string> = {
  failed: 'red',
  retrying: 'orange',
  conflict: 'orange',
  ambiguous: 'yellow',
  created: 'teal',
  linked: 'teal',
  updated: 'blue',
};

function SyncLog({ configured }: { configured: boolean }) {
  const { t } = useTranslation();
  const { user } = useSignedIn();
  const format = useFormatters(user.org.time_zone);
  const notify = useNotify();
  const log = useQuery({ queryKey: fhirSyncKeys.log, queryFn: fhirSyncApi.log, enabled: configured });
  const run = useMutation({
    mutationFn: fhirSyncApi.runNow,
    onSuccess: () => notify(t('ehr.runQueued'), 'careline'),
  });
  return (
    <Paper withBorder radius="lg" p="lg" mt="lg">
      <Group justify="space-between" mb="sm">
        <Title order={2} size="h5">
          {t('ehr.logTitle')}
        </Title>
        <Group gap="xs">
          <Button variant="subtle" onClick={() => void log.refetch()} disabled={!configured}>
            {t('ehr.refresh')}
          </Button>
          <Button onClick={() => run.mutate()} loading={run.isPending} disabled={!configured}>
            {t('ehr.runNow')}
          </Button>
        </Group>
      </Group>
      {run.isError && (
        <Alert color="red" variant="light" mb="sm" role="alert">
          {describeError(run.error, t)}
        </Alert>
      )}
      {log.isError && <Text c="red">{describeError(log.error, t)}</Text>}
      {(!configured || log.data?.data.length === 0) && (
        <Text size="sm" c="dimmed">
          {t('ehr.logEmpty')}
        </Text>
      )}
      {log.data && log.data.data.length > 0 && (
        <Table striped aria-label={t('ehr.logTitle')}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('ehr.logWhen')}</Table.Th>
              <Table.Th>{t('ehr.logDirection')}</Table.Th>
              <Table.Th>{t('ehr.logResource')}</Table.Th>
              <Table.Th>{t('ehr.logOutcome')}</Table.Th>
              <Table.Th>{t('ehr.logStatus')}</Table.Th>
              <Table.Th>{t('ehr.logMessage')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {log.data.data.map((entry) => (
              <Table.Tr key={entry.id}>
                <Table.Td>{format.dateTime(entry.created_at)}</Table.Td>
                <Table.Td>{t(`ehr.${entry.direction}`)}</Table.Td>
                <Table.Td>{entry.resource_type}</Table.Td>
                <Table.Td>
                  <Badge color={OUTCOME_COLOURS[entry.outcome] ?? 'gray'} variant="light">
                    {t(`ehr.outcomes.${entry.outcome}`)}
                  </Badge>
                </Table.Td>
                <Table.Td>{entry.http_status ?? ''}</Table.Td>
                <Table.Td>{entry.message ?? ''}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
    </Paper>
  );
}
