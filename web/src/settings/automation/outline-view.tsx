import { Badge, Code, Group, Paper, Stack, Text } from '@mantine/core';
import { useCallback, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Icon } from '../../ui/icons.tsx';
import classes from './automation.module.css';
import type { DefinitionIssue } from './definition-issues.ts';
import { describeCondition } from './describe-condition.ts';
import type { OutlineExit, OutlineStep, StepKind, StepLink } from './flow-outline.ts';
import { type FactContext, factText } from './step-facts.ts';
import { StepIcon } from './step-icon.tsx';

interface Props {
  steps: OutlineStep[];
  /** Problems the server found, by step: those steps are outlined in red with their messages. */
  issues?: Map<string, DefinitionIssue[]>;
  facts: Omit<FactContext, 't'>;
  /** Names the list for assistive technology ("Steps of Menu / FAQ"). */
  label: string;
  /** Keeps element ids apart when two outlines share a page. */
  idPrefix?: string;
}

/** A flow's steps, one card each, in reading order; exits are links that jump to their step. */
export function OutlineView({ steps, issues, facts, label, idPrefix = 'step' }: Props) {
  const { t } = useTranslation();
  const [flashed, setFlashed] = useState<string | null>(null);
  const timer = useRef<number | undefined>(undefined);
  useEffect(() => () => window.clearTimeout(timer.current), []);

  const jump = useCallback(
    (id: string) => {
      const element = document.getElementById(`${idPrefix}-${id}`);
      if (!element) return;
      element.scrollIntoView({ behavior: 'smooth', block: 'center' });
      element.focus({ preventScroll: true });
      setFlashed(id);
      window.clearTimeout(timer.current);
      timer.current = window.setTimeout(() => setFlashed(null), 1600);
    },
    [idPrefix],
  );

  if (steps.length === 0) {
    return (
      <Text c="dimmed" size="sm">
        {t('settings.automation.outline.noSteps')}
      </Text>
    );
  }
  const context: FactContext = { t, ...facts };
  return (
    <Stack gap="xs" component="ol" className={classes.outline} aria-label={label}>
      {steps.map((step) => (
        <StepCard
          key={step.id}
          step={step}
          issues={issues?.get(step.id) ?? []}
          context={context}
          flashed={flashed === step.id}
          domId={`${idPrefix}-${step.id}`}
          prefix={idPrefix}
          onJump={jump}
        />
      ))}
    </Stack>
  );
}

interface CardProps {
  step: OutlineStep;
  issues: DefinitionIssue[];
  context: FactContext;
  flashed: boolean;
  domId: string;
  prefix: string;
  onJump(id: string): void;
}

