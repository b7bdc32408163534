import { ActionIcon, Menu, Text, Tooltip } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { describeError } from '../../api/describe-error.ts';
import { flowName, useFlowLanguage } from '../../api/flow-names.ts';
import type { Flow } from '../../api/flow-types.ts';
import { flowsApi, useFlows } from '../../api/flows-api.ts';
import { queryKeys } from '../../api/inbox-api.ts';
import type { Conversation } from '../../api/types.ts';
import { Icon } from '../../ui/icons.tsx';
import { useNotify } from '../../ui/toasts.tsx';

/** Starts one of the clinic's flows in the conversation (the one running there, if any, stops). */
export function StartFlowMenu({ conversation }: { conversation: Conversation }) {
  const { t } = useTranslation();
  const language = useFlowLanguage();
  const flows = useFlows();
  const queryClient = useQueryClient();
  const notify = useNotify();
  const start = useMutation({
    mutationFn: (flow: Flow) => flowsApi.startAutomation(conversation.id, flow.key),
    onSuccess: (_session, flow) =>
      notify(t('automation.started', { name: flowName(flow, language) }), 'careline'),
    onError: (error, flow) =>
      notify(
        t('automation.startFailed', { name: flowName(flow, language), reason: describeError(error, t) }),
      ),
    onSettled: () => queryClient.invalidateQueries({ queryKey: queryKeys.conversations }),
  });
  const enabled = (flows.data ?? []).filter((flow) => flow.enabled);
  const running = conversation.automation
    ? (flows.data?.find((flow) => flow.key === conversation.automation?.flow_key) ?? null)
    : null;

  return (
    <Menu position="bottom-end" width={280} shadow="md" withinPortal>
      <Menu.Target>
        <Tooltip label={t('automation.start')} withArrow>
          <ActionIcon
            variant="subtle"
            color="gray"
            size="lg"
            aria-label={t('automation.start')}
            loading={start.isPending}
          >
            <Icon name="robot" size={20} />
          </ActionIcon>
        </Tooltip>
      </Menu.Target>
      <Menu.Dropdown>
        <Menu.Label>{t('automation.startTitle')}</Menu.Label>
        {flows.isError && (
          <Menu.Item disabled>
            <Text size="xs">{describeError(flows.error, t)}</Text>
          </Menu.Item>
        )}
        {flows.isSuccess && enabled.length === 0 && <Menu.Item disabled>{t('automation.noFlows')}</Menu.Item>}
        {enabled.map((flow) => (
          <Menu.Item
            key={flow.key}
            leftSection={<Icon name="play" size={14} />}
            rightSection={flow.key === running?.key ? <Icon name="check" size={14} /> : null}
            onClick={() => start.mutate(flow)}
          >
            {flowName(flow, language)}
          </Menu.Item>
        ))}
        {running && (
          <>
            <Menu.Divider />
            <Text size="xs" c="dimmed" px="sm" py={4}>
              {t('automation.startReplaces', { name: flowName(running, language) })}
            </Text>
          </>
        )}
      </Menu.Dropdown>
    </Menu>
  );
}
