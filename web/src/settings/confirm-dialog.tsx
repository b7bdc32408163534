import { Alert, Button, Group, Modal, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Icon } from '../ui/icons.tsx';

interface Props {
  opened: boolean;
  title: string;
  body: string;
  confirmLabel: string;
  /** Red for what cannot be undone from here (deleting, deactivating). */
  danger?: boolean;
  busy: boolean;
  error: string | null;
  onConfirm(): void;
  onClose(): void;
}

/** Asks before a change that takes something away. */
export function ConfirmDialog(props: Props) {
  const { t } = useTranslation();
  return (
    <Modal opened={props.opened} onClose={props.onClose} title={props.title} radius="lg" centered>
      <Stack gap="md">
        <Text size="sm">{props.body}</Text>
        {props.error && (
          <Alert color="red" variant="light" icon={<Icon name="alert" />} role="alert">
            {props.error}
          </Alert>
        )}
        <Group justify="flex-end" gap="sm">
          <Button variant="default" onClick={props.onClose}>
            {t('common.cancel')}
          </Button>
          <Button
            color={props.danger ? 'red' : undefined}
            loading={props.busy}
            onClick={props.onConfirm}
            data-autofocus
          >
            {props.confirmLabel}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
