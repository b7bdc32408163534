import { Stack, Text } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useFlowLanguage } from '../../api/flow-names.ts';
import type { FlowTrigger } from '../../api/flow-types.ts';
import { Icon } from '../../ui/icons.tsx';
import classes from './automation.module.css';
import { TRIGGER_ORDER, triggerLabel } from './trigger-words.ts';

/** Keywords said in a list before the rest are counted. */
const WORDS_SHOWN = 5;

/** What starts a flow, one line each: "New conversation", "Keyword: menu, help". */
export function TriggerList({ triggers }: { triggers: FlowTrigger[] }) {
  const { t } = useTranslation();
  const language = useFlowLanguage();
  if (triggers.length === 0) {
    return (
      <Text size="sm" c="dimmed">
        {t('settings.automation.onlyByHand')}
      </Text>
    );
  }
  const sorted = [...triggers].sort((a, b) => TRIGGER_ORDER.indexOf(a.kind) - TRIGGER_ORDER.indexOf(b.kind));
  return (
    <Stack gap={4}>
      {sorted.map((trigger) => (
        <Text
          size="sm"
          // Triggers have no id: what one says is what it is.
          key={JSON.stringify(trigger)}
          className={classes.triggerLine}
          title={triggerLabel(trigger, language, t)}
        >
          {triggerIcon(trigger)}
          <span>{triggerLabel(trigger, language, t, WORDS_SHOWN)}</span>
        </Text>
      ))}
    </Stack>
  );
}

function triggerIcon(trigger: FlowTrigger): ReactNode {
  switch (trigger.kind) {
    case 'keyword':
      return <Icon name="tag" size={14} />;
    case 'new_conversation':
      return <Icon name="message" size={14} />;
    case 'outside_business_hours':
      return <Icon name="clock" size={14} />;
    case 'conversation_closed':
      return <Icon name="circleCheck" size={14} />;
    case 'api':
      return <Icon name="code" size={14} />;
    case 'flow':
      return <Icon name="robot" size={14} />;
  }
}
