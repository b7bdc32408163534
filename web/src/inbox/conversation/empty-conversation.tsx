import { Group, Kbd, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { BrandMark } from '../../ui/brand.tsx';
import classes from './conversation-pane.module.css';

export function EmptyConversation() {
  const { t } = useTranslation();
  return (
    <div className={classes.empty}>
      <Stack align="center" gap="sm" maw={420}>
        <BrandMark size={56} />
        <Title order={2} size="h3" ta="center">
          {t('conversation.emptyTitle')}
        </Title>
        <Text c="dimmed" ta="center">
          {t('conversation.emptyBody')}
        </Text>
        <Stack gap={6} mt="md">
          <Group gap={8}>
            <Kbd>↑</Kbd>
            <Kbd>↓</Kbd>
            <Text size="sm" c="dimmed">
              {t('conversation.keysMove')}
            </Text>
          </Group>
          <Group gap={8}>
            <Kbd>Enter</Kbd>
            <Text size="sm" c="dimmed">
              {t('conversation.keysOpen')}
            </Text>
          </Group>
          <Group gap={8}>
            <Kbd>Ctrl</Kbd>+<Kbd>Enter</Kbd>
            <Text size="sm" c="dimmed">
              {t('conversation.keysSend')}
            </Text>
          </Group>
          <Group gap={8}>
            <Kbd>Ctrl</Kbd>+<Kbd>K</Kbd>
            <Text size="sm" c="dimmed">
              {t('conversation.keysSearch')}
            </Text>
          </Group>
        </Stack>
      </Stack>
    </div>
  );
}
