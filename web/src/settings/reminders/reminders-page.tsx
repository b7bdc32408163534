import {
  ActionIcon,
  Alert,
  Button,
  Divider,
  Group,
  NumberInput,
  Paper,
  Select,
  Skeleton,
  Stack,
  Switch,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { describeError } from '../../api/describe-error.ts';
import { ApiError } from '../../api/http-client.ts';
import { inboxApi, queryKeys } from '../../api/inbox-api.ts';
import type { ReminderPolicy } from '../../api/reminder-types.ts';
import { schedulingApi, schedulingKeys } from '../../api/scheduling-api.ts';
import type { ChannelType } from '../../api/settings-types.ts';
import { CHANNEL_NAMES, ChannelIcon } from '../../ui/channel-icon.tsx';
import { Icon } from '../../ui/icons.tsx';
import { useNotify } from '../../ui/toasts.tsx';
import { PageHeader } from '../page-header.tsx';
import {
  draftOf,
  moveChannel,
  OFFSET_UNITS,
  type OffsetUnit,
  type ReminderRulesDraft,
  rulesOf,
  sameRules,
} from './reminder-rules-draft.ts';

/** WhatsApp reminders per appointment: more is noise, and each one costs the clinic a template. */
const MAX_OFFSETS = 4;

const FIELDS = [
  'offsets_minutes',
  'quiet_hours',
  'template_name',
  'late_after_minutes',
  'enabled',
  'channel_order',
] as const;
type Field = (typeof FIELDS)[number];
type FieldErrors = Partial<Record<Field, string>>;

/** The clinic's reminder rules: when reminders go, when they never do, and the template they use. */
export function RemindersPage() {
  const { t } = useTranslation();
  const policy = useQuery({ queryKey: schedulingKeys.reminderPolicy, queryFn: schedulingApi.reminderPolicy });
  return (
    <>
      <PageHeader title={t('settings.reminders.title')} description={t('settings.reminders.description')} />
      {policy.isError && (
        <Alert color="red" variant="light" icon={<Icon name="alert" />} mb="md">
          {describeError(policy.error, t)}
        </Alert>
      )}
      {policy.isPending && <Skeleton height={420} radius="lg" />}
      {policy.isSuccess && <ReminderRulesForm policy={policy.data} />}
    </>
  );
}

function ReminderRulesForm({ policy }: { policy: ReminderPolicy }) {
  const { t } = useTranslation();
  const notify = useNotify();
  const queryClient = useQueryClient();
  const [draft, setDraft] = useState<ReminderRulesDraft>(() => draftOf(policy));
  const [errors, setErrors] = useState<FieldErrors>({});
  const [general, setGeneral] = useState<string | null>(null);
  const templates = useQuery({ queryKey: queryKeys.templates, queryFn: inboxApi.templates });

  const reset = () => {
    setDraft(draftOf(policy));
    setErrors({});
    setGeneral(null);
  };
  // biome-ignore lint/correctness/useExhaustiveDependencies: the form starts over when the saved rules change
  useEffect(reset, [policy.updated_at]);

  const save = useMutation({
    mutationFn: schedulingApi.changeReminderPolicy,
    onSuccess: (saved) => {
      queryClient.setQueryData(schedulingKeys.reminderPolicy, saved);
      notify(t('settings.reminders.saved'), 'careline');
    },
    onError: (error) => {
      const found = fieldErrorsOf(error);
      setErrors(found);
      setGeneral(Object.keys(found).length > 0 ? null : describeError(error, t));
    },
  });

  const change = (patch: Partial<ReminderRulesDraft>, field?: Field) => {
    setDraft((old) => ({ ...old, ...patch }));
    if (field) setErrors(({ [field]: _, ...rest }) => rest);
  };
  const dirty = !sameRules(rulesOf(draft), policy);
  const templateNames = useMemo(() => {
    const names = new Set((templates.data?.data ?? []).map((template) => template.name));
    names.add(policy.template_name);
    return [...names].sort();
  }, [templates.data, policy.template_name]);

  return (
    <Paper withBorder radius="lg" p="lg" component="form" onSubmit={(event) => event.preventDefault()}>
      <Switch
        size="md"
        label={t('settings.reminders.enabled')}
        description={t('settings.reminders.enabledHint')}
        checked={draft.enabled}
        onChange={(event) => change({ enabled: event.currentTarget.checked }, 'enabled')}
      />

      <Divider my="lg" />
      <Title order={2} size="h5">
        {t('settings.reminders.offsets')}
      </Title>
      <Text size="xs" c="dimmed" mb="sm">
        {t('settings.reminders.offsetsHint')}
      </Text>
      <Stack gap="xs">
        {draft.offsets.map((offset, index) => (
          // biome-ignore lint/suspicious/noArrayIndexKey: offsets have no id; each row is edited in place
          <Group key={index} gap="xs" wrap="nowrap">
            <NumberInput
              aria-label={t('settings.reminders.amount', { n: index + 1 })}
              value={offset.amount}
              onChange={(amount) =>
                change(
                  { offsets: draft.offsets.map((o, i) => (i === index ? { ...o, amount } : o)) },
                  'offsets_minutes',
                )
              }
              min={1}
              allowDecimal={false}
              allowNegative={false}
              w={96}
            />
            <Select
              aria-label={t('settings.reminders.unit', { n: index + 1 })}
              data={OFFSET_UNITS.map((unit) => ({
                value: unit,
                label: t(`settings.reminders.units.${unit}`),
              }))}
              value={offset.unit}
              allowDeselect={false}
              onChange={(unit) =>
                unit &&
                change(
                  {
                    offsets: draft.offsets.map((o, i) =>
                      i === index ? { ...o, unit: unit as OffsetUnit } : o,
                    ),
                  },
                  'offsets_minutes',
                )
              }
              w={140}
            />
            <Text size="sm">{t('settings.reminders.before')}</Text>
            <ActionIcon
              variant="subtle"
              color="gray"
              aria-label={t('settings.reminders.remove', { n: index + 1 })}
              onClick={() =>
                change({ offsets: draft.offsets.filter((_, i) => i !== index) }, 'offsets_minutes')
              }
            >
              <Icon name="trash" size={16} />
            </ActionIcon>
          </Group>
        ))}
        {draft.offsets.length < MAX_OFFSETS && (
          <Button
            variant="light"
            size="xs"
            w="fit-content"
            leftSection={<Icon name="plus" size={14} />}
            onClick={() =>
              change({ offsets: [...draft.offsets, { amount: 1, unit: 'days' }] }, 'offsets_minutes')
            }
          >
            {t('settings.reminders.add')}
          </Button>
        )}
      </Stack>
      {errors.offsets_minutes && (
        <Text size="xs" c="red.8" mt="xs" role="alert">
          {errors.offsets_minutes}
        </Text>
      )}

      <Divider my="lg" />
      <Switch
        label={t('settings.reminders.quiet')}
        description={t('settings.reminders.quietHint')}
        checked={draft.quiet}
        onChange={(event) => change({ quiet: event.currentTarget.checked }, 'quiet_hours')}
      />
      {draft.quiet && (
        <Group gap="sm" mt="sm" align="flex-start">
          <TextInput
            type="time"
            label={t('settings.reminders.quietFrom')}
            value={draft.quietStart}
            onChange={(event) => change({ quietStart: event.currentTarget.value }, 'quiet_hours')}
            w={140}
          />
          <TextInput
            type="time"
            label={t('settings.reminders.quietTo')}
            value={draft.quietEnd}
            onChange={(event) => change({ quietEnd: event.currentTarget.value }, 'quiet_hours')}
            w={140}
          />
        </Group>
      )}
      {errors.quiet_hours && (
        <Text size="xs" c="red.8" mt="xs" role="alert">
          {errors.quiet_hours}
        </Text>
      )}

      <Divider my="lg" />
      <ChannelOrder
        order={draft.channelOrder}
        onChange={(channelOrder) => change({ channelOrder }, 'channel_order')}
        error={errors.channel_order}
      />

      <Divider my="lg" />
      <Select
        label={t('settings.reminders.template')}
        description={t('settings.reminders.templateHint')}
        data={templateNames}
        value={draft.templateName}
        allowDeselect={false}
        searchable
        onChange={(name) => name && change({ templateName: name }, 'template_name')}
        error={errors.template_name}
        maw={360}
      />
      <NumberInput
        mt="md"
        label={t('settings.reminders.lateAfter')}
        description={t('settings.reminders.lateAfterHint')}
        value={draft.lateAfter}
        onChange={(lateAfter) => change({ lateAfter }, 'late_after_minutes')}
        min={1}
        max={240}
        allowDecimal={false}
        allowNegative={false}
        error={errors.late_after_minutes}
        suffix=" min"
        maw={360}
        styles={{ input: { maxWidth: 160 } }}
      />

      {general && (
        <Alert color="red" variant="light" icon={<Icon name="alert" />} role="alert" mt="md">
          {general}
        </Alert>
      )}
      <Group justify="space-between" gap="sm" mt="xl">
        <Text size="xs" c="dimmed" maw={420}>
          {t('settings.reminders.appliesToBooked')}
        </Text>
        <Group gap="sm">
          {dirty && (
            <Button variant="default" onClick={reset}>
              {t('settings.reminders.undo')}
            </Button>
          )}
          <Button
            type="submit"
            onClick={() => save.mutate(rulesOf(draft))}
            disabled={!dirty}
            loading={save.isPending}
          >
            {t('settings.reminders.save')}
          </Button>
        </Group>
      </Group>
    </Paper>
  );
}

const ALL_CHANNELS = Object.keys(CHANNEL_NAMES) as ChannelType[];

/**
 * The channels reminders and booking notices go on, first choice first: when the first cannot carry
 * one, the next the patient agreed on takes over (once). Empty: the patient's latest conversation.
 */
function ChannelOrder({
  order,
  onChange,
  error,
}: {
  order: ChannelType[];
  onChange: (order: ChannelType[]) => void;
  error: string | undefined;
}) {
  const { t } = useTranslation();
  const left = ALL_CHANNELS.filter((channel) => !order.includes(channel));
  return (
    <>
      <Title order={2} size="h5">
        {t('settings.reminders.channelOrder')}
      </Title>
      <Text size="xs" c="dimmed" mb="sm" maw={560}>
        {t('settings.reminders.channelOrderHint')}
      </Text>
      {order.length === 0 && (
        <Text size="sm" mb="xs">
          {t('settings.reminders.channelOrderNone')}
        </Text>
      )}
      <Stack gap={4} component="ol" m={0} p={0} aria-label={t('settings.reminders.channelOrder')}>
        {order.map((channel, index) => (
          <Group key={channel} gap="xs" wrap="nowrap" component="li" style={{ listStyle: 'none' }}>
            <Text size="sm" w={20} c="dimmed">
              {index + 1}.
            </Text>
            <ChannelIcon type={channel} size={16} />
            <Text size="sm" w={110}>
              {CHANNEL_NAMES[channel]}
            </Text>
            <ActionIcon
              variant="subtle"
              color="gray"
              disabled={index === 0}
              aria-label={t('settings.reminders.channelUp', { channel: CHANNEL_NAMES[channel] })}
              onClick={() => onChange(moveChannel(order, index, -1))}
            >
              <Icon name="chevronUp" size={16} />
            </ActionIcon>
            <ActionIcon
              variant="subtle"
              color="gray"
              disabled={index === order.length - 1}
              aria-label={t('settings.reminders.channelDown', { channel: CHANNEL_NAMES[channel] })}
              onClick={() => onChange(moveChannel(order, index, 1))}
            >
              <Icon name="chevronDown" size={16} />
            </ActionIcon>
            <ActionIcon
              variant="subtle"
              color="gray"
              aria-label={t('settings.reminders.channelRemove', { channel: CHANNEL_NAMES[channel] })}
              onClick={() => onChange(order.filter((c) => c !== channel))}
            >
              <Icon name="trash" size={16} />
            </ActionIcon>
          </Group>
        ))}
      </Stack>
      {left.length > 0 && (
        <Select
          mt="xs"
          aria-label={t('settings.reminders.channelAdd')}
          placeholder={t('settings.reminders.channelAdd')}
          data={left.map((channel) => ({ value: channel, label: CHANNEL_NAMES[channel] }))}
          value={null}
          onChange={(channel) => {
            const chosen = left.find((c) => c === channel);
            if (chosen) onChange([...order, chosen]);
          }}
          maw={240}
        />
      )}
      {error && (
        <Text size="xs" c="red.8" mt="xs" role="alert">
          {error}
        </Text>
      )}
    </>
  );
}

/** Each message the server gave goes beside its field: `body.offsets_minutes.1` is the offsets' row. */
function fieldErrorsOf(error: unknown): FieldErrors {
  if (!(error instanceof ApiError)) return {};
  const found: FieldErrors = {};
  for (const { field, message } of error.fieldErrors) {
    const name = FIELDS.find((f) => field === `body.${f}` || field.startsWith(`body.${f}.`));
    if (name) found[name] ??= message;
  }
  return found;
}
