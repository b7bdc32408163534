import { Button, CloseButton, Group, Paper, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Icon } from '../../ui/icons.tsx';

const ASKED_KEY = 'careline.urgentAlerts.asked';

/**
 * Asks once, politely, to allow browser notifications for emergencies. The browser's own question only
 * comes after a click here (browsers ignore or penalise unprompted ones); either answer, or closing
 * this, is remembered on this computer.
 */
export function AlertPermissionPrompt() {
  const { t } = useTranslation();
  const [visible, setVisible] = useState(shouldAsk);
  if (!visible) return null;
  const done = () => {
    rememberAsked();
    setVisible(false);
  };
  return (
    <Paper withBorder radius="md" p="xs" bg="red.0" data-testid="alert-permission-prompt">
      <Group gap="xs" wrap="nowrap" align="flex-start">
        <Icon name="alert" size={18} />
        <div style={{ flex: 1, minWidth: 0 }}>
          <Text size="sm" fw={600}>
            {t('safety.alert.prompt')}
          </Text>
          <Text size="xs" c="dimmed">
            {t('safety.alert.promptHint')}
          </Text>
          <Group gap="xs" mt={6}>
            <Button
              size="compact-xs"
              color="red"
              onClick={() => {
                void Notification.requestPermission()
                  .catch(() => 'default')
                  .finally(done);
              }}
            >
              {t('safety.alert.enable')}
            </Button>
            <Button size="compact-xs" variant="subtle" color="gray" onClick={done}>
              {t('safety.alert.dismiss')}
            </Button>
          </Group>
        </div>
        <CloseButton size="sm" aria-label={t('common.close')} onClick={done} />
      </Group>
    </Paper>
  );
}

function shouldAsk(): boolean {
  if (typeof Notification === 'undefined' || Notification.permission !== 'default') return false;
  try {
    return window.localStorage.getItem(ASKED_KEY) === null;
  } catch {
    return false;
  }
}

function rememberAsked(): void {
  try {
    window.localStorage.setItem(ASKED_KEY, new Date().toISOString());
  } catch {
    // Private mode without storage: the prompt comes back next time, which is harmless.
  }
}