function StepCard({ step, issues, context, flashed, domId, prefix, onJump }: CardProps) {
  const { t } = useTranslation();
  const facts = step.facts.map((fact) => factText(fact, context)).filter((text) => text !== '');
  const invalid = issues.length > 0;
  return (
    <li className={classes.stepItem}>
      <Paper
        withBorder
        radius="md"
        p="sm"
        id={domId}
        tabIndex={-1}
        className={classes.step}
        data-testid="outline-step"
        data-step={step.id}
        data-invalid={invalid || undefined}
        data-flashed={flashed || undefined}
        data-unreachable={!step.reachable || undefined}
        aria-invalid={invalid || undefined}
      >
        <Group gap="sm" wrap="nowrap" align="flex-start">
          <StepIcon kind={step.kind} />
          <Stack gap={6} className={classes.stepBody}>
            <Group gap={8} wrap="wrap">
              <Text fw={650} size="sm">
                {step.kind
                  ? t(`settings.automation.outline.types.${step.kind}`)
                  : t('settings.automation.outline.unknownType', { type: step.rawType })}
              </Text>
              <Code fz="xs">{step.id}</Code>
              {step.start && (
                <Badge size="xs" variant="filled" color="careline">
                  {t('settings.automation.outline.start')}
                </Badge>
              )}
              {!step.reachable && (
                <Badge size="xs" variant="outline" color="gray">
                  {t('settings.automation.outline.unreachable')}
                </Badge>
              )}
            </Group>
            {step.text !== null && (
              <div className={classes.bubble}>
                <WithVariables text={step.text} />
              </div>
            )}
            {step.kind === 'csat' && step.text === null && (
              <div className={classes.bubble}>{t('settings.automation.outline.csatDefault')}</div>
            )}
            {step.staffText !== null && (
              <div className={classes.staffNote}>
                <Text size="xs" fw={600} c="yellow.9">
                  {t('settings.automation.outline.staffOnly')}
                </Text>
                <WithVariables text={step.staffText} />
              </div>
            )}
            {facts.length > 0 && (
              <Text size="xs" c="dimmed">
                {facts.join(' · ')}
              </Text>
            )}
            {step.options.length > 0 && (
              <ol className={classes.options}>
                {step.options.map((option) => (
                  <li key={option.id}>
                    <span className={classes.optionTitle}>{option.title}</span>
                    {option.description && (
                      <span className={classes.optionHint}> — {option.description}</span>
                    )}
                    {option.to && (
                      <>
                        {' '}
                        <Jump link={option.to} prefix={prefix} onJump={onJump} />
                      </>
                    )}
                  </li>
                ))}
              </ol>
            )}
            {step.cases.map((branch) => (
              <Text size="sm" key={branch.to.path}>
                {t('settings.automation.outline.exits.when', {
                  condition: describeCondition(branch.when, t),
                })}{' '}
                <Jump link={branch.to} prefix={prefix} onJump={onJump} />
              </Text>
            ))}
            {step.exits.length > 0 && (
              <Group gap="lg" className={classes.exits}>
                {step.exits.map((exit) => (
                  <Text size="sm" key={exit.path + exit.kind} className={classes.exit} data-exit={exit.kind}>
                    <span className={classes.exitLabel}>{exitLabel(exit, step.kind, context)}</span>{' '}
                    <Jump link={exit} prefix={prefix} onJump={onJump} />
                  </Text>
                ))}
              </Group>
            )}
            {invalid && (
              <Stack gap={2} className={classes.stepIssues}>
                {issues.map((issue) => (
                  <Text size="xs" c="red.8" key={issue.path + issue.message}>
                    <Code fz="xs" c="red.8">
                      {issue.path}
                    </Code>{' '}
                    {issue.message}
                  </Text>
                ))}
              </Stack>
            )}
          </Stack>
        </Group>
      </Paper>
    </li>
  );
}

/** A question fails when the patient's answer is not understood; an action, when it cannot be done. */
const QUESTIONS: readonly (StepKind | null)[] = ['ask', 'menu', 'csat'];

function exitLabel(exit: OutlineExit, kind: StepKind | null, { t, duration }: FactContext): string {
  const question = QUESTIONS.includes(kind);
  switch (exit.kind) {
    case 'failure':
      if (!question) return t('settings.automation.outline.exits.failed');
      return exit.after !== null
        ? t('settings.automation.outline.exits.failureAfter', { count: exit.after })
        : t('settings.automation.outline.exits.failure');
    case 'timeout':
      if (exit.after === null) {
        return question
          ? t('settings.automation.outline.exits.timeout')
          : t('settings.automation.outline.exits.late');
      }
      return question
        ? t('settings.automation.outline.exits.timeoutAfter', { duration: duration(exit.after) })
        : t('settings.automation.outline.exits.lateAfter', { duration: duration(exit.after) });
    case 'refused':
      return t('settings.automation.outline.exits.refused', { code: exit.code ?? '' });
    case 'next':
    case 'else':
    case 'option':
    case 'empty':
    case 'red_flag':
      return t(`settings.automation.outline.exits.${exit.kind}`);
  }
}

/** A link to the step an exit leads to; a pointer to a step that is not there is shown, in red. */
function Jump({ link, prefix, onJump }: { link: StepLink; prefix: string; onJump(id: string): void }) {
  const { t } = useTranslation();
  if (!link.exists) {
    return (
      <span className={classes.missing}>
        <Icon name="arrowRight" size={12} className={classes.jumpArrow} />{' '}
        {t('settings.automation.outline.missing', { id: link.target })}
      </span>
    );
  }
  return (
    <a
      href={`#${prefix}-${link.target}`}
      className={classes.jump}
      aria-label={t('settings.automation.outline.goTo', { id: link.target })}
      onClick={(event) => {
        event.preventDefault();
        onJump(link.target);
      }}
    >
      <Icon name="arrowRight" size={12} className={classes.jumpArrow} /> {link.target}
    </a>
  );
}

/** A text with its `{{contact.firstName}}`-style variables set apart: the patient reads their values. */
function WithVariables({ text }: { text: string }) {
  let offset = 0;
  return text.split(/(\{\{[^{}]+\}\})/).map((part) => {
    const key = offset;
    offset += part.length;
    return /^\{\{.*\}\}$/.test(part) ? (
      <span key={key} className={classes.variable}>
        {part}
      </span>
    ) : (
      <span key={key}>{part}</span>
    );
  });
}
