import { Alert, Badge, Button, Group, Paper, Skeleton, Stack, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { describeError } from '../api/describe-error.ts';
import { patientKeys, patientsApi } from '../api/patients-api.ts';
import { formatPhone } from '../format/people.ts';
import { sessionCan } from '../session/permissions.ts';
import { useSignedIn } from '../session/session-context.tsx';
import { Icon } from '../ui/icons.tsx';
import { MergeDialog } from './merge-dialog.tsx';

/** Settings › Possible duplicates: every pair of records that look like one patient, each with Review. */
export function DuplicatesPage() {
  const { t } = useTranslation();
  const session = useSignedIn();
  const canMerge = sessionCan(session, 'contacts.write');
  const [reviewing, setReviewing] = useState<[string, string] | null>(null);
  const duplicates = useQuery({ queryKey: patientKeys.duplicates, queryFn: patientsApi.duplicates });
  return (
    <>
      <Title order={1} size="h2">
        {t('patients.duplicates.title')}
      </Title>
      <Text c="dimmed" size="sm" mt={4} mb="lg" maw={640}>
        {t('patients.duplicates.description')}
      </Text>
      {duplicates.isPending && <Skeleton height={120} radius="lg" />}
      {duplicates.isError && (
        <Alert color="red" variant="light" icon={<Icon name="alert" />}>
          {t('patients.duplicates.loadFailed', { reason: describeError(duplicates.error, t) })}
        </Alert>
      )}
      {duplicates.data?.data.length === 0 && <Text c="dimmed">{t('patients.duplicates.none')}</Text>}
      <Stack gap="sm">
        {duplicates.data?.data.map((pair) => {
          const [first, second] = pair.contacts;
          if (!first || !second) return null;
          return (
            <Paper
              key={`${first.id}:${second.id}`}
              withBorder
              radius="md"
              p="md"
              data-testid="duplicate-pair"
            >
              <Group justify="space-between" wrap="nowrap">
                <Stack gap={4}>
                  <Group gap="xs">
                    {[first, second].map((c, index) => (
                      <Group key={c.id} gap={6}>
                        {index === 1 && <Text c="dimmed">·</Text>}
                        <Text fw={600}>{c.display_name ?? t('patients.merge.unnamed')}</Text>
                        <Text size="sm" c="dimmed">
                          {formatPhone(c.phone)}
                        </Text>
                        {c.channels.map((channel) => (
                          <Badge key={channel} size="xs" variant="light">
                            {channel}
                          </Badge>
                        ))}
                      </Group>
                    ))}
                  </Group>
                  <Text size="xs" c="dimmed">
                    {pair.reasons.map((r) => t(`patients.reason.${r}`)).join(', ')}
                  </Text>
                </Stack>
                {canMerge && (
                  <Button size="compact-sm" onClick={() => setReviewing([first.id, second.id])}>
                    {t('patients.review')}
                  </Button>
                )}
              </Group>
            </Paper>
          );
        })}
      </Stack>
      {reviewing && <MergeDialog opened pair={reviewing} onClose={() => setReviewing(null)} />}
    </>
  );
}
