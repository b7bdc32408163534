import { Button, Text } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { describeError } from '../../api/describe-error.ts';
import { inboxApi, queryKeys } from '../../api/inbox-api.ts';
import type { Conversation } from '../../api/types.ts';
import { useFormatters } from '../../format/formatters.ts';
import { redFlagLabel } from '../../format/red-flag-label.ts';
import { Icon } from '../../ui/icons.tsx';
import { useNotify } from '../../ui/toasts.tsx';
import classes from './urgent-banner.module.css';

/**
 * Under the header of a conversation with a red flag: while nobody has acknowledged the alert, what
 * the patient wrote and a button to take it on (which unpins the conversation); afterwards, who did.
 */
export function UrgentBanner({ conversation, timeZone }: { conversation: Conversation; timeZone: string }) {
  const { t } = useTranslation();
  const format = useFormatters(timeZone);
  const acknowledge = useAcknowledge(conversation.id);
  const flag = conversation.red_flag;
  if (!flag) return null;
  const category = redFlagLabel(flag.category, t);
  // « à 8 h 30 » today; an older alert says its day too.
  const at = (iso: string) =>
    format.dayKey(iso) === format.dayKey(new Date().toISOString()) ? format.time(iso) : format.dateTime(iso);

  if (conversation.urgent_since === null) {
    if (!flag.acknowledged_at) return null;
    return (
      <Text className={classes.acknowledged} data-testid="urgent-acknowledged">
        <Icon name="circleCheck" size={14} />
        {t('safety.banner.acknowledged', {
          name: flag.acknowledged_by?.name ?? t('safety.banner.someone'),
          time: at(flag.acknowledged_at),
        })}
      </Text>
    );
  }

  return (
    <section className={classes.banner} role="alert" aria-label={t('safety.banner.label')}>
      <span className={classes.icon} aria-hidden="true">
        <Icon name="alert" size={20} />
      </span>
      <div className={classes.text}>
        <Text className={classes.title}>{t('safety.banner.title', { category })}</Text>
        <Text className={classes.words}>{t('safety.banner.words', { words: flag.words })}</Text>
        <Text className={classes.raised}>
          {t('safety.banner.raised', { time: at(flag.raised_at), ago: format.elapsed(flag.raised_at) })}
        </Text>
      </div>
      <Button
        color="red"
        leftSection={<Icon name="check" size={16} />}
        loading={acknowledge.isPending}
        onClick={() => acknowledge.mutate()}
      >
        {t('safety.banner.acknowledge')}
      </Button>
    </section>
  );
}

function useAcknowledge(conversationId: string) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const notify = useNotify();
  return useMutation({
    mutationFn: () => inboxApi.acknowledgeUrgent(conversationId),
    onSuccess: (conversation) => {
      queryClient.setQueryData(queryKeys.conversation(conversationId), conversation);
    },
    onError: (error) => notify(t('safety.banner.failed', { reason: describeError(error, t) })),
    onSettled: async () => {
      await Promise.all([
        queryClient.invalidateQueries({ queryKey: queryKeys.conversations }),
        queryClient.invalidateQueries({ queryKey: queryKeys.messages(conversationId) }),
      ]);
    },
  });
}
