import { ActionIcon, Group, TextInput, Title, Tooltip } from '@mantine/core';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Icon } from '../../ui/icons.tsx';
import classes from './contact-panel.module.css';

/** The patient's name as a title, edited in place: Enter or leaving the field saves, Escape goes back. */
export function EditableName(props: {
  value: string;
  fallback: string;
  onSave(name: string): void;
  saving: boolean;
}) {
  const { t } = useTranslation();
  const [editing, setEditing] = useState(false);
  const [draft, setDraft] = useState(props.value);
  if (!editing) {
    return (
      <Group gap={4} wrap="nowrap" justify="center" className={classes.nameRow}>
        <Title order={3} size="h4" ta="center" lineClamp={2}>
          {props.fallback}
        </Title>
        <Tooltip label={t('contact.editName')} withArrow>
          <ActionIcon
            variant="subtle"
            color="gray"
            size="sm"
            aria-label={t('contact.editName')}
            loading={props.saving}
            onClick={() => {
              setDraft(props.value);
              setEditing(true);
            }}
          >
            <Icon name="pencil" size={14} />
          </ActionIcon>
        </Tooltip>
      </Group>
    );
  }
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const name = draft.trim();
    if (name && name !== props.value) props.onSave(name);
    setEditing(false);
  };
  return (
    <form onSubmit={submit} className={classes.nameForm}>
      <TextInput
        aria-label={t('contact.name')}
        value={draft}
        onChange={(event) => setDraft(event.currentTarget.value)}
        onKeyDown={(event) => {
          if (event.key === 'Escape') setEditing(false);
        }}
        onBlur={submit}
        autoFocus
        maxLength={200}
        size="sm"
      />
    </form>
  );
}
