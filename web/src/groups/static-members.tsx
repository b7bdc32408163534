import { ActionIcon, Button, Group, Loader, Paper, Stack, Text, TextInput, Tooltip } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { describeError } from '../api/describe-error.ts';
import { type GroupPatient, groupKeys, groupsApi } from '../api/groups-api.ts';
import { inboxApi, queryKeys } from '../api/inbox-api.ts';
import { formatPhone } from '../format/people.ts';
import { Icon } from '../ui/icons.tsx';
import { useNotify } from '../ui/toasts.tsx';
import { PatientLine } from './segment-preview.tsx';

/** A patient as the search finds them: shown in full to the person who searched, as the inbox does. */
interface Found {
  id: string;
  display_name: string | null;
  phone: string | null;
}

/** Finds patients by name or number (the inbox's search) and offers to add each. */
function PatientSearch({ isIn, onAdd }: { isIn: (id: string) => boolean; onAdd: (patient: Found) => void }) {
  const { t } = useTranslation();
  const [q, setQ] = useState('');
  const [settled] = useDebouncedValue(q.trim(), 300);
  const results = useQuery({
    queryKey: queryKeys.search(settled),
    queryFn: ({ signal }) => inboxApi.search(settled, signal),
    enabled: settled.length >= 2,
  });
  const found = results.data?.contacts ?? [];
  return (
    <Stack gap="xs">
      <TextInput
        label={t('groups.members.search')}
        placeholder={t('groups.members.searchPlaceholder')}
        leftSection={<Icon name="search" size={16} />}
        rightSection={results.isFetching ? <Loader size="xs" /> : null}
        value={q}
        onChange={(e) => setQ(e.currentTarget.value)}
      />
      {settled.length >= 2 && results.isSuccess && found.length === 0 && (
        <Text size="sm" c="dimmed">
          {t('groups.members.noMatch')}
        </Text>
      )}
      {found.length > 0 && (
        <Paper withBorder radius="md" p="xs">
          <Stack gap={6}>
            {found.map((patient) => (
              <Group key={patient.id} justify="space-between" wrap="nowrap">
                <div>
                  <Text size="sm" fw={500}>
                    {patient.display_name ?? formatPhone(patient.phone)}
                  </Text>
                  <Text size="xs" c="dimmed">
                    {formatPhone(patient.phone)}
                  </Text>
                </div>
                {isIn(patient.id) ? (
                  <Text size="xs" c="dimmed">
                    {t('groups.members.added')}
                  </Text>
                ) : (
                  <Button
                    size="xs"
                    variant="light"
                    onClick={() => onAdd(patient)}
                    leftSection={<Icon name="plus" size={14} />}
                  >
                    {t('groups.members.add')}
                  </Button>
                )}
              </Group>
            ))}
          </Stack>
        </Paper>
      )}
    </Stack>
  );
}

/** The members of a saved static list: search to add, remove one by one. */
export function SavedMembers({ groupId }: { groupId: string }) {
  const { t } = useTranslation();
  const notify = useNotify();
  const client = useQueryClient();
  // A hundred at a time: a list can hold thousands of patients.
  const members = useInfiniteQuery({
    queryKey: groupKeys.members(groupId),
    queryFn: ({ pageParam }) => groupsApi.members(groupId, pageParam),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.next_cursor,
  });
  const refresh = () => client.invalidateQueries({ queryKey: groupKeys.all });
  const add = useMutation({
    mutationFn: (patient: Found) => groupsApi.addMembers(groupId, [patient.id]),
    onSuccess: refresh,
    onError: (error) => notify(describeError(error, t), 'red'),
  });
  const remove = useMutation({
    mutationFn: (contactId: string) => groupsApi.removeMember(groupId, contactId),
    onSuccess: refresh,
    onError: (error) => notify(describeError(error, t), 'red'),
  });
  const list = members.data?.pages.flatMap((page) => page.data) ?? [];
  const ids = new Set(list.map((m) => m.id));
  return (
    <Stack gap="md">
      <PatientSearch isIn={(id) => ids.has(id)} onAdd={(patient) => add.mutate(patient)} />
      <MemberList
        members={list}
        loading={members.isPending}
        onRemove={(id) => remove.mutate(id)}
        more={
          members.hasNextPage
            ? { loading: members.isFetchingNextPage, load: () => void members.fetchNextPage() }
            : undefined
        }
      />
    </Stack>
  );
}

/** Patients chosen for a list not created yet: added once it is. */
export function PendingMembers({
  picked,
  onChange,
}: {
  picked: Found[];
  onChange: (picked: Found[]) => void;
}) {
  const ids = new Set(picked.map((p) => p.id));
  return (
    <Stack gap="md">
      <PatientSearch isIn={(id) => ids.has(id)} onAdd={(patient) => onChange([...picked, patient])} />
      <MemberList
        members={picked.map((p) => ({
          id: p.id,
          display_name: p.display_name,
          phone_masked: formatPhone(p.phone),
        }))}
        loading={false}
        onRemove={(id) => onChange(picked.filter((p) => p.id !== id))}
      />
    </Stack>
  );
}

export type { Found as PickedPatient };

function MemberList({
  members,
  loading,
  onRemove,
  more,
}: {
  members: GroupPatient[];
  loading: boolean;
  onRemove: (id: string) => void;
  /** Another page of members to load, where there is one. */
  more?: { loading: boolean; load: () => void } | undefined;
}) {
  const { t } = useTranslation();
  if (loading) return <Loader size="sm" />;
  return (
    <Paper withBorder radius="md" p="sm">
      <Text size="xs" tt="uppercase" fw={700} c="dimmed" mb="xs">
        {t('groups.members.title')} · {members.length}
        {more ? '+' : ''}
      </Text>
      {members.length === 0 ? (
        <Text size="sm" c="dimmed">
          {t('groups.members.none')}
        </Text>
      ) : (
        <Stack gap={8} data-testid="group-members">
          {members.map((member) => (
            <PatientLine
              key={member.id}
              patient={member}
              right={
                <Tooltip label={t('groups.members.remove')} withArrow>
                  <ActionIcon
                    variant="subtle"
                    color="gray"
                    aria-label={`${t('groups.members.remove')} ${member.display_name ?? ''}`}
                    onClick={() => onRemove(member.id)}
                  >
                    <Icon name="x" size={16} />
                  </ActionIcon>
                </Tooltip>
              }
            />
          ))}
          {more && (
            <Button variant="subtle" size="xs" onClick={more.load} loading={more.loading} w="fit-content">
              {t('groups.members.more')}
            </Button>
          )}
        </Stack>
      )}
    </Paper>
  );
}
