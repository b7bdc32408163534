import { Alert, Avatar, Group, Loader, Paper, Stack, Text } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { describeError } from '../api/describe-error.ts';
import {
  type GroupPatient,
  groupKeys,
  groupsApi,
  type PatientGroupPreview,
  type SegmentDefinition,
} from '../api/groups-api.ts';
import { avatarColor, initialsOf } from '../format/people.ts';
import { Icon } from '../ui/icons.tsx';
import classes from './groups-page.module.css';
import { definitionComplete } from './rule-builder.tsx';

/** The live preview of unsaved rules: how many patients match now, and the first of them. */
export function DraftPreview({ definition }: { definition: SegmentDefinition }) {
  const { t } = useTranslation();
  const [settled] = useDebouncedValue(definition, 350);
  const complete = definitionComplete(settled);
  const preview = useQuery({
    queryKey: groupKeys.draft(settled),
    queryFn: ({ signal }) => groupsApi.previewDraft(settled, signal),
    enabled: complete,
    placeholderData: keepPreviousData,
    retry: false,
  });
  if (!complete)
    return (
      <PreviewCard>
        {
          <Text size="sm" c="dimmed">
            {t('groups.preview.incomplete')}
          </Text>
        }
      </PreviewCard>
    );
  if (preview.error)
    return (
      <PreviewCard>
        <Alert color="red" variant="light" icon={<Icon name="alert" size={16} />}>
          {describeError(preview.error, t)}
        </Alert>
      </PreviewCard>
    );
  return <PreviewBody preview={preview.data} fetching={preview.isFetching} />;
}

/** A saved group's preview. */
export function SavedPreview({ groupId }: { groupId: string }) {
  const { t } = useTranslation();
  const preview = useQuery({
    queryKey: groupKeys.preview(groupId),
    queryFn: () => groupsApi.preview(groupId),
  });
  if (preview.error)
    return (
      <PreviewCard>
        <Alert color="red" variant="light">
          {describeError(preview.error, t)}
        </Alert>
      </PreviewCard>
    );
  return <PreviewBody preview={preview.data} fetching={preview.isFetching} />;
}

function PreviewCard({ children }: { children: React.ReactNode }) {
  const { t } = useTranslation();
  return (
    <Paper withBorder radius="md" p="md" className={classes.preview} aria-label={t('groups.preview.title')}>
      <Text size="xs" tt="uppercase" fw={700} c="dimmed" mb="xs">
        {t('groups.preview.title')}
      </Text>
      {children}
    </Paper>
  );
}

function PreviewBody({ preview, fetching }: { preview: PatientGroupPreview | undefined; fetching: boolean }) {
  const { t } = useTranslation();
  return (
    <PreviewCard>
      {preview === undefined ? (
        <Group gap="xs">
          <Loader size="xs" />
          <Text size="sm" c="dimmed">
            {t('groups.preview.loading')}
          </Text>
        </Group>
      ) : (
        <Stack gap="sm">
          <div>
            <Group gap="xs" align="baseline">
              <Text className={classes.size} data-testid="group-size">
                {t('groups.preview.size', { count: preview.size })}
              </Text>
              {fetching && <Loader size="xs" />}
            </Group>
            <Text size="sm" c="dimmed">
              {t('groups.preview.now', { count: preview.size })}
            </Text>
          </div>
          {preview.size === 0 ? (
            <Text size="sm" c="dimmed">
              {t('groups.preview.none')}
            </Text>
          ) : (
            <div>
              <Text size="xs" fw={600} c="dimmed" mb={6}>
                {t('groups.preview.sample')}
              </Text>
              <Stack gap={6}>
                {preview.sample.map((patient) => (
                  <PatientLine key={patient.id} patient={patient} />
                ))}
              </Stack>
            </div>
          )}
        </Stack>
      )}
    </PreviewCard>
  );
}

/** A patient as groups show them: initials, name, masked number. */
export function PatientLine({ patient, right }: { patient: GroupPatient; right?: React.ReactNode }) {
  const name = patient.display_name ?? patient.phone_masked ?? '—';
  return (
    <Group gap="sm" wrap="nowrap" justify="space-between">
      <Group gap="sm" wrap="nowrap">
        <Avatar size={28} radius="xl" color={avatarColor(patient.id)}>
          {initialsOf(name)}
        </Avatar>
        <div>
          <Text size="sm" fw={500} lh={1.2}>
            {name}
          </Text>
          {patient.phone_masked && (
            <Text size="xs" c="dimmed" ff="monospace">
              {patient.phone_masked}
            </Text>
          )}
        </div>
      </Group>
      {right}
    </Group>
  );
}
