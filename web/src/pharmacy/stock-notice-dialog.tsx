import {
  Alert,
  Button,
  Group,
  Modal,
  SegmentedControl,
  Select,
  SimpleGrid,
  Stack,
  Text,
  Textarea,
  TextInput,
} from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type FormErrors, formErrorsOf, NO_ERRORS, withoutField } from '../api/form-errors.ts';
import {
  type PartnerPharmacy,
  pharmacyKeys,
  type StockNoticeStatus,
  stockNoticesApi,
} from '../api/pharmacy-api.ts';
import { Icon } from '../ui/icons.tsx';
import { useNotify } from '../ui/toasts.tsx';

type Field = 'pharmacy_id' | 'medication' | 'strength' | 'form' | 'message' | 'expires_at';
const FIELDS: readonly Field[] = ['pharmacy_id', 'medication', 'strength', 'form', 'message', 'expires_at'];
const DURATIONS = ['7', '14', '30', '90'] as const;
const DAY_MS = 24 * 60 * 60 * 1000;

interface Props {
  opened: boolean;
  /** A pharmacy publishes its own; a clinic records one for a partner reached on a channel. */
  pharmacy: boolean;
  partners: readonly PartnerPharmacy[];
  onClose(): void;
}

export function StockNoticeDialog(props: Props) {
  const { t } = useTranslation();
  return (
    <Modal
      opened={props.opened}
      onClose={props.onClose}
      title={t(props.pharmacy ? 'pharmacy.notices.publishTitle' : 'pharmacy.notices.recordTitle')}
      radius="lg"
      size="lg"
      centered
    >
      <NoticeForm {...props} />
    </Modal>
  );
}

function NoticeForm({ pharmacy, partners, onClose }: Props) {
  const { t } = useTranslation();
  const notify = useNotify();
  const queryClient = useQueryClient();
  const [partnerId, setPartnerId] = useState<string | null>(partners[0]?.id ?? null);
  const [medication, setMedication] = useState('');
  const [strength, setStrength] = useState('');
  const [form, setForm] = useState('');
  const [status, setStatus] = useState<StockNoticeStatus>('short');
  const [message, setMessage] = useState('');
  const [days, setDays] = useState<string>('30');
  const [errors, setErrors] = useState<FormErrors<Field>>(NO_ERRORS);
  const publish = useMutation({
    mutationFn: () =>
      stockNoticesApi.publish({
        ...(pharmacy || !partnerId ? {} : { pharmacy_id: partnerId }),
        medication: medication.trim(),
        strength: strength.trim() || null,
        form: form.trim() || null,
        status,
        message: message.trim() || null,
        expires_at: new Date(Date.now() + Number(days) * DAY_MS).toISOString(),
      }),
    onSuccess: (notice) => {
      void queryClient.invalidateQueries({ queryKey: pharmacyKeys.notices });
      notify(t('pharmacy.notices.published', { medication: notice.medication }), 'careline');
      onClose();
    },
    onError: (error) => setErrors(formErrorsOf(error, FIELDS, t)),
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!medication.trim()) {
      setErrors({ fields: { medication: t('pharmacy.form.required') }, general: null });
      return;
    }
    publish.mutate();
  };
  const change = (field: Field, set: (value: string) => void) => (value: string) => {
    set(value);
    setErrors((e) => withoutField(e, field));
  };

  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="md">
        <Text size="sm" c="dimmed">
          {t(pharmacy ? 'pharmacy.notices.publishIntro' : 'pharmacy.notices.recordIntro')}
        </Text>
        {!pharmacy && (
          <Select
            label={t('pharmacy.notices.pharmacy')}
            data={partners.map((p) => ({ value: p.id, label: p.name }))}
            value={partnerId}
            onChange={setPartnerId}
            allowDeselect={false}
            error={errors.fields.pharmacy_id}
            comboboxProps={{ withinPortal: true }}
          />
        )}
        <SegmentedControl
          aria-label={t('pharmacy.notices.status')}
          value={status}
          onChange={(value) => setStatus(value === 'back' ? 'back' : 'short')}
          data={[
            { value: 'short', label: t('pharmacy.notices.statuses.short') },
            { value: 'back', label: t('pharmacy.notices.statuses.back') },
          ]}
        />
        <TextInput
          label={t('pharmacy.form.medication')}
          value={medication}
          onChange={(e) => change('medication', setMedication)(e.currentTarget.value)}
          error={errors.fields.medication}
          required
          data-autofocus
          maxLength={200}
        />
        <SimpleGrid cols={2}>
          <TextInput
            label={t('pharmacy.form.strength')}
            placeholder={t('pharmacy.form.strengthPlaceholder')}
            value={strength}
            onChange={(e) => change('strength', setStrength)(e.currentTarget.value)}
            error={errors.fields.strength}
            maxLength={100}
          />
          <TextInput
            label={t('pharmacy.form.form')}
            placeholder={t('pharmacy.form.formPlaceholder')}
            value={form}
            onChange={(e) => change('form', setForm)(e.currentTarget.value)}
            error={errors.fields.form}
            maxLength={100}
          />
        </SimpleGrid>
        <Textarea
          label={t('pharmacy.notices.message')}
          description={t('pharmacy.notices.messageHint')}
          value={message}
          onChange={(e) => change('message', setMessage)(e.currentTarget.value)}
          error={errors.fields.message}
          autosize
          minRows={2}
          maxLength={1000}
        />
        <Select
          label={t('pharmacy.notices.duration')}
          data={DURATIONS.map((d) => ({ value: d, label: t('pharmacy.notices.days', { count: Number(d) }) }))}
          value={days}
          onChange={(value) => setDays(value ?? '30')}
          allowDeselect={false}
          error={errors.fields.expires_at}
          comboboxProps={{ withinPortal: true }}
        />
        {errors.general && (
          <Alert color="red" variant="light" icon={<Icon name="alert" />} role="alert">
            {errors.general}
          </Alert>
        )}
        <Group justify="flex-end" gap="sm">
          <Button variant="default" onClick={onClose}>
            {t('common.cancel')}
          </Button>
          <Button type="submit" loading={publish.isPending}>
            {t(pharmacy ? 'pharmacy.notices.publish' : 'pharmacy.notices.record')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
