import { ActionIcon, Button, Group, Stack, Text, TextInput, Tooltip } from '@mantine/core';
import { type FormEvent, useEffect, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { describeError } from '../../api/describe-error.ts';
import { ApiError } from '../../api/http-client.ts';
import type { ContactDetails } from '../../api/types.ts';
import { Icon } from '../../ui/icons.tsx';
import classes from './contact-panel.module.css';
import { useContactUpdate } from './use-contact-update.ts';

/** The server's limits (contact.api.ts), checked here first to say so beside the field. */
const KEY_LIMIT = 40;
const VALUE_LIMIT = 500;
const FIELDS_LIMIT = 50;

type Fields = Record<string, string>;

/**
 * The patient's own fields (insurance, GP, allergies...): values edited in place (Enter or leaving the
 * field saves, Escape goes back), fields added and removed. Each save sends the whole set, which
 * replaces the previous one.
 */
export function ContactFields({ contact }: { contact: ContactDetails }) {
  const { t } = useTranslation();
  const update = useContactUpdate(contact.id);
  const fields = textFields(contact.custom_fields);
  const [adding, setAdding] = useState(false);
  /** Which field the last failed save was about (null: the form to add one). */
  const [failedKey, setFailedKey] = useState<string | null>(null);

  const save = (next: Fields, about: string | null) => {
    setFailedKey(about);
    update.mutate({ custom_fields: next }, { onSuccess: () => about === null && setAdding(false) });
  };
  const serverError = (key: string | null): string | undefined => {
    if (!update.isError || failedKey !== key) return undefined;
    const error = update.error;
    if (error instanceof ApiError) {
      const message = key === null ? undefined : error.fieldMessage(`custom_fields.${key}`);
      return message ?? error.fieldErrors[0]?.message ?? describeError(error, t);
    }
    return describeError(error, t);
  };

  const keys = Object.keys(fields);
  return (
    <Stack gap={8}>
      {keys.length === 0 && !adding && (
        <Text size="sm" c="dimmed">
          {t('contact.noFields')}
        </Text>
      )}
      {keys.map((key) => (
        <FieldRow
          key={key}
          name={key}
          value={fields[key] ?? ''}
          error={serverError(key)}
          saving={update.isPending && failedKey === key}
          onSave={(value) => save({ ...fields, [key]: value }, key)}
          onRemove={() => save(without(fields, key), key)}
        />
      ))}
      {adding ? (
        <NewField
          existing={keys}
          error={serverError(null)}
          saving={update.isPending && failedKey === null}
          onAdd={(key, value) => save({ ...fields, [key]: value }, null)}
          onCancel={() => {
            update.reset();
            setAdding(false);
          }}
        />
      ) : (
        keys.length < FIELDS_LIMIT && (
          <Button
            variant="subtle"
            size="xs"
            w="fit-content"
            px={6}
            leftSection={<Icon name="tag" size={14} />}
            onClick={() => {
              update.reset();
              setAdding(true);
            }}
          >
            {t('contact.addField')}
          </Button>
        )
      )}
    </Stack>
  );
}

function FieldRow(props: {
  name: string;
  value: string;
  error: string | undefined;
  saving: boolean;
  onSave(value: string): void;
  onRemove(): void;
}) {
  const { t } = useTranslation();
  const id = useId();
  const [draft, setDraft] = useState(props.value);
  useEffect(() => setDraft(props.value), [props.value]);
  const tooLong = draft.length > VALUE_LIMIT;
  const commit = () => {
    if (draft !== props.value && !tooLong) props.onSave(draft);
  };
  const label = humanise(props.name);
  return (
    <div className={classes.editRow}>
      <label htmlFor={id} className={classes.editLabel} title={props.name}>
        {label}
      </label>
      <TextInput
        id={id}
        size="xs"
        value={draft}
        onChange={(event) => setDraft(event.currentTarget.value)}
        onBlur={commit}
        onKeyDown={(event) => {
          if (event.key === 'Enter') {
            event.preventDefault();
            commit();
          } else if (event.key === 'Escape') setDraft(props.value);
        }}
        error={tooLong ? t('contact.valueTooLong', { max: VALUE_LIMIT }) : props.error}
        disabled={props.saving}
      />
      <Tooltip label={t('contact.removeField', { name: label })} withArrow>
        <ActionIcon
          variant="subtle"
          color="gray"
          size="md"
          aria-label={t('contact.removeField', { name: label })}
          onClick={props.onRemove}
          disabled={props.saving}
        >
          <Icon name="x" size={14} />
        </ActionIcon>
      </Tooltip>
    </div>
  );
}

function NewField(props: {
  existing: string[];
  error: string | undefined;
  saving: boolean;
  onAdd(key: string, value: string): void;
  onCancel(): void;
}) {
  const { t } = useTranslation();
  const [key, setKey] = useState('');
  const [value, setValue] = useState('');
  const [keyError, setKeyError] = useState<string | null>(null);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const name = key.trim();
    if (!name) setKeyError(t('contact.fieldNameRequired'));
    else if (name.length > KEY_LIMIT) setKeyError(t('contact.fieldNameTooLong', { max: KEY_LIMIT }));
    else if (props.existing.some((k) => k.toLowerCase() === name.toLowerCase()))
      setKeyError(t('contact.fieldExists', { name }));
    else if (value.length <= VALUE_LIMIT) {
      setKeyError(null);
      props.onAdd(name, value);
    }
  };
  return (
    <form onSubmit={submit} className={classes.newField} aria-label={t('contact.addField')}>
      <Stack gap={6}>
        <TextInput
          size="xs"
          label={t('contact.fieldName')}
          placeholder={t('contact.fieldNamePlaceholder')}
          value={key}
          onChange={(event) => setKey(event.currentTarget.value)}
          error={keyError}
          autoFocus
        />
        <TextInput
          size="xs"
          label={t('contact.fieldValue')}
          value={value}
          onChange={(event) => setValue(event.currentTarget.value)}
          error={value.length > VALUE_LIMIT ? t('contact.valueTooLong', { max: VALUE_LIMIT }) : props.error}
          onKeyDown={(event) => event.key === 'Escape' && props.onCancel()}
        />
        <Group gap="xs" justify="flex-end">
          <Button variant="default" size="xs" onClick={props.onCancel}>
            {t('common.cancel')}
          </Button>
          <Button type="submit" size="xs" loading={props.saving}>
            {t('contact.add')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

/** The API keeps text values; anything else (an older client's number) is shown and kept as text. */
function textFields(fields: ContactDetails['custom_fields']): Fields {
  return Object.fromEntries(Object.entries(fields).map(([k, v]) => [k, v === null ? '' : String(v)]));
}

function without(fields: Fields, key: string): Fields {
  return Object.fromEntries(Object.entries(fields).filter(([k]) => k !== key));
}

function humanise(key: string): string {
  const words = key.replace(/[_-]+/g, ' ').trim();
  return words.charAt(0).toUpperCase() + words.slice(1);
}
