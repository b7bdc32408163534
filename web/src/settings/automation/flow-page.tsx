import {
  Alert,
  Anchor,
  Badge,
  Button,
  Grid,
  Group,
  SegmentedControl,
  Skeleton,
  Stack,
  Switch,
  Text,
  Title,
} from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { describeError } from '../../api/describe-error.ts';
import { flowDescription, flowName, useFlowLanguage } from '../../api/flow-names.ts';
import type { FlowDetails, FlowLanguage } from '../../api/flow-types.ts';
import { flowKeys, flowsApi, useFlows } from '../../api/flows-api.ts';
import { Icon } from '../../ui/icons.tsx';
import { PageHeader } from '../page-header.tsx';
import { flowOutline } from './flow-outline.ts';
import { FlowSettingsForm } from './flow-settings-form.tsx';
import { FlowVersions } from './flow-versions.tsx';
import { OutlineView } from './outline-view.tsx';
import { useFactContext } from './use-fact-context.ts';
import { useFlowSwitch } from './use-flow-switch.ts';

/** One flow: its steps as the patient meets them, what starts it, and its versions. */
export function FlowPage() {
  const { t } = useTranslation();
  const { key = '' } = useParams();
  const flow = useQuery({ queryKey: flowKeys.one(key), queryFn: () => flowsApi.get(key) });

  return (
    <>
      <Anchor component={Link} to="/settings/automation" size="sm" fw={600}>
        <Group gap={4} component="span">
          <Icon name="arrowLeft" size={14} />
          {t('settings.automation.page.back')}
        </Group>
      </Anchor>
      {flow.isError && (
        <Alert
          color="red"
          variant="light"
          icon={<Icon name="alert" />}
          title={t('settings.automation.page.loadFailed')}
          mt="md"
        >
          {describeError(flow.error, t)}
        </Alert>
      )}
      {flow.isPending && <Skeleton height={320} radius="lg" mt="md" />}
      {flow.isSuccess && <FlowDetailsView flow={flow.data} />}
    </>
  );
}

function FlowDetailsView({ flow }: { flow: FlowDetails }) {
  const { t } = useTranslation();
  const language = useFlowLanguage();
  const [textLanguage, setTextLanguage] = useState<FlowLanguage | null>(null);
  const shownLanguage = textLanguage ?? language;
  const toggle = useFlowSwitch();
  const flows = useFlows();
  const facts = useFactContext(flows.data ?? []);
  const outline = useMemo(
    () => flowOutline(flow.definition, shownLanguage),
    [flow.definition, shownLanguage],
  );
  const name = flowName(flow, language);

  return (
    <>
      <PageHeader
        title={name}
        description={flowDescription(flow, language) ?? ''}
        action={
          <Group gap="md" wrap="nowrap">
            <Switch
              checked={flow.enabled}
              onChange={(event) => toggle.mutate({ flow, enabled: event.currentTarget.checked })}
              label={flow.enabled ? t('settings.automation.on') : t('settings.automation.off')}
              aria-label={t('settings.automation.turnOn', { name })}
              size="md"
            />
            <Button
              component={Link}
              to={`/settings/automation/${flow.key}/json`}
              variant="default"
              leftSection={<Icon name="code" size={16} />}
            >
              {t('settings.automation.page.editJson')}
            </Button>
          </Group>
        }
      />
      <Group gap={6} mt={-8} mb="lg">
        <Badge variant="light" color={flow.built_in ? 'gray' : 'blue'}>
          {flow.built_in ? t('settings.automation.builtIn') : t('settings.automation.custom')}
        </Badge>
        <Badge variant="default" data-testid="flow-version-badge">
          {t('settings.automation.page.versionN', { version: flow.version })}
        </Badge>
        <Badge variant="default" tt="none">
          {t('settings.automation.priority')} {flow.priority}
        </Badge>
      </Group>
      <Grid gutter="lg" columns={24}>
        <Grid.Col span={{ base: 24, md: 15 }}>
          <Group justify="space-between" align="flex-end" mb={4}>
            <Title order={2} size="h4">
              {t('settings.automation.page.steps')}
            </Title>
            <SegmentedControl
              size="xs"
              aria-label={t('settings.automation.page.textsIn')}
              value={shownLanguage}
              onChange={(value) => setTextLanguage(value === 'fr' ? 'fr' : 'en')}
              data={[
                { value: 'fr', label: 'FR' },
                { value: 'en', label: 'EN' },
              ]}
            />
          </Group>
          <Text size="sm" c="dimmed" mb="md">
            {t('settings.automation.page.stepsHint')}
          </Text>
          <OutlineView
            steps={outline.steps}
            facts={facts}
            label={t('settings.automation.outline.label', { name })}
          />
        </Grid.Col>
        <Grid.Col span={{ base: 24, md: 9 }}>
          <Stack gap="lg">
            <FlowSettingsForm flow={flow} />
            <FlowVersions flow={flow} />
          </Stack>
        </Grid.Col>
      </Grid>
    </>
  );
}
