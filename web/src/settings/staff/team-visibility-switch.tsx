import { Alert, Paper, Switch, Text } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { describeError } from '../../api/describe-error.ts';
import { settingsApi, settingsKeys } from '../../api/settings-api.ts';
import { useCan } from '../../session/permissions.ts';

/** The clinic's choice to keep agents and clinicians to their teams' conversations (administrators). */
export function TeamVisibilitySwitch() {
  const { t } = useTranslation();
  const can = useCan();
  const queryClient = useQueryClient();
  const settings = useQuery({ queryKey: settingsKeys.access, queryFn: settingsApi.accessSettings });
  const change = useMutation({
    mutationFn: settingsApi.changeAccessSettings,
    onSuccess: (saved) => queryClient.setQueryData(settingsKeys.access, saved),
  });
  if (!can('settings.manage')) return null;
  return (
    <Paper withBorder radius="lg" p="lg" mt="lg">
      <Switch
        label={t('settings.access.onlyTheirTeams')}
        description={t('settings.access.onlyTheirTeamsHint')}
        checked={settings.data?.agents_see_only_their_teams ?? false}
        disabled={!settings.isSuccess || change.isPending}
        onChange={(event) => change.mutate({ agents_see_only_their_teams: event.currentTarget.checked })}
      />
      {(settings.isError || change.isError) && (
        <Alert color="red" variant="light" mt="sm">
          <Text size="sm">{describeError(settings.error ?? change.error, t)}</Text>
        </Alert>
      )}
    </Paper>
  );
}
