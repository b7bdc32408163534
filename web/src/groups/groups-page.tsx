import {
  Alert,
  Badge,
  Button,
  Group,
  Paper,
  SimpleGrid,
  Skeleton,
  Stack,
  Text,
  Title,
  UnstyledButton,
} from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { describeError } from '../api/describe-error.ts';
import { groupKeys, groupsApi, type PatientGroup } from '../api/groups-api.ts';
import { StandaloneHeader } from '../session/standalone-header.tsx';
import { Icon } from '../ui/icons.tsx';
import { type Editing, GroupEditor } from './group-editor.tsx';
import classes from './groups-page.module.css';

/** The clinic's patient groups: static lists and dynamic segments, each opened in a drawer. */
export function GroupsPage() {
  const { t } = useTranslation();
  const groups = useQuery({ queryKey: groupKeys.list, queryFn: groupsApi.list });
  const [editing, setEditing] = useState<Editing | null>(null);
  const list = groups.data?.data ?? [];

  return (
    <div className={classes.shell}>
      <StandaloneHeader />
      <main className={classes.page}>
        <Group justify="space-between" align="flex-end" gap="md" mb="xl">
          <div>
            <Title order={1} size="h2">
              {t('groups.title')}
            </Title>
            <Text c="dimmed" size="sm" mt={4} maw={620}>
              {t('groups.description')}
            </Text>
          </div>
          <Group gap="sm">
            <Button
              variant="default"
              leftSection={<Icon name="list" size={16} />}
              onClick={() => setEditing({ kind: 'static' })}
            >
              {t('groups.newStatic')}
            </Button>
            <Button
              leftSection={<Icon name="branch" size={16} />}
              onClick={() => setEditing({ kind: 'dynamic' })}
            >
              {t('groups.newDynamic')}
            </Button>
          </Group>
        </Group>
        {groups.isError && (
          <Alert color="red" icon={<Icon name="alert" size={18} />} title={t('groups.failed')}>
            {describeError(groups.error, t)}
          </Alert>
        )}
        {groups.isPending && (
          <SimpleGrid cols={{ base: 1, sm: 2, lg: 3 }} spacing="lg">
            <Skeleton h={132} radius="md" />
            <Skeleton h={132} radius="md" />
            <Skeleton h={132} radius="md" />
          </SimpleGrid>
        )}
        {groups.isSuccess && list.length === 0 && (
          <Paper withBorder radius="md" p="xl" ta="center" className={classes.empty}>
            <Stack gap={6} align="center">
              <Icon name="team" size={28} />
              <Text c="dimmed" size="sm" maw={420}>
                {t('groups.empty')}
              </Text>
            </Stack>
          </Paper>
        )}
        {list.length > 0 && (
          <SimpleGrid cols={{ base: 1, sm: 2, lg: 3 }} spacing="lg">
            {list.map((group) => (
              <GroupCard key={group.id} group={group} onOpen={() => setEditing({ group })} />
            ))}
          </SimpleGrid>
        )}
      </main>
      {editing && <GroupEditor editing={editing} onClose={() => setEditing(null)} />}
    </div>
  );
}

function GroupCard({ group, onOpen }: { group: PatientGroup; onOpen: () => void }) {
  const { t } = useTranslation();
  const dynamic = group.kind === 'dynamic';
  return (
    <UnstyledButton
      onClick={onOpen}
      className={classes.cardButton}
      aria-label={`${t('groups.open')} ${group.name}`}
    >
      <Paper withBorder radius="md" p="lg" className={classes.card}>
        <Group justify="space-between" align="flex-start" wrap="nowrap" mb="xs">
          <Text fw={600} lineClamp={2}>
            {group.name}
          </Text>
          <Badge
            variant="light"
            color={dynamic ? 'violet' : 'careline'}
            leftSection={<Icon name={dynamic ? 'branch' : 'list'} size={12} />}
          >
            {t(`groups.kind.${group.kind}`)}
          </Badge>
        </Group>
        <Text size="sm" c="dimmed" lineClamp={2} mih={40}>
          {group.description ?? ''}
        </Text>
        <Group gap={6} mt="md">
          <Icon name={dynamic ? 'bolt' : 'users'} size={14} />
          <Text size="sm" fw={500}>
            {dynamic
              ? t('groups.rulesCount', { count: group.definition?.rules.length ?? 0 })
              : t('groups.memberCount', { count: group.member_count ?? 0 })}
          </Text>
        </Group>
      </Paper>
    </UnstyledButton>
  );
}
