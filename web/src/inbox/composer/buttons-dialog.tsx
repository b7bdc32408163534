import { ActionIcon, Alert, Button, Group, Modal, Stack, Text, Textarea, TextInput } from '@mantine/core';
import { type FormEvent, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ChannelLimits, OutgoingMessage } from '../../api/types.ts';
import { Icon } from '../../ui/icons.tsx';
import classes from './composer.module.css';

interface Props {
  opened: boolean;
  onClose(): void;
  onSend(message: OutgoingMessage): Promise<string | null>;
  /** What the agent had typed: the question the buttons answer. */
  initialBody: string;
  onSent(): void;
  /** The channel's (undefined while they load: the server still checks the message). */
  limits: ChannelLimits | undefined;
}

/** A question with a few quick-reply buttons the patient taps (WhatsApp's reply buttons: up to three). */
export function ButtonsDialog({ opened, onClose, onSend, initialBody, onSent, limits }: Props) {
  const { t } = useTranslation();
  const titleLimit = limits?.buttons.title_length;
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

  const canAddButton = limits === undefined || titles.length < limits.buttons.max;
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
            maxLength={limits?.interactive.body_length}
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
                maxLength={titleLimit}
                rightSection={
                  titleLimit !== undefined && (
                    <Text size="xs" c={title.length >= titleLimit ? 'orange.8' : 'dimmed'}>
                      {title.length}/{titleLimit}
                    </Text>
                  )
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
          {canAddButton && (
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
