import {
  Alert,
  Button,
  Checkbox,
  Group,
  Modal,
  SimpleGrid,
  Stack,
  Text,
  Textarea,
  TextInput,
} from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { describeError } from '../api/describe-error.ts';
import { ApiError } from '../api/http-client.ts';
import {
  type IncomingOrder,
  ordersApi,
  type PharmacyAnswer,
  pharmacyKeys,
  type ResponseStep,
} from '../api/pharmacy-api.ts';
import { Icon } from '../ui/icons.tsx';
import { useNotify } from '../ui/toasts.tsx';
import { medicationLabel } from './stock-warning.tsx';
import { inputValueIn, instantOf } from './wall-time.ts';

interface Props {
  answering: { order: IncomingOrder; step: ResponseStep } | null;
  timeZone: string;
  onClose(): void;
}

/** A pharmacy's answer to an order: a short form for what the step needs (a time, the items, a reason). */
export function AnswerDialog({ answering, timeZone, onClose }: Props) {
  const { t } = useTranslation();
  return (
    <Modal
      opened={answering !== null}
      onClose={onClose}
      title={answering ? t(`pharmacy.answers.${answering.step}`) : ''}
      radius="lg"
      size="lg"
      centered
    >
      {answering && (
        <AnswerForm
          key={`${answering.order.id}:${answering.step}`}
          {...answering}
          timeZone={timeZone}
          onClose={onClose}
        />
      )}
    </Modal>
  );
}

interface ItemAnswer {
  available: boolean;
  substitute: string;
  strength: string;
}

function AnswerForm({
  order,
  step,
  timeZone,
  onClose,
}: {
  order: IncomingOrder;
  step: ResponseStep;
  timeZone: string;
  onClose(): void;
}) {
  const { t } = useTranslation();
  const notify = useNotify();
  const queryClient = useQueryClient();
  const [when, setWhen] = useState(() => inputValueIn(new Date(Date.now() + 60 * 60 * 1000), timeZone));
  const [reason, setReason] = useState('');
  const [items, setItems] = useState<Record<string, ItemAnswer>>(() =>
    Object.fromEntries(order.items.map((i) => [i.id, { available: true, substitute: '', strength: '' }])),
  );
  const [error, setError] = useState<string | null>(null);
  const needsTime = step === 'available' || step === 'out_for_delivery';
  const answer = useMutation({
    mutationFn: (body: PharmacyAnswer) => ordersApi.answer(order.id, body),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: pharmacyKeys.incoming });
      notify(t('pharmacy.incoming.answered', { step: t(`pharmacy.steps.${step}`) }), 'careline');
      onClose();
    },
    onError: (e) => setError(e instanceof ApiError ? e.detail : describeError(e, t)),
  });

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const body: PharmacyAnswer = { step };
    if (needsTime) {
      const instant = instantOf(when, timeZone);
      if (!instant) {
        setError(t('pharmacy.incoming.badTime'));
        return;
      }
      if (step === 'available') body.ready_at = instant;
      else body.eta = instant;
    }
    if (step === 'declined') {
      if (!reason.trim()) {
        setError(t('pharmacy.incoming.reasonRequired'));
        return;
      }
      body.reason = reason.trim();
    }
    if (step === 'partly_available') {
      body.items = order.items.map((item) => {
        const a = items[item.id] ?? { available: true, substitute: '', strength: '' };
        return {
          item_id: item.id,
          available: a.available,
          ...(!a.available && a.substitute.trim()
            ? {
                substitute: {
                  medication: a.substitute.trim(),
                  ...(a.strength.trim() ? { strength: a.strength.trim() } : {}),
                },
              }
            : {}),
        };
      });
      if (body.items.every((i) => i.available)) {
        setError(t('pharmacy.incoming.markMissing'));
        return;
      }
    }
    answer.mutate(body);
  };

  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="md">
        <Text size="sm" c="dimmed">
          {t(`pharmacy.answerHints.${step}`)}
        </Text>
        {needsTime && (
          <TextInput
            type="datetime-local"
            label={t(step === 'available' ? 'pharmacy.incoming.readyAt' : 'pharmacy.incoming.eta')}
            description={t('pharmacy.incoming.zone', { zone: timeZone })}
            value={when}
            onChange={(e) => {
              setWhen(e.currentTarget.value);
              setError(null);
            }}
            required
            data-autofocus
          />
        )}
        {step === 'partly_available' &&
          order.items.map((item) => {
            const a = items[item.id] ?? { available: true, substitute: '', strength: '' };
            const set = (change: Partial<ItemAnswer>) => {
              setItems((all) => ({ ...all, [item.id]: { ...a, ...change } }));
              setError(null);
            };
            return (
              <Stack key={item.id} gap={6}>
                <Checkbox
                  label={t('pharmacy.incoming.itemAvailable', { medication: medicationLabel(item) })}
                  checked={a.available}
                  onChange={(e) => set({ available: e.currentTarget.checked })}
                />
                {!a.available && item.substitution_allowed && (
                  <SimpleGrid cols={2} spacing="xs" ml="lg">
                    <TextInput
                      label={t('pharmacy.incoming.substitute')}
                      placeholder={t('pharmacy.incoming.substitutePlaceholder')}
                      value={a.substitute}
                      onChange={(e) => set({ substitute: e.currentTarget.value })}
                      maxLength={200}
                    />
                    <TextInput
                      label={t('pharmacy.form.strength')}
                      value={a.strength}
                      onChange={(e) => set({ strength: e.currentTarget.value })}
                      maxLength={100}
                    />
                  </SimpleGrid>
                )}
                {!a.available && !item.substitution_allowed && (
                  <Text size="xs" c="dimmed" ml="lg">
                    {t('pharmacy.incoming.notSubstitutable')}
                  </Text>
                )}
              </Stack>
            );
          })}
        {step === 'declined' && (
          <Textarea
            label={t('pharmacy.incoming.reason')}
            value={reason}
            onChange={(e) => {
              setReason(e.currentTarget.value);
              setError(null);
            }}
            required
            autosize
            minRows={2}
            maxLength={1000}
            data-autofocus
          />
        )}
        {error && (
          <Alert color="red" variant="light" icon={<Icon name="alert" />} role="alert">
            {error}
          </Alert>
        )}
        <Group justify="flex-end" gap="sm">
          <Button variant="default" onClick={onClose}>
            {t('common.cancel')}
          </Button>
          <Button type="submit" loading={answer.isPending} color={step === 'declined' ? 'red' : undefined}>
            {t('pharmacy.incoming.send')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
