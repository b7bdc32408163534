import { Alert, Badge, Button, Group, Paper, Skeleton, Stack, Text, Timeline } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { describeError } from '../api/describe-error.ts';
import {
  type OrderEvent,
  type OrderItem,
  ordersApi,
  type PrescriptionOrderSummary,
  pharmacyKeys,
} from '../api/pharmacy-api.ts';
import { useStaff } from '../api/staff.ts';
import { type Formatters, useFormatters } from '../format/formatters.ts';
import { Icon } from '../ui/icons.tsx';
import { useNotify } from '../ui/toasts.tsx';
import { canCancel, STEP_COLORS } from './order-steps.ts';
import { medicationLabel } from './stock-warning.tsx';

/** The patient's prescription orders, newest first, each with where it stands and its timeline (live). */
export function PatientOrders({
  contactId,
  timeZone,
  canWrite,
}: {
  contactId: string;
  timeZone: string;
  canWrite: boolean;
}) {
  const { t } = useTranslation();
  const orders = useQuery({
    queryKey: pharmacyKeys.ordersOf(contactId),
    queryFn: () => ordersApi.ofContact(contactId),
  });
  if (orders.isPending) return <Skeleton h={48} />;
  if (orders.isError) {
    return (
      <Text size="sm" c="dimmed">
        {describeError(orders.error, t)}
      </Text>
    );
  }
  if (orders.data.data.length === 0) {
    return (
      <Text size="sm" c="dimmed">
        {t('pharmacy.orders.none')}
      </Text>
    );
  }
  return (
    <Stack gap="sm" aria-label={t('pharmacy.orders.title')}>
      {orders.data.data.map((order) => (
        <OrderCard key={order.id} summary={order} timeZone={timeZone} canWrite={canWrite} />
      ))}
    </Stack>
  );
}

function OrderCard({
  summary,
  timeZone,
  canWrite,
}: {
  summary: PrescriptionOrderSummary;
  timeZone: string;
  canWrite: boolean;
}) {
  const { t } = useTranslation();
  const format = useFormatters(timeZone);
  const notify = useNotify();
  const queryClient = useQueryClient();
  const detail = useQuery({
    queryKey: [...pharmacyKeys.order(summary.id), summary.updated_at],
    queryFn: () => ordersApi.get(summary.id),
  });
  const order = detail.data ?? summary;
  const refresh = () => queryClient.invalidateQueries({ queryKey: pharmacyKeys.orders });
  const cancel = useMutation({
    mutationFn: () => ordersApi.cancel(order.id),
    onSuccess: () => {
      void refresh();
      notify(t('pharmacy.orders.cancelled'), 'careline');
    },
    onError: (error) => notify(describeError(error, t)),
  });
  const decide = useMutation({
    mutationFn: ({ item, accepted }: { item: OrderItem; accepted: boolean }) =>
      ordersApi.decideSubstitute(order.id, item.id, accepted),
    onSuccess: () => void refresh(),
    onError: (error) => notify(describeError(error, t)),
  });

  return (
    <Paper withBorder radius="md" p="sm" data-testid="prescription-order" data-step={order.step}>
      <Group justify="space-between" gap="xs" wrap="nowrap">
        <Group gap={6} wrap="nowrap">
          <Icon name={order.fulfilment === 'delivery' ? 'delivery' : 'pharmacy'} size={16} />
          <Text size="sm" fw={600} truncate>
            {order.pharmacy.name}
          </Text>
        </Group>
        <Badge
          variant="light"
          color={STEP_COLORS[order.step]}
          data-testid="order-step"
          style={{ flexShrink: 0 }}
        >
          {t(`pharmacy.steps.${order.step}`)}
        </Badge>
      </Group>
      <Text size="xs" c="dimmed" mt={2}>
        {t('pharmacy.orders.sentAt', { reference: order.reference, date: format.dateTime(order.created_at) })}
        {' · '}
        {t(`pharmacy.fulfilment.${order.fulfilment}`)}
      </Text>
      {order.ready_at && (
        <Text size="sm" mt={6}>
          <Icon name="clock" size={14} />{' '}
          {t('pharmacy.orders.readyAt', { date: format.dateTime(order.ready_at) })}
        </Text>
      )}
      {order.eta && (
        <Text size="sm" mt={6}>
          <Icon name="delivery" size={14} /> {t('pharmacy.orders.eta', { date: format.dateTime(order.eta) })}
        </Text>
      )}
      {order.decline_reason && order.step === 'declined' && (
        <Alert color="red" variant="light" mt="xs" p="xs" title={t('pharmacy.orders.declinedBecause')}>
          {order.decline_reason}
        </Alert>
      )}
      <Stack gap={4} mt="xs">
        {order.items.map((item) => (
          <div key={item.id}>
            <Group gap={6} wrap="nowrap" justify="space-between">
              <Text size="sm" td={item.availability === 'unavailable' ? 'line-through' : undefined}>
                <Icon name="pill" size={14} /> {medicationLabel(item)} × {item.quantity}
              </Text>
              {item.availability !== 'pending' && (
                <Badge
                  size="xs"
                  variant="dot"
                  color={item.availability === 'available' ? 'teal' : 'red'}
                  style={{ flexShrink: 0 }}
                >
                  {t(`pharmacy.availability.${item.availability}`)}
                </Badge>
              )}
            </Group>
            {item.substitute && (
              <Alert
                color={item.substitute.decision === 'refused' ? 'gray' : 'yellow'}
                variant="light"
                p="xs"
                mt={4}
                data-testid="substitute"
              >
                <Text size="sm">
                  {t('pharmacy.orders.substituteProposed', { medication: medicationLabel(item.substitute) })}
                </Text>
                {item.substitute.decision === 'proposed' && canWrite && canCancel(order.step) ? (
                  <Group gap="xs" mt={6}>
                    <Button
                      size="compact-xs"
                      color="teal"
                      loading={decide.isPending && decide.variables?.accepted === true}
                      onClick={() => decide.mutate({ item, accepted: true })}
                    >
                      {t('pharmacy.orders.accept')}
                    </Button>
                    <Button
                      size="compact-xs"
                      variant="default"
                      loading={decide.isPending && decide.variables?.accepted === false}
                      onClick={() => decide.mutate({ item, accepted: false })}
                    >
                      {t('pharmacy.orders.refuse')}
                    </Button>
                  </Group>
                ) : (
                  <Text size="xs" c="dimmed">
                    {t(`pharmacy.orders.substitute.${item.substitute.decision}`)}
                  </Text>
                )}
              </Alert>
            )}
          </div>
        ))}
      </Stack>
      {detail.data?.events && detail.data.events.length > 0 && (
        <Timeline
          active={detail.data.events.length - 1}
          bulletSize={14}
          lineWidth={2}
          mt="sm"
          aria-label={t('pharmacy.orders.timeline')}
          data-testid="order-timeline"
        >
          {detail.data.events.map((event) => (
            <Timeline.Item
              key={event.id}
              title={
                <Text size="xs" fw={600}>
                  {eventTitle(event, t)}
                </Text>
              }
            >
              <EventLine event={event} format={format} pharmacy={order.pharmacy.name} />
            </Timeline.Item>
          ))}
        </Timeline>
      )}
      {canWrite && canCancel(order.step) && (
        <Group justify="flex-end" mt="xs">
          <Button
            size="compact-xs"
            variant="subtle"
            color="red"
            loading={cancel.isPending}
            onClick={() => cancel.mutate()}
          >
            {t('pharmacy.orders.cancel')}
          </Button>
        </Group>
      )}
    </Paper>
  );
}

