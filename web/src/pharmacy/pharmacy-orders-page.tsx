import { Alert, Badge, Button, Group, Paper, SimpleGrid, Skeleton, Stack, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { describeError } from '../api/describe-error.ts';
import { type IncomingOrder, ordersApi, pharmacyKeys, type ResponseStep } from '../api/pharmacy-api.ts';
import { useFormatters } from '../format/formatters.ts';
import { useCan } from '../session/permissions.ts';
import { useSignedIn } from '../session/session-context.tsx';
import { Icon } from '../ui/icons.tsx';
import { AnswerDialog } from './answer-dialog.tsx';
import { STEP_COLORS } from './order-steps.ts';
import classes from './pharmacy-page.module.css';
import { PharmacyShell } from './pharmacy-shell.tsx';
import { medicationLabel } from './stock-warning.tsx';

/** A Careline pharmacy's incoming orders from its partner clinics, newest first, each with its answers. */
export function PharmacyOrdersPage() {
  const { t } = useTranslation();
  const session = useSignedIn();
  const can = useCan();
  const format = useFormatters(session.user.org.time_zone);
  const orders = useQuery({ queryKey: pharmacyKeys.incoming, queryFn: ordersApi.incoming });
  const [answering, setAnswering] = useState<{ order: IncomingOrder; step: ResponseStep } | null>(null);

  return (
    <PharmacyShell title={t('pharmacy.incoming.title')} description={t('pharmacy.incoming.description')}>
      {orders.isError && (
        <Alert color="red" variant="light" icon={<Icon name="alert" />}>
          {describeError(orders.error, t)}
        </Alert>
      )}
      {orders.isPending && <Skeleton h={160} radius="md" />}
      {orders.data && orders.data.data.length === 0 && (
        <div className={classes.empty}>{t('pharmacy.incoming.none')}</div>
      )}
      <SimpleGrid cols={{ base: 1, md: 2 }} spacing="md">
        {orders.data?.data.map((order) => (
          <Paper
            key={order.id}
            withBorder
            radius="md"
            p="md"
            data-testid="incoming-order"
            data-step={order.step}
          >
            <Group justify="space-between" gap="xs" wrap="nowrap">
              <div>
                <Text fw={600}>{order.patient.name ?? t('pharmacy.incoming.patient')}</Text>
                <Text size="xs" c="dimmed">
                  {t('pharmacy.incoming.from', {
                    clinic: order.clinic.name,
                    reference: order.reference,
                    date: format.dateTime(order.created_at),
                  })}
                </Text>
              </div>
              <Badge variant="light" color={STEP_COLORS[order.step]} data-testid="order-step">
                {t(`pharmacy.steps.${order.step}`)}
              </Badge>
            </Group>
            <Stack gap={4} mt="sm">
              {order.items.map((item) => (
                <div key={item.id}>
                  <Text size="sm">
                    <Icon name="pill" size={14} /> {medicationLabel(item)} × {item.quantity}
                  </Text>
                  <Text size="xs" c="dimmed">
                    {item.posology}
                    {' · '}
                    {t(
                      item.substitution_allowed
                        ? 'pharmacy.incoming.substitutable'
                        : 'pharmacy.incoming.notSubstitutable',
                    )}
                  </Text>
                </div>
              ))}
            </Stack>
            <Text size="sm" mt="xs">
              <Icon name={order.fulfilment === 'delivery' ? 'delivery' : 'pharmacy'} size={14} />{' '}
              {t(`pharmacy.fulfilment.${order.fulfilment}`)}
              {order.delivery_address ? ` — ${order.delivery_address}` : ''}
            </Text>
            {order.note && (
              <Text size="sm" c="dimmed" fs="italic" mt={4}>
                {'«\u00a0'}
                {order.note}
                {'\u00a0»'}
              </Text>
            )}
            {order.ready_at && (
              <Text size="xs" mt={4}>
                {t('pharmacy.orders.readyAt', { date: format.dateTime(order.ready_at) })}
              </Text>
            )}
            {order.eta && (
              <Text size="xs" mt={4}>
                {t('pharmacy.orders.eta', { date: format.dateTime(order.eta) })}
              </Text>
            )}
            {can('prescriptions.write') && order.next_steps.length > 0 && (
              <Group gap={6} mt="sm">
                {order.next_steps.map((step) => (
                  <Button
                    key={step}
                    size="compact-sm"
                    variant={step === 'declined' || step === 'unavailable' ? 'default' : 'light'}
                    color={step === 'declined' ? 'red' : STEP_COLORS[step]}
                    onClick={() => setAnswering({ order, step })}
                  >
                    {t(`pharmacy.answers.${step}`)}
                  </Button>
                ))}
              </Group>
            )}
          </Paper>
        ))}
      </SimpleGrid>
      <AnswerDialog
        answering={answering}
        timeZone={session.user.org.time_zone}
        onClose={() => setAnswering(null)}
      />
    </PharmacyShell>
  );
}
