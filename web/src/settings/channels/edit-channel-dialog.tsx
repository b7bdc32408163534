import { Alert, Button, Divider, Group, Modal, Stack, Text, TextInput } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type FormErrors, formErrorsOf, NO_ERRORS, withoutField } from '../../api/form-errors.ts';
import { settingsApi, settingsKeys } from '../../api/settings-api.ts';
import type { Channel, ChannelPatch } from '../../api/settings-types.ts';
import { CHANNEL_NAMES } from '../../ui/channel-icon.tsx';
import { Icon } from '../../ui/icons.tsx';
import { useWhileClosing } from '../../ui/use-while-closing.ts';
import { FieldInput } from './add-channel-dialog.tsx';
import { bodyParts, CHANNEL_FIELDS, isAddable } from './channel-fields.ts';

interface Props {
  channel: Channel | null;
  onClose(): void;
  onSaved(): void;
}

/** Renames a channel or replaces its secrets (all of them at once; empty keeps the current ones). */
export function EditChannelDialog({ channel, onClose, onSaved }: Props) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const shown = useWhileClosing(channel);
  const [name, setName] = useState('');
  const [values, setValues] = useState<Record<string, string>>({});
  const [errors, setErrors] = useState<FormErrors<string>>(NO_ERRORS);
  const secretFields =
    shown && isAddable(shown.type) ? CHANNEL_FIELDS[shown.type].filter((f) => f.part === 'secrets') : [];

  useEffect(() => {
    if (channel === null) return;
    setName(channel.name);
    setValues({});
    setErrors(NO_ERRORS);
  }, [channel]);

  const save = useMutation({
    mutationFn: (patch: ChannelPatch) => settingsApi.changeChannel(channel?.id ?? '', patch),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: settingsKeys.channels });
      onSaved();
    },
    onError: (error) => setErrors(formErrorsOf(error, ['name', ...secretFields.map((f) => f.id)], t)),
  });

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!channel) return;
    const { secrets } = bodyParts(secretFields, values);
    const replacing = Object.keys(secrets).length > 0;
    const missing: Record<string, string> = {};
    if (!name.trim()) missing.name = t('settings.errors.required');
    if (replacing) {
      for (const field of secretFields) {
        if (field.required && !secrets[field.key]) missing[field.id] = t('settings.errors.required');
      }
    }
    if (Object.keys(missing).length > 0) {
      setErrors({ fields: missing, general: null });
      return;
    }
    const renamed = name.trim() !== channel.name;
    if (!renamed && !replacing) {
      onClose();
      return;
    }
    save.mutate({ ...(renamed ? { name: name.trim() } : {}), ...(replacing ? { secrets } : {}) });
  };

  return (
    <Modal
      opened={channel !== null}
      onClose={onClose}
      radius="lg"
      size="lg"
      centered
      title={shown ? t('channels.edit', { name: shown.name }) : ''}
    >
      <form onSubmit={submit} noValidate>
        <Stack gap="sm">
          {shown && (
            <Text size="sm" c="dimmed">
              {CHANNEL_NAMES[shown.type]} · {shown.external_id}
            </Text>
          )}
          <TextInput
            label={t('channels.fields.name')}
            value={name}
            onChange={(event) => {
              setName(event.currentTarget.value);
              setErrors((old) => withoutField(old, 'name'));
            }}
            error={errors.fields.name}
            withAsterisk
            maxLength={200}
          />
          {secretFields.length > 0 && (
            <>
              <Divider label={t('channels.secretsTitle')} labelPosition="left" mt="xs" />
              <Text size="xs" c="dimmed">
                {t('channels.secretsHint')}
              </Text>
              {secretFields.map((field) => (
                <FieldInput
                  key={field.id}
                  field={field}
                  required={false}
                  value={values[field.id] ?? ''}
                  error={errors.fields[field.id]}
                  onChange={(value) => {
                    setValues((old) => ({ ...old, [field.id]: value }));
                    setErrors((old) => withoutField(old, field.id));
                  }}
                />
              ))}
            </>
          )}
          {errors.general && (
            <Alert color="red" variant="light" icon={<Icon name="alert" />} role="alert">
              {errors.general}
            </Alert>
          )}
          <Group justify="flex-end" gap="sm" mt="sm">
            <Button variant="default" onClick={onClose}>
              {t('channels.cancel')}
            </Button>
            <Button type="submit" loading={save.isPending}>
              {t('channels.save')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
