import { Alert, Button, Group, Modal, Radio, Select, Stack, Text, Textarea } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type FormErrors, formErrorsOf, NO_ERRORS } from '../../api/form-errors.ts';
import { CONSENT_PURPOSES, type ConsentPurpose } from '../../api/reminder-types.ts';
import { schedulingApi, schedulingKeys } from '../../api/scheduling-api.ts';
import type { ChannelType } from '../../api/settings-types.ts';
import { currentLanguage } from '../../i18n/i18n.ts';
import { CHANNEL_NAMES } from '../../ui/channel-icon.tsx';
import { Icon } from '../../ui/icons.tsx';
import { useNotify } from '../../ui/toasts.tsx';
import { reminderQuestionFor } from './consent-wording.ts';

type Field = 'text_shown';
const FIELDS: readonly Field[] = ['text_shown'];
const TEXT_LIMIT = 2000;

interface Props {
  opened: boolean;
  contact: { id: string; name: string; language: string | null };
  /** The apps the patient writes from: the answer is recorded for one of them (the ledger is per channel). */
  channels: readonly ChannelType[];
  onClose(): void;
}

/** Records an answer the patient gave by phone or at the desk, with the words used, as the ledger needs. */
export function ConsentDialog(props: Props) {
  const { t } = useTranslation();
  return (
    <Modal
      opened={props.opened}
      onClose={props.onClose}
      title={t('consent.recordTitle', { name: props.contact.name })}
      radius="lg"
      size="lg"
      centered
    >
      <ConsentForm {...props} />
    </Modal>
  );
}

function ConsentForm({ contact, channels, onClose }: Props) {
  const { t } = useTranslation();
  const notify = useNotify();
  const queryClient = useQueryClient();
  const [channel, setChannel] = useState<ChannelType>(channels[0] ?? 'whatsapp');
  const [purpose, setPurpose] = useState<ConsentPurpose>('appointment_reminders');
  const [answer, setAnswer] = useState<'granted' | 'withdrawn'>('granted');
  const [text, setText] = useState('');
  const [errors, setErrors] = useState<FormErrors<Field>>(NO_ERRORS);
  const record = useMutation({
    mutationFn: () =>
      schedulingApi.recordConsent(contact.id, {
        channel,
        purpose,
        granted: answer === 'granted',
        text_shown: text.trim(),
      }),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: schedulingKeys.consents(contact.id) });
      notify(t('consent.recorded', { name: contact.name }), 'careline');
      onClose();
    },
    onError: (error) => setErrors(formErrorsOf(error, FIELDS, t)),
  });

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!text.trim()) {
      setErrors({ fields: { text_shown: t('consent.textRequired') }, general: null });
      return;
    }
    record.mutate();
  };

  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="md">
        <Text size="sm" c="dimmed">
          {t('consent.recordIntro')}
        </Text>
        <Select
          label={t('consent.purpose')}
          data={CONSENT_PURPOSES.map((p) => ({ value: p, label: t(`consent.purposes.${p}`) }))}
          value={purpose}
          onChange={(value) =>
            setPurpose(CONSENT_PURPOSES.find((p) => p === value) ?? 'appointment_reminders')
          }
          allowDeselect={false}
          description={
            channels.length > 1 ? undefined : t('consent.channel', { app: CHANNEL_NAMES[channel] })
          }
          comboboxProps={{ withinPortal: true }}
        />
        {channels.length > 1 && (
          <Select
            label={t('consent.app')}
            data={channels.map((c) => ({ value: c, label: CHANNEL_NAMES[c] }))}
            value={channel}
            onChange={(value) => setChannel(channels.find((c) => c === value) ?? channel)}
            allowDeselect={false}
            comboboxProps={{ withinPortal: true }}
          />
        )}
        <Radio.Group
          label={t('consent.answer')}
          value={answer}
          onChange={(value) => setAnswer(value === 'withdrawn' ? 'withdrawn' : 'granted')}
        >
          <Stack gap={6} mt={6}>
            <Radio value="granted" label={t('consent.agreed')} />
            <Radio value="withdrawn" label={t('consent.refused')} />
          </Stack>
        </Radio.Group>
        <div>
          <Textarea
            label={t('consent.textShown')}
            description={t('consent.textShownHint')}
            value={text}
            onChange={(event) => {
              setText(event.currentTarget.value);
              setErrors(NO_ERRORS);
            }}
            error={errors.fields.text_shown}
            autosize
            minRows={3}
            maxLength={TEXT_LIMIT}
            required
            data-autofocus
          />
          {purpose === 'appointment_reminders' && (
            <Button
              variant="subtle"
              size="compact-xs"
              mt={6}
              leftSection={<Icon name="reply" size={14} />}
              onClick={() => {
                setText(reminderQuestionFor(contact.language, currentLanguage(), channel));
                setErrors(NO_ERRORS);
              }}
            >
              {t('consent.useStandard')}
            </Button>
          )}
        </div>
        {errors.general && (
          <Alert color="red" variant="light" icon={<Icon name="alert" />} role="alert">
            {errors.general}
          </Alert>
        )}
        <Group justify="flex-end" gap="sm">
          <Button variant="default" onClick={onClose}>
            {t('common.cancel')}
          </Button>
          <Button type="submit" loading={record.isPending}>
            {t('consent.save')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
