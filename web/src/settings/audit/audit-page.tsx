import {
  Alert,
  Button,
  Checkbox,
  Group,
  Paper,
  Select,
  Skeleton,
  Stack,
  Table,
  Text,
  TextInput,
} from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { type AuditEvent, type AuditFilters, auditApi, auditKeys } from '../../api/audit-api.ts';
import { describeError } from '../../api/describe-error.ts';
import { useFormatters } from '../../format/formatters.ts';
import { sessionCan } from '../../session/permissions.ts';
import { useSignedIn } from '../../session/session-context.tsx';
import { Icon } from '../../ui/icons.tsx';
import { useNotify } from '../../ui/toasts.tsx';
import { PageHeader } from '../page-header.tsx';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const ROLES = ['agent', 'supervisor', 'clinician', 'admin', 'auditor', 'api'] as const;

/**
 * Settings › Audit: who read which patient's data, when, from where and why; for one patient, the
 * "who has seen my file" report as CSV. Administrators also choose the roles that must give a reason.
 */
export function AuditPage() {
  const { t } = useTranslation();
  const session = useSignedIn();
  const [params, setParams] = useSearchParams();
  const filters: AuditFilters = {
    patient: params.get('patient') ?? '',
    user: params.get('user') ?? '',
    action: params.get('action') ?? '',
  };
  const [cursors, setCursors] = useState<string[]>([]);
  const cursor = cursors.at(-1);
  const trail = useQuery({
    queryKey: auditKeys.trail({ ...filters, ...(cursor ? { cursor } : {}) }),
    queryFn: () => auditApi.trail({ ...filters, ...(cursor ? { cursor } : {}) }),
  });
  const setFilter = (key: keyof AuditFilters, value: string) => {
    const next = new URLSearchParams(params);
    if (value) next.set(key, value);
    else next.delete(key);
    setParams(next, { replace: true });
    setCursors([]);
  };
  const patient = filters.patient && UUID.test(filters.patient) ? filters.patient : null;

  return (
    <>
      <PageHeader
        title={t('audit.title')}
        description={t('audit.description')}
        action={
          patient ? (
            <Button
              component="a"
              href={auditApi.accessReportUrl(patient)}
              download
              variant="light"
              leftSection={<Icon name="download" size={16} />}
            >
              {t('audit.downloadReport')}
            </Button>
          ) : undefined
        }
      />
      <Paper withBorder radius="lg" p="md" mb="md">
        <Group gap="sm" align="flex-end">
          <TextInput
            label={t('audit.filters.patient')}
            placeholder={t('audit.filters.idPlaceholder')}
            defaultValue={filters.patient}
            onBlur={(event) => setFilter('patient', event.currentTarget.value.trim())}
            w={320}
          />
          <TextInput
            label={t('audit.filters.user')}
            placeholder={t('audit.filters.idPlaceholder')}
            defaultValue={filters.user}
            onBlur={(event) => setFilter('user', event.currentTarget.value.trim())}
            w={320}
          />
          <Select
            label={t('audit.filters.action')}
            value={filters.action || null}
            onChange={(value) => setFilter('action', value ?? '')}
            clearable
            data={[
              { value: 'R', label: t('audit.actions.R') },
              { value: 'E', label: t('audit.actions.E') },
            ]}
            w={180}
          />
        </Group>
      </Paper>
      {trail.isError && (
        <Alert color="red" variant="light" icon={<Icon name="alert" />} mb="md">
          {describeError(trail.error, t)}
        </Alert>
      )}
      {trail.isPending && <Skeleton height={160} radius="lg" />}
      {trail.isSuccess && trail.data.data.length === 0 && (
        <Paper withBorder radius="lg" p="lg">
          <Text c="dimmed" size="sm" ta="center">
            {t('audit.empty')}
          </Text>
        </Paper>
      )}
      {trail.isSuccess && trail.data.data.length > 0 && (
        <Paper withBorder radius="lg" p={0} style={{ overflowX: 'auto' }}>
          <AuditTable events={trail.data.data} />
        </Paper>
      )}
      <Group justify="flex-end" gap="sm" mt="sm">
        {cursors.length > 0 && (
          <Button variant="subtle" onClick={() => setCursors(cursors.slice(0, -1))}>
            {t('audit.newer')}
          </Button>
        )}
        {trail.data?.next_cursor && (
          <Button variant="subtle" onClick={() => setCursors([...cursors, trail.data.next_cursor ?? ''])}>
            {t('audit.older')}
          </Button>
        )}
      </Group>
      {sessionCan(session, 'settings.manage') && <ReasonSettings />}
    </>
  );
}

