import {
  ActionIcon,
  Alert,
  Button,
  Checkbox,
  Group,
  Modal,
  SegmentedControl,
  Select,
  SimpleGrid,
  Stack,
  Text,
  Textarea,
  TextInput,
  Tooltip,
} from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { describeError } from '../api/describe-error.ts';
import { ApiError } from '../api/http-client.ts';
import { listPartners, ordersApi, pharmacyKeys } from '../api/pharmacy-api.ts';
import { Icon } from '../ui/icons.tsx';
import { useNotify } from '../ui/toasts.tsx';
import classes from './pharmacy-page.module.css';
import { StockWarning } from './stock-warning.tsx';

interface Props {
  opened: boolean;
  contact: { id: string; name: string };
  timeZone: string;
  onClose(): void;
}

interface Row {
  key: number;
  medication: string;
  strength: string;
  form: string;
  quantity: string;
  posology: string;
  substitution_allowed: boolean;
}

const MAX_ITEMS = 20;
let nextKey = 1;
const emptyRow = (): Row => ({
  key: nextKey++,
  medication: '',
  strength: '',
  form: '',
  quantity: '1',
  posology: '',
  substitution_allowed: true,
});

/** A clinician's prescription order for the patient, to a partner pharmacy. */
export function PrescriptionDialog(props: Props) {
  const { t } = useTranslation();
  return (
    <Modal
      opened={props.opened}
      onClose={props.onClose}
      title={t('pharmacy.form.title', { name: props.contact.name })}
      radius="lg"
      size="xl"
      centered
    >
      <OrderForm {...props} />
    </Modal>
  );
}

