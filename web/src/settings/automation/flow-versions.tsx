import { Badge, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { FlowDetails } from '../../api/flow-types.ts';
import { settingsApi, settingsKeys } from '../../api/settings-api.ts';
import { useFormatters } from '../../format/formatters.ts';
import { useSignedIn } from '../../session/session-context.tsx';

/** Every published version of a flow, newest first, with when and by whom. */
export function FlowVersions({ flow }: { flow: FlowDetails }) {
  const { t } = useTranslation();
  const { user } = useSignedIn();
  const format = useFormatters(user.org.time_zone);
  const staff = useQuery({ queryKey: settingsKeys.staff, queryFn: settingsApi.staff });
  const nameOf = (id: string) => {
    const member = staff.data?.data.find((m) => m.id === id);
    return member ? (member.name ?? member.email) : null;
  };
  const versions = [...flow.versions].sort((a, b) => b.version - a.version);

  return (
    <Paper withBorder radius="lg" p="md" component="section" aria-labelledby="flow-versions-title">
      <Title order={2} size="h4" id="flow-versions-title">
        {t('settings.automation.page.versions')}
      </Title>
      <Stack gap={0} mt="sm" component="ol" style={{ listStyle: 'none', padding: 0, margin: 0 }}>
        {versions.map((version, index) => {
          const author = version.created_by ? nameOf(version.created_by) : null;
          return (
            <li key={version.version} data-testid="flow-version">
              <Group
                justify="space-between"
                wrap="nowrap"
                py={8}
                style={index > 0 ? { borderTop: '1px solid var(--mantine-color-gray-2)' } : undefined}
              >
                <div style={{ minWidth: 0 }}>
                  <Text size="sm" fw={600}>
                    {t('settings.automation.page.versionN', { version: version.version })}
                  </Text>
                  <Text size="xs" c="dimmed">
                    {format.dateTime(version.created_at)}
                    {' · '}
                    {author
                      ? t('settings.automation.page.by', { name: author })
                      : t('settings.automation.page.byApi')}
                  </Text>
                </div>
                {version.version === flow.version && (
                  <Badge size="sm" variant="light" color="careline" style={{ flex: 'none' }}>
                    {t('settings.automation.page.current')}
                  </Badge>
                )}
              </Group>
            </li>
          );
        })}
      </Stack>
    </Paper>
  );
}
