import { ActionIcon, Alert, Button, Group, Modal, Stack, Text, Textarea, TextInput } from '@mantine/core';
import { type FormEvent, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { OutgoingMessage } from '../../api/types.ts';
import { Icon } from '../../ui/icons.tsx';
import classes from './composer.module.css';

const MAX_BUTTONS = 3;
const TITLE_LIMIT = 20;
const BODY_LIMIT = 1024;

interface Props {
  opened: boolean;
  onClose(): void;
  onSend(message: OutgoingMessage): Promise<string | null>;
  /** What the agent had typed: the question the buttons answer. */
  initialBody: string;
  onSent(): void;
}

/** A question with up to three quick-reply buttons the patient taps (WhatsApp's reply buttons). */
export function ButtonsDialog({ opened, onClose, onSend, initialBody, onSent }: Props) {
  const { t } = useTranslation();
  const [body, setBody] = useState('');
  const [titles, setTitles] = useState<string[]>(['', '']);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    if (opened) {
      setBody(initialBody);
      setTitles([t('buttons.exampleYes'), t('buttons.exampleNo')]);
      setError(null);
    }
  }, [opened, initialBody, t]);

  const filled = titles.map((title) => title.trim()).filter(Boolean);
  const duplicate = new Set(filled.map((title) => title.toLowerCase())).size !== filled.length;

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    const problem = await onSend({
      type: 'buttons',
      body: body.trim(),
      buttons: filled.map((title, index) => ({ id: buttonId(title, index), title })),
    });
    setBusy(false);
    if (problem) setError(problem);
    else {
      onSent();
      onClose();
    }
  };

  return (
    <Modal opened={opened} onClose={onClose} title={t('buttons.title')} size="md" radius="lg" centered>
      <form onSubmit={submit}>
        <Stack gap="sm">
          <Textarea
            label={t('buttons.body')}
            description={t('buttons.bodyHint')}
            value={body}
            onChange={(event) => setBody(event.currentTarget.value)}
            required
            autosize
            minRows={2}
            maxLength={BODY_LIMIT}
            data-autofocus
          />
          <Text size="sm" fw={500}>
            {t('buttons.choices')}
          </Text>
          {titles.map((title, index) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: a button is its position; the inputs are controlled.
            <Group key={`button-${index + 1}`} gap="xs" wrap="nowrap" align="flex-start">
              <TextInput
                className={classes.buttonTitle}
                aria-label={t('buttons.choice', { n: index + 1 })}
                placeholder={t('buttons.choice', { n: index + 1 })}
                value={title}
                maxLength={TITLE_LIMIT}
                rightSection={
                  <Text size="xs" c={title.length >= TITLE_LIMIT ? 'orange.8' : 'dimmed'}>
                    {title.length}/{TITLE_LIMIT}
                  </Text>
                }
                rightSectionWidth={48}
                onChange={(event) => {
                  const value = event.currentTarget.value;
                  setTitles((all) => all.map((old, i) => (i === index ? value : old)));
                }}
              />
              {titles.length > 1 && (
                <ActionIcon
                  variant="subtle"
                  color="gray"
                  size="lg"
                  aria-label={t('buttons.remove', { n: index + 1 })}
                  onClick={() => setTitles((all) => all.filter((_, i) => i !== index))}
                >
                  <Icon name="x" size={16} />
                </ActionIcon>
              )}
            </Group>
          ))}
          {titles.length < MAX_BUTTONS && (
            <Button
              variant="subtle"
              size="xs"
              w="fit-content"
              onClick={() => setTitles((all) => [...all, ''])}
              leftSection={<Icon name="buttons" size={14} />}
            >
              {t('buttons.add')}
            </Button>
          )}
          {duplicate && (
            <Text size="xs" c="red.7">
              {t('buttons.duplicate')}
            </Text>
          )}
          {error && (
            <Alert color="red" variant="light" icon={<Icon name="alert" />} role="alert">
              {error}
            </Alert>
          )}
          <Group justify="flex-end" gap="sm" mt="xs">
            <Button variant="default" onClick={onClose}>
              {t('common.cancel')}
            </Button>
            <Button
              type="submit"
              loading={busy}
              disabled={!body.trim() || filled.length === 0 || duplicate}
              rightSection={<Icon name="send" size={16} />}
            >
              {t('buttons.send')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}

/** A stable id the patient's tap comes back with: `confirm_1`, `cancel_2`. */
function buttonId(title: string, index: number): string {
  const slug = title
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '_')
    .replace(/^_|_$/g, '')
    .slice(0, 40);
  return `${slug || 'option'}_${index + 1}`;
}