function OrderForm({ contact, timeZone, onClose }: Props) {
  const { t } = useTranslation();
  const notify = useNotify();
  const queryClient = useQueryClient();
  const partners = useQuery({ queryKey: pharmacyKeys.partners, queryFn: listPartners });
  const [pharmacyId, setPharmacyId] = useState<string | null>(null);
  const chosen = pharmacyId ?? partners.data?.[0]?.id ?? null;
  const [rows, setRows] = useState<Row[]>(() => [emptyRow()]);
  const [fulfilment, setFulfilment] = useState<'pickup' | 'delivery'>('pickup');
  const [address, setAddress] = useState('');
  const [note, setNote] = useState('');
  const [fieldErrors, setFieldErrors] = useState<Record<string, string>>({});
  const [general, setGeneral] = useState<string | null>(null);

  const send = useMutation({
    mutationFn: () =>
      ordersApi.create({
        contact_id: contact.id,
        pharmacy_id: chosen ?? '',
        fulfilment,
        ...(fulfilment === 'delivery' ? { delivery_address: address.trim() } : {}),
        ...(note.trim() ? { note: note.trim() } : {}),
        items: rows.map((row) => ({
          medication: row.medication.trim(),
          ...(row.strength.trim() ? { strength: row.strength.trim() } : {}),
          ...(row.form.trim() ? { form: row.form.trim() } : {}),
          quantity: row.quantity.trim(),
          posology: row.posology.trim(),
          substitution_allowed: row.substitution_allowed,
        })),
      }),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: pharmacyKeys.ordersOf(contact.id) });
      notify(t('pharmacy.form.sent', { name: contact.name }), 'careline');
      onClose();
    },
    onError: (error) => {
      if (error instanceof ApiError && error.fieldErrors.length > 0) {
        setFieldErrors(
          Object.fromEntries(error.fieldErrors.map((e) => [e.field.replace(/^body\./, ''), e.message])),
        );
        setGeneral(null);
      } else {
        setFieldErrors({});
        setGeneral(describeError(error, t));
      }
    },
  });

  const check = (): Record<string, string> => {
    const found: Record<string, string> = {};
    if (!chosen) found.pharmacy_id = t('pharmacy.form.choosePharmacy');
    rows.forEach((row, i) => {
      if (!row.medication.trim()) found[`items.${i}.medication`] = t('pharmacy.form.required');
      if (!row.quantity.trim()) found[`items.${i}.quantity`] = t('pharmacy.form.required');
      if (!row.posology.trim()) found[`items.${i}.posology`] = t('pharmacy.form.required');
    });
    if (fulfilment === 'delivery' && !address.trim()) found.delivery_address = t('pharmacy.form.required');
    return found;
  };
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const found = check();
    setFieldErrors(found);
    if (Object.keys(found).length === 0) send.mutate();
  };
  const setRow = (key: number, change: Partial<Row>) => {
    setRows((all) => all.map((row) => (row.key === key ? { ...row, ...change } : row)));
    setFieldErrors({});
  };
  const tz = timeZone;

  if (partners.data && partners.data.length === 0) {
    return (
      <Alert color="gray" variant="light" icon={<Icon name="pharmacy" />}>
        {t('pharmacy.form.noPartner')}
      </Alert>
    );
  }

  return (
    <form onSubmit={submit} noValidate aria-label={t('pharmacy.form.aria')}>
      <Stack gap="md">
        <Select
          label={t('pharmacy.form.pharmacy')}
          data={(partners.data ?? []).map((p) => ({ value: p.id, label: p.name }))}
          value={chosen}
          onChange={setPharmacyId}
          allowDeselect={false}
          error={fieldErrors.pharmacy_id}
          leftSection={<Icon name="pharmacy" size={16} />}
          comboboxProps={{ withinPortal: true }}
          disabled={partners.isPending}
        />
        <Stack gap="sm">
          <Text fw={600} size="sm">
            {t('pharmacy.form.items')}
          </Text>
          {rows.map((row, i) => (
            <div key={row.key} className={classes.itemRow} data-testid="order-item">
              <Stack gap="xs">
                <Group align="flex-start" gap="xs" wrap="nowrap">
                  <TextInput
                    label={t('pharmacy.form.medication')}
                    value={row.medication}
                    onChange={(e) => setRow(row.key, { medication: e.currentTarget.value })}
                    error={fieldErrors[`items.${i}.medication`]}
                    required
                    style={{ flex: 2 }}
                    maxLength={200}
                    {...(i === 0 ? { 'data-autofocus': true } : {})}
                  />
                  <TextInput
                    label={t('pharmacy.form.strength')}
                    placeholder={t('pharmacy.form.strengthPlaceholder')}
                    value={row.strength}
                    onChange={(e) => setRow(row.key, { strength: e.currentTarget.value })}
                    error={fieldErrors[`items.${i}.strength`]}
                    style={{ flex: 1 }}
                    maxLength={100}
                  />
                  <TextInput
                    label={t('pharmacy.form.form')}
                    placeholder={t('pharmacy.form.formPlaceholder')}
                    value={row.form}
                    onChange={(e) => setRow(row.key, { form: e.currentTarget.value })}
                    error={fieldErrors[`items.${i}.form`]}
                    style={{ flex: 1 }}
                    maxLength={100}
                  />
                  <Tooltip label={t('pharmacy.form.removeItem')} withArrow>
                    <ActionIcon
                      variant="subtle"
                      color="gray"
                      mt={26}
                      aria-label={t('pharmacy.form.removeItemN', { n: i + 1 })}
                      disabled={rows.length === 1}
                      onClick={() => setRows((all) => all.filter((r) => r.key !== row.key))}
                    >
                      <Icon name="trash" size={16} />
                    </ActionIcon>
                  </Tooltip>
                </Group>
                <StockWarning medication={row.medication} pharmacyId={chosen} timeZone={tz} />
                <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="xs">
                  <TextInput
                    label={t('pharmacy.form.quantity')}
                    placeholder={t('pharmacy.form.quantityPlaceholder')}
                    value={row.quantity}
                    onChange={(e) => setRow(row.key, { quantity: e.currentTarget.value })}
                    error={fieldErrors[`items.${i}.quantity`]}
                    required
                    maxLength={50}
                  />
                  <TextInput
                    label={t('pharmacy.form.posology')}
                    placeholder={t('pharmacy.form.posologyPlaceholder')}
                    value={row.posology}
                    onChange={(e) => setRow(row.key, { posology: e.currentTarget.value })}
                    error={fieldErrors[`items.${i}.posology`]}
                    required
                    maxLength={500}
                    style={{ gridColumn: 'span 2' }}
                  />
                </SimpleGrid>
                <Checkbox
                  label={t('pharmacy.form.substitution')}
                  checked={row.substitution_allowed}
                  onChange={(e) => setRow(row.key, { substitution_allowed: e.currentTarget.checked })}
                />
              </Stack>
            </div>
          ))}
          <Group>
            <Button
              variant="light"
              size="compact-sm"
              leftSection={<Icon name="plus" size={14} />}
              disabled={rows.length >= MAX_ITEMS}
              onClick={() => setRows((all) => [...all, emptyRow()])}
            >
              {t('pharmacy.form.addItem')}
            </Button>
          </Group>
        </Stack>
        <Stack gap={6}>
          <Text fw={600} size="sm">
            {t('pharmacy.form.fulfilment')}
          </Text>
          <SegmentedControl
            aria-label={t('pharmacy.form.fulfilment')}
            value={fulfilment}
            onChange={(value) => setFulfilment(value === 'delivery' ? 'delivery' : 'pickup')}
            data={[
              { value: 'pickup', label: t('pharmacy.fulfilment.pickup') },
              { value: 'delivery', label: t('pharmacy.fulfilment.delivery') },
            ]}
          />
          {fulfilment === 'delivery' && (
            <Textarea
              label={t('pharmacy.form.address')}
              value={address}
              onChange={(e) => {
                setAddress(e.currentTarget.value);
                setFieldErrors({});
              }}
              error={fieldErrors.delivery_address}
              required
              autosize
              minRows={2}
              maxLength={500}
            />
          )}
        </Stack>
        <Textarea
          label={t('pharmacy.form.note')}
          description={t('pharmacy.form.noteHint')}
          value={note}
          onChange={(e) => setNote(e.currentTarget.value)}
          error={fieldErrors.note}
          autosize
          minRows={2}
          maxLength={2000}
        />
        {(general || fieldErrors.items) && (
          <Alert color="red" variant="light" icon={<Icon name="alert" />} role="alert">
            {general ?? fieldErrors.items}
          </Alert>
        )}
        <Group justify="flex-end" gap="sm">
          <Button variant="default" onClick={onClose}>
            {t('common.cancel')}
          </Button>
          <Button type="submit" loading={send.isPending} leftSection={<Icon name="send" size={16} />}>
            {t('pharmacy.form.send')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
