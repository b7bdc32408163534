import { Alert, Button, Group, Modal, Stack, Text } from '@mantine/core';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { CodeInput } from '../../auth/code-input.tsx';
import { Icon } from '../../ui/icons.tsx';

/** Asks for a current code before a change to one's two-factor sign-in (turning it off, new codes). */
export function CodeDialog(props: {
  opened: boolean;
  title: string;
  body: string;
  confirmLabel: string;
  danger?: boolean;
  busy: boolean;
  error: string | null;
  onConfirm(code: string): void;
  onClose(): void;
}) {
  const { t } = useTranslation();
  const [code, setCode] = useState('');
  const submit = (event: FormEvent) => {
    event.preventDefault();
    props.onConfirm(code.replace(/\s+/g, ''));
    setCode('');
  };
  return (
    <Modal opened={props.opened} onClose={props.onClose} title={props.title} radius="lg" centered>
      <form onSubmit={submit}>
        <Stack gap="md">
          <Text size="sm">{props.body}</Text>
          {props.error && (
            <Alert color="red" variant="light" icon={<Icon name="alert" />} role="alert">
              {props.error}
            </Alert>
          )}
          <CodeInput value={code} onChange={setCode} autoFocus />
          <Group justify="flex-end" gap="sm">
            <Button variant="default" onClick={props.onClose}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" color={props.danger ? 'red' : undefined} loading={props.busy}>
              {props.confirmLabel}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