function AuditTable({ events }: { events: AuditEvent[] }) {
  const { t } = useTranslation();
  const format = useFormatters();
  return (
    <Table striped highlightOnHover verticalSpacing="xs" fz="sm" data-testid="audit-table">
      <Table.Thead>
        <Table.Tr>
          <Table.Th>{t('audit.columns.when')}</Table.Th>
          <Table.Th>{t('audit.columns.who')}</Table.Th>
          <Table.Th>{t('audit.columns.what')}</Table.Th>
          <Table.Th>{t('audit.columns.patients')}</Table.Th>
          <Table.Th>{t('audit.columns.from')}</Table.Th>
          <Table.Th>{t('audit.columns.reason')}</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {events.map((event) => {
          const agent = event.agent[0];
          const references = event.entity.map((e) => e.what.reference);
          return (
            <Table.Tr key={event.id} data-testid="audit-row">
              <Table.Td style={{ whiteSpace: 'nowrap' }}>{format.dateTime(event.recorded)}</Table.Td>
              <Table.Td>
                {agent?.who.display ?? agent?.who.reference}
                <Text size="xs" c="dimmed">
                  {agent?.role[0]?.text}
                </Text>
              </Table.Td>
              <Table.Td>
                {event.subtype[0]?.code}
                <Text size="xs" c="dimmed">
                  {references.filter((r) => !r.startsWith('Patient/')).join(', ')}
                </Text>
              </Table.Td>
              <Table.Td style={{ fontFamily: 'monospace', fontSize: 12 }}>
                {references
                  .filter((r) => r.startsWith('Patient/'))
                  .map((r) => r.slice('Patient/'.length))
                  .join(' ')}
              </Table.Td>
              <Table.Td>{agent?.network.address}</Table.Td>
              <Table.Td>{agent?.purposeOfUse?.[0]?.text ?? ''}</Table.Td>
            </Table.Tr>
          );
        })}
      </Table.Tbody>
    </Table>
  );
}

/** The roles that must say why before they open a patient's data. */
function ReasonSettings() {
  const { t } = useTranslation();
  const notify = useNotify();
  const queryClient = useQueryClient();
  const settings = useQuery({ queryKey: auditKeys.settings, queryFn: auditApi.settings });
  const save = useMutation({
    mutationFn: (roles: string[]) => auditApi.saveSettings({ reason_required_roles: roles }),
    // The box shows its new state at once; a refusal puts the saved state back.
    onMutate: async (roles) => {
      // A load still on its way would put the old state back over the new one.
      await queryClient.cancelQueries({ queryKey: auditKeys.settings });
      queryClient.setQueryData(auditKeys.settings, { reason_required_roles: roles });
    },
    onSuccess: (saved) => {
      queryClient.setQueryData(auditKeys.settings, saved);
      notify(t('audit.reasonRoles.saved'), 'careline');
    },
    onError: (error) => {
      notify(describeError(error, t));
      void queryClient.invalidateQueries({ queryKey: auditKeys.settings });
    },
  });
  const roles = settings.data?.reason_required_roles ?? [];
  return (
    <Paper withBorder radius="lg" p="md" mt="xl">
      <Text fw={600}>{t('audit.reasonRoles.title')}</Text>
      <Text size="sm" c="dimmed" mb="sm">
        {t('audit.reasonRoles.description')}
      </Text>
      <Stack gap={6}>
        {ROLES.map((role) => (
          <Checkbox
            key={role}
            label={t(`audit.roles.${role}`)}
            checked={roles.includes(role)}
            disabled={!settings.isSuccess}
            onChange={(event) =>
              save.mutate(event.currentTarget.checked ? [...roles, role] : roles.filter((r) => r !== role))
            }
          />
        ))}
      </Stack>
    </Paper>
  );
}
