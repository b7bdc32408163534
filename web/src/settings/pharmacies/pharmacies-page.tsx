import {
  Alert,
  Badge,
  Button,
  Code,
  Group,
  Modal,
  Paper,
  SegmentedControl,
  Select,
  Skeleton,
  Stack,
  Switch,
  Table,
  Text,
  TextInput,
} from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { describeError } from '../../api/describe-error.ts';
import { type FormErrors, formErrorsOf, NO_ERRORS } from '../../api/form-errors.ts';
import { type PartnerPharmacy, partnersApi, pharmacyKeys } from '../../api/pharmacy-api.ts';
import { settingsApi, settingsKeys } from '../../api/settings-api.ts';
import { useFormatters } from '../../format/formatters.ts';
import { formatPhone } from '../../format/people.ts';
import { useSignedIn } from '../../session/session-context.tsx';
import { CHANNEL_NAMES } from '../../ui/channel-icon.tsx';
import { Icon } from '../../ui/icons.tsx';
import { useNotify } from '../../ui/toasts.tsx';
import { PageHeader } from '../page-header.tsx';

/**
 * A clinic's partner pharmacies: one reached on WhatsApp (its number, and the clinic's number that writes
 * to it), or a pharmacy on Careline paired with the code it gives. A pharmacy's org issues that code here.
 */
export function PharmaciesPage() {
  const session = useSignedIn();
  return session.user.org.kind === 'pharmacy' ? <PairingCodePage /> : <PartnersPage />;
}

