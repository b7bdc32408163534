import {
  Alert,
  Button,
  Group,
  Modal,
  PasswordInput,
  SimpleGrid,
  Stack,
  Switch,
  Text,
  TextInput,
  UnstyledButton,
} from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type FormErrors, formErrorsOf, NO_ERRORS, withoutField } from '../../api/form-errors.ts';
import { settingsApi, settingsKeys } from '../../api/settings-api.ts';
import type { Channel, NewChannel } from '../../api/settings-types.ts';
import { CHANNEL_NAMES, ChannelIcon } from '../../ui/channel-icon.tsx';
import { Icon } from '../../ui/icons.tsx';
import {
  ADDABLE_TYPES,
  type AddableType,
  bodyParts,
  CHANNEL_FIELDS,
  type ChannelField,
} from './channel-fields.ts';
import classes from './channels.module.css';

interface Props {
  opened: boolean;
  onClose(): void;
  onAdded(channel: Channel): void;
}

/** Connects a channel: first its type, then what that type needs (a bot token; a Page id and tokens…). */
export function AddChannelDialog({ opened, onClose, onAdded }: Props) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [type, setType] = useState<AddableType | null>(null);
  const [name, setName] = useState('');
  const [values, setValues] = useState<Record<string, string>>({});
  const [errors, setErrors] = useState<FormErrors<string>>(NO_ERRORS);
  const fields = type ? CHANNEL_FIELDS[type] : [];

  useEffect(() => {
    if (!opened) return;
    setType(null);
    setName('');
    setValues({});
    setErrors(NO_ERRORS);
  }, [opened]);

  const add = useMutation({
    mutationFn: (channel: NewChannel) => settingsApi.addChannel(channel),
    onSuccess: (channel) => {
      void queryClient.invalidateQueries({ queryKey: settingsKeys.channels });
      onAdded(channel);
    },
    onError: (error) => setErrors(formErrorsOf(error, ['name', ...fields.map((f) => f.id)], t)),
  });

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!type) return;
    const missing: Record<string, string> = {};
    for (const field of fields) {
      if (field.required && !(values[field.id] ?? '').trim())
        missing[field.id] = t('settings.errors.required');
    }
    if (Object.keys(missing).length > 0) {
      setErrors({ fields: missing, general: null });
      return;
    }
    add.mutate(newChannel(type, name.trim(), fields, values));
  };

  return (
    <Modal
      opened={opened}
      onClose={onClose}
      radius="lg"
      size="lg"
      centered
      title={type ? `${t('channels.add')} · ${CHANNEL_NAMES[type]}` : t('channels.add')}
    >
      {type === null ? (
        <Stack gap="sm">
          <Text size="sm" fw={600}>
            {t('channels.pickType')}
          </Text>
          <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
            {ADDABLE_TYPES.map((option) => (
              <UnstyledButton
                key={option}
                className={classes.typeCard}
                onClick={() => setType(option)}
                data-testid={`channel-type-${option}`}
              >
                <Group gap="sm" wrap="nowrap" align="flex-start">
                  <ChannelIcon type={option} size={28} />
                  <div>
                    <Text fw={600}>{CHANNEL_NAMES[option]}</Text>
                    <Text size="xs" c="dimmed">
                      {t(`channels.typeHint.${option}`)}
                    </Text>
                  </div>
                </Group>
              </UnstyledButton>
            ))}
          </SimpleGrid>
        </Stack>
      ) : (
        <form onSubmit={submit} noValidate>
          <Stack gap="sm">
            <Text size="sm" c="dimmed">
              {t(`channels.typeHint.${type}`)}
            </Text>
            <TextInput
              label={t('channels.fields.name')}
              placeholder={t('channels.fields.namePlaceholder')}
              description={t('channels.fields.optional')}
              value={name}
              onChange={(event) => {
                setName(event.currentTarget.value);
                setErrors((old) => withoutField(old, 'name'));
              }}
              error={errors.fields.name}
              maxLength={200}
            />
            {fields.map((field) => (
              <FieldInput
                key={field.id}
                field={field}
                value={values[field.id] ?? ''}
                error={errors.fields[field.id]}
                onChange={(value) => {
                  setValues((old) => ({ ...old, [field.id]: value }));
                  setErrors((old) => withoutField(old, field.id));
                }}
              />
            ))}
            {errors.general && (
              <Alert color="red" variant="light" icon={<Icon name="alert" />} role="alert">
                {errors.general}
              </Alert>
            )}
            <Group justify="space-between" mt="sm">
              <Button
                variant="subtle"
                onClick={() => setType(null)}
                leftSection={<Icon name="arrowLeft" size={16} />}
              >
                {t('channels.back')}
              </Button>
              <Group gap="sm">
                <Button variant="default" onClick={onClose}>
                  {t('channels.cancel')}
                </Button>
                <Button type="submit" loading={add.isPending}>
                  {t('channels.connect')}
                </Button>
              </Group>
            </Group>
          </Stack>
        </form>
      )}
    </Modal>
  );
}

