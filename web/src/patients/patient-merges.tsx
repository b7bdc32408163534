import { Alert, Button, Group, Stack, Text } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { describeError } from '../api/describe-error.ts';
import { type DuplicateSuggestion, patientKeys, patientsApi } from '../api/patients-api.ts';
import { useFormatters } from '../format/formatters.ts';
import { formatPhone } from '../format/people.ts';
import { Icon } from '../ui/icons.tsx';
import { useNotify } from '../ui/toasts.tsx';
import { MergeDialog } from './merge-dialog.tsx';

interface Props {
  contactId: string;
  timeZone: string;
  /** Whether the person may merge, unmerge and dismiss (contacts.write); otherwise the notices only inform. */
  canMerge: boolean;
}

/** In the patient panel: possible duplicates of this patient (Review, Not the same person) and the records merged into it (Unmerge). */
export function PatientMerges({ contactId, timeZone, canMerge }: Props) {
  const { t } = useTranslation();
  const format = useFormatters(timeZone);
  const notify = useNotify();
  const queryClient = useQueryClient();
  const [reviewing, setReviewing] = useState<string | null>(null);
  const duplicates = useQuery({
    queryKey: patientKeys.duplicatesOf(contactId),
    queryFn: () => patientsApi.duplicatesOf(contactId),
  });
  const merges = useQuery({
    queryKey: patientKeys.merges(contactId),
    queryFn: () => patientsApi.merges(contactId),
  });
  const dismiss = useMutation({
    mutationFn: (otherId: string) => patientsApi.dismiss(contactId, otherId),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['patients'] }),
  });
  const unmerge = useMutation({
    mutationFn: patientsApi.unmerge,
    onSuccess: (merge) => {
      notify(t('patients.unmerged', { name: merge.merged.display_name ?? '—' }), 'careline');
      void queryClient.invalidateQueries();
    },
    onError: (error) => notify(t('patients.unmergeFailed', { reason: describeError(error, t) })),
  });
  const suggestions = duplicates.data?.data ?? [];
  const mergedFrom = (merges.data?.data ?? []).filter(
    (m) => m.survivor.id === contactId && m.unmerged_at === null,
  );
  if (suggestions.length === 0 && mergedFrom.length === 0) return null;
  const other = (s: DuplicateSuggestion) => s.contacts.find((c) => c.id !== contactId) ?? s.contacts[1];

  return (
    <Stack gap="xs" px="md" pt="sm">
      {suggestions.map((s) => {
        const them = other(s);
        if (!them) return null;
        return (
          <Alert
            key={them.id}
            color="yellow"
            variant="light"
            icon={<Icon name="users" />}
            title={t('patients.possibleDuplicate')}
            data-testid="possible-duplicate"
          >
            <Text size="sm">
              {t('patients.possibleDuplicateOf', {
                name: them.display_name ?? formatPhone(them.phone),
                reasons: s.reasons.map((r) => t(`patients.reason.${r}`)).join(', '),
              })}
            </Text>
            {canMerge && (
              <Group gap="xs" mt="xs">
                <Button size="compact-sm" onClick={() => setReviewing(them.id)}>
                  {t('patients.review')}
                </Button>
                <Button
                  size="compact-sm"
                  variant="subtle"
                  color="gray"
                  loading={dismiss.isPending}
                  onClick={() => dismiss.mutate(them.id)}
                >
                  {t('patients.notSame')}
                </Button>
              </Group>
            )}
          </Alert>
        );
      })}
      {mergedFrom.map((m) => (
        <Alert
          key={m.id}
          color="gray"
          variant="light"
          icon={<Icon name="history" />}
          data-testid="merged-from"
        >
          <Text size="sm">
            {t('patients.mergedFrom', {
              name: m.merged.display_name ?? '—',
              time: format.dateTime(m.merged_at),
            })}
          </Text>
          {canMerge && (
            <Button
              mt="xs"
              size="compact-sm"
              variant="light"
              color="gray"
              loading={unmerge.isPending}
              onClick={() => unmerge.mutate(m.id)}
            >
              {t('patients.unmerge')}
            </Button>
          )}
        </Alert>
      ))}
      {reviewing && <MergeDialog opened pair={[contactId, reviewing]} onClose={() => setReviewing(null)} />}
    </Stack>
  );
}