const EVENT_KINDS = [
  'sent',
  'not_delivered',
  'response',
  'substitute_decision',
  'cancelled',
  'patient_notified',
  'patient_not_notified',
  'question_asked',
] as const;

const WHY_CODES = [
  'no_consent',
  'no_conversation_on_a_consented_channel',
  'window_closed',
  'window_closed_no_template',
  'channel_unavailable',
] as const;

/** Why the patient was not told, or the pharmacy not reached, in words; an unknown code as it is. */
function whyText(why: string, t: TFunction): string {
  const code = WHY_CODES.find((c) => c === why);
  return code ? t(`pharmacy.why.${code}`) : why;
}

function eventTitle(event: OrderEvent, t: TFunction): string {
  if (event.kind === 'response' && event.step) return t(`pharmacy.steps.${event.step}`);
  const kind = EVENT_KINDS.find((k) => k === event.kind);
  return kind ? t(`pharmacy.events.${kind}`) : event.kind;
}

function EventLine({ event, format, pharmacy }: { event: OrderEvent; format: Formatters; pharmacy: string }) {
  const { t } = useTranslation();
  const { users } = useStaff();
  const person = users.data?.find((u) => u.id === event.actor.user_id);
  const who =
    event.actor.kind === 'pharmacy'
      ? pharmacy
      : (person?.name ?? person?.email ?? t(`pharmacy.actors.${event.actor.kind}`));
  const d = event.detail;
  return (
    <Stack gap={0}>
      <Text size="xs" c="dimmed">
        {who} · {format.dateTime(event.at)}
      </Text>
      {d?.ready_at && (
        <Text size="xs">{t('pharmacy.orders.readyAt', { date: format.dateTime(d.ready_at) })}</Text>
      )}
      {d?.eta && <Text size="xs">{t('pharmacy.orders.eta', { date: format.dateTime(d.eta) })}</Text>}
      {d?.reason && <Text size="xs">{d.reason}</Text>}
      {d?.text && (
        <Text size="xs" fs="italic">
          {'«\u00a0'}
          {d.text}
          {'\u00a0»'}
        </Text>
      )}
      {d?.why && (
        <Text size="xs" c="orange">
          {whyText(d.why, t)}
        </Text>
      )}
    </Stack>
  );
}
