import { Button, Group, Text } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { describeError } from '../../api/describe-error.ts';
import { flowName, useFlowLanguage } from '../../api/flow-names.ts';
import type { ConversationAutomation } from '../../api/flow-types.ts';
import { flowsApi, useFlows } from '../../api/flows-api.ts';
import { queryKeys } from '../../api/inbox-api.ts';
import type { Conversation } from '../../api/types.ts';
import { Icon } from '../../ui/icons.tsx';
import { useNotify } from '../../ui/toasts.tsx';
import classes from './automation-banner.module.css';

type Action = 'resume' | 'stop';

/**
 * Above the composer while a flow talks with the patient: which one, and a way to stop it; once a person
 * wrote, the flow waits, paused, until someone hands the conversation back to it or stops it.
 */
export function AutomationBanner({ conversation }: { conversation: Conversation }) {
  const { t } = useTranslation();
  const name = useAutomationName(conversation.automation);
  const act = useAutomationAction(conversation, name);
  const automation = conversation.automation;
  if (!automation) return null;
  const paused = automation.status === 'paused';
  const reason = paused ? pauseReason(automation.reason, t) : null;
  const hint = paused ? `${name} · ${t('automation.pausedHint')}` : t('automation.runningHint');

  return (
    <section
      className={classes.banner}
      data-status={automation.status}
      aria-label={t('message.automation')}
      data-testid="automation-banner"
    >
      <span className={classes.icon} aria-hidden="true">
        <Icon name="robot" size={16} />
      </span>
      <div className={classes.text}>
        <Text className={classes.title} role="status">
          {paused
            ? reason
              ? t('automation.pausedBecause', { reason })
              : t('automation.paused')
            : t('automation.running', { name })}
        </Text>
        <Text className={classes.hint} truncate title={hint}>
          {hint}
        </Text>
      </div>
      <Group gap={6} wrap="nowrap">
        {paused && (
          <Button
            size="xs"
            color="careline"
            leftSection={<Icon name="play" size={12} />}
            loading={act.isPending && act.variables === 'resume'}
            onClick={() => act.mutate('resume')}
          >
            {t('automation.handBack')}
          </Button>
        )}
        <Button
          size="xs"
          variant="default"
          leftSection={<Icon name="stop" size={12} />}
          loading={act.isPending && act.variables === 'stop'}
          onClick={() => act.mutate('stop')}
          aria-label={t('automation.stopLabel')}
        >
          {t('automation.stop')}
        </Button>
      </Group>
    </section>
  );
}

/** The name of the flow in the interface's language; the clinic's flows are read once and kept. */
function useAutomationName(automation: ConversationAutomation | null): string {
  const { t } = useTranslation();
  const language = useFlowLanguage();
  const flows = useFlows();
  const flow = flows.data?.find((f) => f.key === automation?.flow_key);
  return flow ? flowName(flow, language) : (automation?.flow_key ?? t('automation.aFlow'));
}

function useAutomationAction(conversation: Conversation, name: string) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const notify = useNotify();
  return useMutation({
    mutationFn: (action: Action) =>
      action === 'resume'
        ? flowsApi.resumeAutomation(conversation.id)
        : flowsApi.stopAutomation(conversation.id),
    onSuccess: (_session, action) => {
      queryClient.setQueryData<Conversation>(queryKeys.conversation(conversation.id), (old) => {
        if (!old?.automation) return old;
        return action === 'stop'
          ? { ...old, automation: null }
          : { ...old, automation: { ...old.automation, status: 'running', reason: null } };
      });
      notify(action === 'stop' ? t('automation.stopped') : t('automation.handedBack', { name }), 'careline');
    },
    onError: (error) => notify(t('automation.failed', { reason: describeError(error, t) })),
    onSettled: () => queryClient.invalidateQueries({ queryKey: queryKeys.conversations }),
  });
}

function pauseReason(reason: string | null, t: TFunction): string | null {
  switch (reason) {
    case 'agent_replied':
      return t('automation.reasons.agent_replied');
    default:
      return null;
  }
}
