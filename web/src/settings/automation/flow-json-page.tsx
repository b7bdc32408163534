import { Alert, Anchor, Button, Grid, Group, Skeleton, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { describeError } from '../../api/describe-error.ts';
import { flowName, useFlowLanguage } from '../../api/flow-names.ts';
import type { FlowDetails } from '../../api/flow-types.ts';
import { flowKeys, flowsApi, useFlows } from '../../api/flows-api.ts';
import { Icon } from '../../ui/icons.tsx';
import { PageHeader } from '../page-header.tsx';
import classes from './automation.module.css';
import { JsonEditor } from './json-editor.tsx';
import { JsonProblems } from './json-problems.tsx';
import { OutlineView } from './outline-view.tsx';
import { useFactContext } from './use-fact-context.ts';
import { useJsonDraft } from './use-json-draft.ts';

/** A flow's definition as JSON: edited, previewed as an outline, and published as a new version. */
export function FlowJsonPage() {
  const { t } = useTranslation();
  const language = useFlowLanguage();
  const { key = '' } = useParams();
  const flow = useQuery({ queryKey: flowKeys.one(key), queryFn: () => flowsApi.get(key) });
  return (
    <>
      <Anchor component={Link} to={`/settings/automation/${key}`} size="sm" fw={600}>
        <Group gap={4} component="span">
          <Icon name="arrowLeft" size={14} />
          {flow.data ? flowName(flow.data, language) : key}
        </Group>
      </Anchor>
      {flow.isError && (
        <Alert color="red" variant="light" icon={<Icon name="alert" />} mt="md">
          {describeError(flow.error, t)}
        </Alert>
      )}
      {flow.isPending && <Skeleton height={420} radius="lg" mt="md" />}
      {/* Keyed by version: a newer version published elsewhere starts the editor afresh. */}
      {flow.isSuccess && <JsonEditing key={flow.data.version} flow={flow.data} />}
    </>
  );
}

function JsonEditing({ flow }: { flow: FlowDetails }) {
  const { t } = useTranslation();
  const language = useFlowLanguage();
  const flows = useFlows();
  const facts = useFactContext(flows.data ?? []);
  const draft = useJsonDraft(flow, language);
  const name = flowName(flow, language);
  const next = flow.version + 1;

  return (
    <>
      <PageHeader
        title={t('settings.automation.json.title', { name })}
        description={t('settings.automation.json.description')}
        action={
          <Group gap="sm" wrap="nowrap">
            <Button component={Link} to={`/settings/automation/${flow.key}`} variant="default">
              {t('common.cancel')}
            </Button>
            <Button
              onClick={draft.publish}
              loading={draft.publishing}
              leftSection={<Icon name="arrowRight" size={16} />}
            >
              {t('settings.automation.json.publish', { version: next })}
            </Button>
          </Group>
        }
      />
      <Alert color="blue" variant="light" icon={<Icon name="clock" />} mb="md">
        {t('settings.automation.json.note', { next, current: flow.version })}
      </Alert>
      <JsonProblems draft={draft} />
      <Grid gutter="lg" columns={24}>
        <Grid.Col span={{ base: 24, lg: 13 }}>
          <JsonEditor draft={draft} />
        </Grid.Col>
        <Grid.Col span={{ base: 24, lg: 11 }}>
          <Text fw={650} size="sm" mb={6} id="json-preview-title">
            {t('settings.automation.json.preview')}
          </Text>
          {!draft.reading.ok && (
            <Text size="xs" c="orange.8" mb={6}>
              {t('settings.automation.json.previewPaused')}
            </Text>
          )}
          <div className={classes.preview} data-stale={!draft.reading.ok || undefined}>
            <OutlineView
              steps={draft.outline.steps}
              issues={draft.issuesByStep}
              facts={facts}
              label={t('settings.automation.json.preview')}
              idPrefix="preview"
            />
          </div>
        </Grid.Col>
      </Grid>
    </>
  );
}
