import { Alert, Paper, Skeleton, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { describeError } from '../../api/describe-error.ts';
import { useFlows } from '../../api/flows-api.ts';
import { Icon } from '../../ui/icons.tsx';
import { PageHeader } from '../page-header.tsx';
import { FlowTable } from './flow-table.tsx';
import { SatisfactionPanel } from './satisfaction-panel.tsx';

/** The clinic's automation: its flows, which ones run and what starts them, and what patients thought. */
export function AutomationPage() {
  const { t } = useTranslation();
  const flows = useFlows();

  return (
    <>
      <PageHeader title={t('settings.automation.title')} description={t('settings.automation.description')} />
      {flows.isError && (
        <Alert color="red" variant="light" icon={<Icon name="alert" />} mb="md">
          {describeError(flows.error, t)}
        </Alert>
      )}
      {flows.isPending && <Skeleton height={260} radius="lg" />}
      {flows.isSuccess && flows.data.length === 0 && (
        <Paper withBorder radius="lg" p="xl" ta="center">
          <Text fw={600}>{t('settings.automation.emptyTitle')}</Text>
          <Text c="dimmed" size="sm" mt={4}>
            {t('settings.automation.emptyBody')}
          </Text>
        </Paper>
      )}
      {flows.isSuccess && flows.data.length > 0 && <FlowTable flows={flows.data} />}
      <SatisfactionPanel />
    </>
  );
}