function PartnersPage() {
  const { t } = useTranslation();
  const notify = useNotify();
  const queryClient = useQueryClient();
  const partners = useQuery({ queryKey: pharmacyKeys.partners, queryFn: partnersApi.list });
  const [adding, setAdding] = useState(false);
  const toggle = useMutation({
    mutationFn: (p: PartnerPharmacy) => partnersApi.change(p.id, { active: !p.active }),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: pharmacyKeys.partners }),
    onError: (error) => notify(describeError(error, t)),
  });
  return (
    <>
      <PageHeader
        title={t('pharmacySettings.title')}
        description={t('pharmacySettings.description')}
        action={
          <Button leftSection={<Icon name="plus" size={16} />} onClick={() => setAdding(true)}>
            {t('pharmacySettings.add')}
          </Button>
        }
      />
      {partners.isPending && <Skeleton h={120} radius="md" />}
      {partners.isError && (
        <Alert color="red" variant="light" icon={<Icon name="alert" />}>
          {describeError(partners.error, t)}
        </Alert>
      )}
      {partners.data && partners.data.data.length === 0 && (
        <Paper withBorder radius="md" p="xl">
          <Text c="dimmed" size="sm" ta="center">
            {t('pharmacySettings.none')}
          </Text>
        </Paper>
      )}
      {partners.data && partners.data.data.length > 0 && (
        <Paper withBorder radius="md">
          <Table verticalSpacing="sm" horizontalSpacing="md" aria-label={t('pharmacySettings.title')}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('pharmacySettings.name')}</Table.Th>
                <Table.Th>{t('pharmacySettings.reach')}</Table.Th>
                <Table.Th>{t('pharmacySettings.active')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {partners.data.data.map((p) => (
                <Table.Tr key={p.id}>
                  <Table.Td>
                    <Text size="sm" fw={500}>
                      {p.name}
                    </Text>
                    {p.address && (
                      <Text size="xs" c="dimmed">
                        {p.address}
                      </Text>
                    )}
                  </Table.Td>
                  <Table.Td>
                    {p.reach.kind === 'careline' ? (
                      <Badge variant="light" color="careline" leftSection={<Icon name="link" size={12} />}>
                        {t('pharmacySettings.onCareline', { name: p.reach.org_name ?? '' })}
                      </Badge>
                    ) : (
                      <Text size="sm">
                        <Icon name="brand-whatsapp" size={14} /> {formatPhone(p.reach.address)}
                      </Text>
                    )}
                  </Table.Td>
                  <Table.Td>
                    <Switch
                      checked={p.active}
                      onChange={() => toggle.mutate(p)}
                      aria-label={t('pharmacySettings.activeOf', { name: p.name })}
                    />
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Paper>
      )}
      <Modal
        opened={adding}
        onClose={() => setAdding(false)}
        title={t('pharmacySettings.addTitle')}
        radius="lg"
        size="lg"
        centered
      >
        <AddPartnerForm onClose={() => setAdding(false)} />
      </Modal>
    </>
  );
}

type Field = 'name' | 'address' | 'reach.address' | 'reach.channel_account_id' | 'reach.link_code';
const FIELDS: readonly Field[] = [
  'name',
  'address',
  'reach.address',
  'reach.channel_account_id',
  'reach.link_code',
];

function AddPartnerForm({ onClose }: { onClose(): void }) {
  const { t } = useTranslation();
  const notify = useNotify();
  const queryClient = useQueryClient();
  const channels = useQuery({ queryKey: settingsKeys.channels, queryFn: settingsApi.channels });
  const whatsapp = (channels.data?.data ?? []).filter((c) => c.type === 'whatsapp');
  const [kind, setKind] = useState<'channel' | 'careline'>('channel');
  const [name, setName] = useState('');
  const [address, setAddress] = useState('');
  const [number, setNumber] = useState('');
  const [accountId, setAccountId] = useState<string | null>(null);
  const [code, setCode] = useState('');
  const [language, setLanguage] = useState<'fr' | 'en'>('fr');
  const [errors, setErrors] = useState<FormErrors<Field>>(NO_ERRORS);
  const account = accountId ?? whatsapp[0]?.id ?? null;
  const add = useMutation({
    mutationFn: () =>
      partnersApi.create({
        name: name.trim(),
        ...(address.trim() ? { address: address.trim() } : {}),
        language,
        reach:
          kind === 'channel'
            ? { kind, channel_type: 'whatsapp', address: number.trim(), channel_account_id: account ?? '' }
            : { kind, link_code: code.trim() },
      }),
    onSuccess: (partner) => {
      void queryClient.invalidateQueries({ queryKey: pharmacyKeys.partners });
      notify(t('pharmacySettings.added', { name: partner.name }), 'careline');
      onClose();
    },
    onError: (error) => setErrors(formErrorsOf(error, FIELDS, t)),
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    add.mutate();
  };
  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="md">
        <SegmentedControl
          aria-label={t('pharmacySettings.reach')}
          value={kind}
          onChange={(value) => setKind(value === 'careline' ? 'careline' : 'channel')}
          data={[
            { value: 'channel', label: t('pharmacySettings.viaWhatsapp') },
            { value: 'careline', label: t('pharmacySettings.viaCareline') },
          ]}
        />
        <Text size="sm" c="dimmed">
          {t(kind === 'channel' ? 'pharmacySettings.whatsappIntro' : 'pharmacySettings.carelineIntro')}
        </Text>
        <TextInput
          label={t('pharmacySettings.name')}
          value={name}
          onChange={(e) => setName(e.currentTarget.value)}
          error={errors.fields.name}
          required
          data-autofocus
          maxLength={200}
        />
        <TextInput
          label={t('pharmacySettings.address')}
          value={address}
          onChange={(e) => setAddress(e.currentTarget.value)}
          error={errors.fields.address}
          maxLength={500}
        />
        {kind === 'channel' ? (
          <>
            <TextInput
              label={t('pharmacySettings.number')}
              placeholder="+33 1 23 45 67 89"
              value={number}
              onChange={(e) => setNumber(e.currentTarget.value)}
              error={errors.fields['reach.address']}
              required
            />
            <Select
              label={t('pharmacySettings.fromNumber')}
              description={t('pharmacySettings.fromNumberHint')}
              data={whatsapp.map((c) => ({
                value: c.id,
                label: c.display_phone_number ? `${c.name} (${formatPhone(c.display_phone_number)})` : c.name,
              }))}
              value={account}
              onChange={setAccountId}
              allowDeselect={false}
              error={errors.fields['reach.channel_account_id']}
              leftSection={<Icon name="brand-whatsapp" size={16} />}
              comboboxProps={{ withinPortal: true }}
              nothingFoundMessage={t('pharmacySettings.noNumber', { app: CHANNEL_NAMES.whatsapp })}
            />
            <Select
              label={t('pharmacySettings.language')}
              data={[
                { value: 'fr', label: 'Français' },
                { value: 'en', label: 'English' },
              ]}
              value={language}
              onChange={(value) => setLanguage(value === 'en' ? 'en' : 'fr')}
              allowDeselect={false}
              comboboxProps={{ withinPortal: true }}
            />
          </>
        ) : (
          <TextInput
            label={t('pharmacySettings.code')}
            description={t('pharmacySettings.codeHint')}
            placeholder="PH-XXXX-XXXX-XXXX"
            value={code}
            onChange={(e) => setCode(e.currentTarget.value)}
            error={errors.fields['reach.link_code']}
            required
          />
        )}
        {errors.general && (
          <Alert color="red" variant="light" icon={<Icon name="alert" />} role="alert">
            {errors.general}
          </Alert>
        )}
        <Group justify="flex-end" gap="sm">
          <Button variant="default" onClick={onClose}>
            {t('common.cancel')}
          </Button>
          <Button type="submit" loading={add.isPending}>
            {t('pharmacySettings.save')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

/** A pharmacy's org: the single-use code a clinic enters to pair with it. */
function PairingCodePage() {
  const { t } = useTranslation();
  const { user } = useSignedIn();
  const format = useFormatters(user.org.time_zone);
  const issue = useMutation({ mutationFn: partnersApi.issueLinkCode });
  return (
    <>
      <PageHeader
        title={t('pharmacySettings.pairTitle')}
        description={t('pharmacySettings.pairDescription')}
      />
      <Paper withBorder radius="md" p="lg">
        <Stack gap="sm" align="flex-start">
          {issue.data && (
            <>
              <Code fz="xl" data-testid="link-code">
                {issue.data.code}
              </Code>
              <Text size="sm" c="dimmed">
                {t('pharmacySettings.codeValid', { date: format.dateTime(issue.data.expires_at) })}
              </Text>
            </>
          )}
          {issue.isError && (
            <Alert color="red" variant="light" icon={<Icon name="alert" />}>
              {describeError(issue.error, t)}
            </Alert>
          )}
          <Button
            onClick={() => issue.mutate()}
            loading={issue.isPending}
            leftSection={<Icon name="key" size={16} />}
          >
            {t('pharmacySettings.issue')}
          </Button>
        </Stack>
      </Paper>
    </>
  );
}
