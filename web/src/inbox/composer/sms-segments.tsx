import { Text } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type * as Api from '../../api/generated/openapi.ts';
import { apiRequest } from '../../api/http-client.ts';
import type { Conversation } from '../../api/types.ts';

type SmsSegmentCount = Api.SmsSegments;

/**
 * How many SMS the text being written will go as, under the composer of a conversation on SMS, before
 * anything is sent: "2 SMS segments (GSM-7)", and why a text went UCS-2 (70 characters a segment
 * instead of 160) naming the characters that did it. The server counts (`POST /api/v1/sms/segments`,
 * the SMS adapter's own function), so the figure is the one the message goes out with.
 */
export function SmsSegments({ conversation, text }: { conversation: Conversation; text: string }) {
  const { t } = useTranslation();
  const onSms = conversation.channel === 'sms';
  const [debounced] = useDebouncedValue(text, 250);
  const counted = useQuery({
    queryKey: ['sms-segments', debounced],
    queryFn: () =>
      apiRequest<SmsSegmentCount>('/api/v1/sms/segments', { method: 'POST', body: { text: debounced } }),
    enabled: onSms && debounced !== '' && debounced.length <= 1600,
    placeholderData: keepPreviousData,
    staleTime: Number.POSITIVE_INFINITY,
  });
  const count = counted.data;
  if (!onSms || text === '' || count === undefined) return null;
  return (
    <div role="status" aria-live="polite" data-testid="sms-segments">
      <Text size="xs" c={count.encoding === 'UCS-2' ? 'orange.8' : 'dimmed'}>
        {t('smsSegments.count', { count: count.segments, encoding: count.encoding })}
        {' · '}
        {t('smsSegments.remaining', { remaining: count.remaining })}
      </Text>
      {count.encoding === 'UCS-2' && (
        <Text size="xs" c="orange.8">
          {t('smsSegments.ucs2', { characters: count.non_gsm.slice(0, 5).join(' ') })}
        </Text>
      )}
    </div>
  );
}
