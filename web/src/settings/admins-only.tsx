import { Alert, Avatar, Badge, Button, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { initialsOf } from '../format/people.ts';
import { sessionCan } from '../session/permissions.ts';
import { useSignedIn } from '../session/session-context.tsx';
import { Icon } from '../ui/icons.tsx';

/** What an agent finds at /settings: who they are, and who can change the clinic's settings. */
export function AdminsOnly() {
  const { t } = useTranslation();
  const session = useSignedIn();
  const { user } = session;
  const name = user.name ?? user.email;
  return (
    <Stack maw={560} mx="auto" mt="xl" gap="lg">
      <Title order={1} size="h2">
        {t('settings.profile.title')}
      </Title>
      <Paper withBorder radius="lg" p="lg">
        <Group gap="md" wrap="nowrap">
          <Avatar size={56} radius="xl" color="careline" variant="filled">
            {initialsOf(name)}
          </Avatar>
          <div>
            <Text fw={600} size="lg">
              {name}
            </Text>
            <Text c="dimmed" size="sm">
              {user.email}
            </Text>
            <Group gap={6} mt={6}>
              <Badge variant="light" color="gray">
                {t(`settings.roles.${user.role}`)}
              </Badge>
              <Badge variant="light" color="careline">
                {user.org.name}
              </Badge>
            </Group>
          </div>
        </Group>
      </Paper>
      <Alert
        color="careline"
        variant="light"
        icon={<Icon name="lock" />}
        title={t('settings.adminsOnly.title')}
      >
        {t('settings.adminsOnly.body')}
      </Alert>
      <Group gap="sm">
        <Button
          component={Link}
          to="/inbox"
          variant="light"
          w="fit-content"
          leftSection={<Icon name="arrowLeft" size={16} />}
        >
          {t('settings.backToInbox')}
        </Button>
        <Button
          component={Link}
          to="/settings/safety"
          variant="subtle"
          w="fit-content"
          leftSection={<Icon name="alert" size={16} />}
        >
          {t('safety.settings.title')}
        </Button>
        {sessionCan(session, 'clinic.read') && (
          <Button
            component={Link}
            to="/settings/channels"
            variant="subtle"
            w="fit-content"
            leftSection={<Icon name="link" size={16} />}
          >
            {t('channels.title')}
          </Button>
        )}
        <Button
          component={Link}
          to="/settings/security"
          variant="subtle"
          w="fit-content"
          leftSection={<Icon name="lock" size={16} />}
        >
          {t('settings.security.title')}
        </Button>
        {sessionCan(session, 'audit.read') && (
          <Button
            component={Link}
            to="/settings/audit"
            variant="subtle"
            w="fit-content"
            leftSection={<Icon name="file" size={16} />}
          >
            {t('audit.title')}
          </Button>
        )}
      </Group>
    </Stack>
  );
}
