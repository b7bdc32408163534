import { Alert, Button, Code, Stack, Text, UnstyledButton } from '@mantine/core';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { Icon } from '../../ui/icons.tsx';
import type { DefinitionIssue } from './definition-issues.ts';
import type { JsonDraft } from './use-json-draft.ts';

/**
 * Why the JSON was not published: where it stops being JSON (checked before sending), or each problem
 * the server named by its path, which selects it in the editor and shows its step in the preview.
 */
export function JsonProblems({ draft }: { draft: JsonDraft }) {
  const { t } = useTranslation();
  const { reading, issues } = draft;
  // The first step at fault comes into view in the preview, red, as soon as the server names it.
  useEffect(() => {
    const first = issues?.find((issue) => issue.stepId !== null);
    if (first?.stepId) scrollPreviewTo(first.stepId);
  }, [issues]);

  if (draft.refusal === 'syntax' && !reading.ok) {
    return (
      <Alert
        color="red"
        variant="light"
        icon={<Icon name="alert" />}
        title={t('settings.automation.json.syntax', { line: reading.line, column: reading.column })}
        role="alert"
        mb="md"
      >
        <Text size="sm">{t(`settings.automation.json.problems.${reading.problem}`)}</Text>
        <Button
          size="xs"
          variant="light"
          color="red"
          mt="xs"
          onClick={() => draft.showOffset(reading.offset)}
        >
          {t('settings.automation.json.showInEditor')}
        </Button>
      </Alert>
    );
  }
  if (draft.refusal === 'notObject') {
    return (
      <Alert color="red" variant="light" icon={<Icon name="alert" />} role="alert" mb="md">
        {t('settings.automation.json.notObject')}
      </Alert>
    );
  }
  if (draft.failure) {
    return (
      <Alert color="red" variant="light" icon={<Icon name="alert" />} role="alert" mb="md">
        {draft.failure}
      </Alert>
    );
  }
  if (!draft.issues || draft.issues.length === 0) return null;
  return (
    <Alert
      color="red"
      variant="light"
      icon={<Icon name="alert" />}
      title={t('settings.automation.json.refused', { count: draft.issues.length })}
      role="alert"
      mb="md"
    >
      <Stack gap={4} component="ul" style={{ listStyle: 'none', margin: 0, padding: 0 }}>
        {draft.issues.map((issue) => (
          <li key={issue.path + issue.message}>
            <Problem issue={issue} onShow={() => show(draft, issue)} />
          </li>
        ))}
      </Stack>
    </Alert>
  );
}

function Problem({ issue, onShow }: { issue: DefinitionIssue; onShow(): void }) {
  const { t } = useTranslation();
  return (
    <UnstyledButton onClick={onShow} data-testid="json-issue" style={{ textAlign: 'left' }}>
      <Text size="sm" component="span">
        <Code fz="sm" c="red.9" bg="red.1">
          {issue.path || t('settings.automation.json.flowProblem')}
        </Code>{' '}
        {issue.message}
      </Text>
    </UnstyledButton>
  );
}

function show(draft: JsonDraft, issue: DefinitionIssue): void {
  draft.showPath(issue.path);
  if (issue.stepId !== null) scrollPreviewTo(issue.stepId);
}

function scrollPreviewTo(stepId: string): void {
  document.getElementById(`preview-${stepId}`)?.scrollIntoView({ behavior: 'smooth', block: 'nearest' });
}