/** One field of a channel's form: a password field for secrets, never echoed back. */
export function FieldInput({
  field,
  value,
  error,
  required = field.required,
  onChange,
}: {
  field: ChannelField;
  value: string;
  error: string | undefined;
  required?: boolean;
  onChange(value: string): void;
}) {
  const { t } = useTranslation();
  const props = {
    label: t(`channels.fields.${field.label}`),
    description: field.hint
      ? t(`channels.fields.${field.hint}`)
      : required
        ? undefined
        : t('channels.fields.optional'),
    value,
    error,
    withAsterisk: required,
    autoComplete: 'off',
    spellCheck: false,
    onChange: (event: { currentTarget: { value: string } }) => onChange(event.currentTarget.value),
  };
  if (field.toggle)
    return (
      <Switch
        label={props.label}
        description={props.description}
        checked={value === 'true'}
        onChange={(event) => onChange(event.currentTarget.checked ? 'true' : '')}
        error={error}
      />
    );
  return field.secret ? <PasswordInput {...props} /> : <TextInput {...props} />;
}

function newChannel(
  type: AddableType,
  name: string,
  fields: readonly ChannelField[],
  values: Readonly<Record<string, string>>,
): NewChannel {
  const { external_id = '', secrets, settings } = bodyParts(fields, values);
  const named = name ? { name } : {};
  const given = (key: string) => secrets[key] ?? '';
  switch (type) {
    case 'telegram':
      return {
        type,
        ...named,
        settings,
        secrets: {
          botToken: given('botToken'),
          ...(secrets.secretToken ? { secretToken: secrets.secretToken } : {}),
        },
      };
    case 'line':
      return {
        type,
        ...named,
        settings,
        secrets: { channelSecret: given('channelSecret'), channelAccessToken: given('channelAccessToken') },
      };
    case 'sms': {
      // The form's settings hold texts and switches (Viber's bot-initiated); an SMS number's are texts.
      const text = (value: string | boolean | undefined) => (typeof value === 'string' ? value : '');
      return {
        type,
        ...named,
        settings: {
          from: text(settings.from),
          accountSid: text(settings.accountSid),
          ...(text(settings.apiUrl) ? { apiUrl: text(settings.apiUrl) } : {}),
        },
        secrets: { authToken: given('authToken') },
      };
    }
    case 'viber': {
      const apiUrl = settings.apiUrl;
      return {
        type,
        ...named,
        settings: {
          ...(typeof apiUrl === 'string' ? { apiUrl } : {}),
          botInitiated: settings.botInitiated === true,
        },
        secrets: { authToken: given('authToken') },
      };
    }
    case 'messenger':
    case 'instagram':
      return {
        type,
        ...named,
        external_id,
        settings,
        secrets: {
          pageAccessToken: given('pageAccessToken'),
          appSecret: given('appSecret'),
          verifyToken: given('verifyToken'),
        },
      };
    case 'whatsapp':
      return {
        type,
        ...named,
        external_id,
        settings,
        secrets: {
          accessToken: given('accessToken'),
          appSecret: given('appSecret'),
          verifyToken: given('verifyToken'),
        },
      };
  }
}
