import {
  Alert,
  Badge,
  Button,
  Center,
  Group,
  Loader,
  Modal,
  ScrollArea,
  Stack,
  Text,
  TextInput,
  UnstyledButton,
} from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { type FormEvent, useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { describeError } from '../../api/describe-error.ts';
import { inboxApi, queryKeys } from '../../api/inbox-api.ts';
import type { OutgoingMessage, Template } from '../../api/types.ts';
import { Icon } from '../../ui/icons.tsx';
import classes from './composer.module.css';
import { parametersOf, templateBody, templateParts } from './template-text.ts';

interface Props {
  opened: boolean;
  onClose(): void;
  onSend(message: OutgoingMessage): Promise<string | null>;
  contactName: string | null;
}

/** Approved WhatsApp templates: pick one, fill its {{n}} blanks, see the message as the patient will. */
export function TemplatePicker({ opened, onClose, onSend, contactName }: Props) {
  const { t, i18n } = useTranslation();
  const templates = useQuery({
    queryKey: queryKeys.templates,
    queryFn: inboxApi.templates,
    enabled: opened,
    staleTime: 60_000,
  });
  const approved = useMemo(
    () =>
      (templates.data?.data ?? []).filter((tpl) => !tpl.status || tpl.status.toUpperCase() === 'APPROVED'),
    [templates.data],
  );
  const [selectedKey, setSelectedKey] = useState<string | null>(null);
  const [values, setValues] = useState<string[]>([]);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const selected = approved.find((tpl) => keyOf(tpl) === selectedKey);
  const body = selected ? templateBody(selected) : '';
  const parameters = parametersOf(body);

  useEffect(() => {
    if (!opened || approved.length === 0 || selected) return;
    const preferred =
      approved.find((tpl) => tpl.language.startsWith(i18n.resolvedLanguage ?? 'en')) ?? approved[0];
    if (preferred) choose(preferred);
  });

  const choose = (template: Template) => {
    setSelectedKey(keyOf(template));
    const names = parametersOf(templateBody(template));
    setValues(names.map((_, index) => (index === 0 && contactName ? (contactName.split(' ')[0] ?? '') : '')));
    setError(null);
  };

  const close = () => {
    setSelectedKey(null);
    setError(null);
    onClose();
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!selected) return;
    setBusy(true);
    const problem = await onSend({
      type: 'template',
      name: selected.name,
      language: selected.language,
      components: { body: values.map((value) => value.trim()) },
    });
    setBusy(false);
    if (problem) setError(problem);
    else close();
  };

  const missing = values.some((value) => !value.trim());

  return (
    <Modal opened={opened} onClose={close} title={t('template.title')} size="xl" radius="lg" centered>
      {templates.isPending && opened && (
        <Center h={200}>
          <Loader aria-label={t('common.loading')} />
        </Center>
      )}
      {templates.isError && (
        <Alert color="red" variant="light" icon={<Icon name="alert" />}>
          {describeError(templates.error, t)}
        </Alert>
      )}
      {templates.isSuccess && approved.length === 0 && (
        <Alert color="gray" variant="light" icon={<Icon name="template" />}>
          {t('template.none')}
        </Alert>
      )}
      {approved.length > 0 && (
        <form onSubmit={submit} className={classes.templateLayout}>
          <ScrollArea.Autosize mah={420} type="auto">
            <Stack gap={6} role="radiogroup" aria-label={t('template.list')} pr="xs">
              {approved.map((template) => {
                const active = keyOf(template) === selectedKey;
                return (
                  <UnstyledButton
                    key={keyOf(template)}
                    role="radio"
                    aria-checked={active}
                    className={classes.templateItem}
                    data-active={active || undefined}
                    onClick={() => choose(template)}
                  >
                    <Group justify="space-between" gap={6} wrap="nowrap">
                      <Text size="sm" fw={600} truncate>
                        {template.name}
                      </Text>
                      <Badge size="xs" variant="light" color="gray">
                        {template.language}
                      </Badge>
                    </Group>
                    <Text size="xs" c="dimmed" lineClamp={2}>
                      {templateBody(template)}
                    </Text>
                  </UnstyledButton>
                );
              })}
            </Stack>
          </ScrollArea.Autosize>
          <Stack gap="sm">
            <Text size="xs" fw={700} c="dimmed" tt="uppercase">
              {t('template.preview')}
            </Text>
            <div className={classes.templatePreview}>
              <div className={classes.templateBubble} data-testid="template-preview">
                {templateParts(body).map((part, index) =>
                  'text' in part ? (
                    // biome-ignore lint/suspicious/noArrayIndexKey: parts of one fixed text.
                    <span key={index}>{part.text}</span>
                  ) : (
                    <mark
                      // biome-ignore lint/suspicious/noArrayIndexKey: parts of one fixed text.
                      key={index}
                      className={classes.blank}
                      data-filled={Boolean(values[parameters.indexOf(part.parameter)]?.trim()) || undefined}
                    >
                      {values[parameters.indexOf(part.parameter)]?.trim() || `{{${part.parameter}}}`}
                    </mark>
                  ),
                )}
                {selected?.components
                  .filter((component) => component.type.toUpperCase() === 'BUTTONS')
                  .flatMap((component) => component.buttons ?? [])
                  .map((button) => (
                    <span key={button.text} className={classes.templateButton}>
                      {button.text}
                    </span>
                  ))}
              </div>
            </div>
            {parameters.length > 0 && (
              <Stack gap="xs">
                {parameters.map((name, index) => (
                  <TextInput
                    key={name}
                    label={t('template.parameter', { name })}
                    description={hintFor(body, name)}
                    value={values[index] ?? ''}
                    required
                    onChange={(event) => {
                      const value = event.currentTarget.value;
                      setValues((all) => all.map((old, i) => (i === index ? value : old)));
                    }}
                  />
                ))}
              </Stack>
            )}
            {error && (
              <Alert color="red" variant="light" icon={<Icon name="alert" />} role="alert">
                {error}
              </Alert>
            )}
            <Group justify="flex-end" gap="sm" mt="xs">
              <Button variant="default" onClick={close}>
                {t('common.cancel')}
              </Button>
              <Button
                type="submit"
                loading={busy}
                disabled={!selected || missing}
                rightSection={<Icon name="send" size={16} />}
              >
                {t('template.send')}
              </Button>
            </Group>
            <Text size="xs" c="dimmed">
              <Icon name="circleCheck" size={12} /> {t('template.approvedNote')}
            </Text>
          </Stack>
        </form>
      )}
    </Modal>
  );
}

function keyOf(template: Template): string {
  return `${template.name}:${template.language}`;
}

/** The words just before a blank, as a hint of what it expects: "…votre rendez-vous le {{2}}". */
function hintFor(body: string, name: string): string {
  const at = body.indexOf(`{{${name}}}`);
  if (at < 0) return '';
  const before = body.slice(Math.max(0, at - 32), at).trim();
  return before ? `…${before} ___` : '';
}
