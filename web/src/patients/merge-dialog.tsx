import {
  Alert,
  Badge,
  Button,
  Group,
  Modal,
  Paper,
  Radio,
  SimpleGrid,
  Skeleton,
  Stack,
  Table,
  Text,
} from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { describeError } from '../api/describe-error.ts';
import {
  type FieldSide,
  type MergePreview,
  type MergeRequest,
  patientKeys,
  patientsApi,
} from '../api/patients-api.ts';
import { formatPhone } from '../format/people.ts';
import { Icon } from '../ui/icons.tsx';
import { useNotify } from '../ui/toasts.tsx';

interface Props {
  opened: boolean;
  /** The two records, in the order first shown: the first is kept unless the person swaps them. */
  pair: [string, string];
  onClose(): void;
  /** The merge is done: the record kept. */
  onMerged?(survivorId: string): void;
}

/**
 * The merge screen: both records side by side with what hangs on each, the fields they fill
 * differently with a choice per field, and one Merge button. Nothing moves before the person confirms.
 */
export function MergeDialog({ opened, pair, onClose, onMerged }: Props) {
  const { t } = useTranslation();
  const [swapped, setSwapped] = useState(false);
  const [survivorId, mergedId] = swapped ? [pair[1], pair[0]] : pair;
  const preview = useQuery({
    queryKey: patientKeys.preview(survivorId, mergedId),
    queryFn: () => patientsApi.preview(survivorId, mergedId),
    enabled: opened,
  });
  return (
    <Modal opened={opened} onClose={onClose} title={t('patients.merge.title')} size="xl" radius="lg" centered>
      {preview.isPending && <Skeleton height={260} radius="md" />}
      {preview.isError && (
        <Alert color="red" variant="light" icon={<Icon name="alert" />} role="alert">
          {t('patients.merge.loadFailed', { reason: describeError(preview.error, t) })}
        </Alert>
      )}
      {preview.data && (
        <MergeForm
          key={`${survivorId}:${mergedId}`}
          preview={preview.data}
          onSwap={() => setSwapped((s) => !s)}
          onClose={onClose}
          {...(onMerged ? { onMerged } : {})}
        />
      )}
    </Modal>
  );
}

function MergeForm({
  preview,
  onSwap,
  onClose,
  onMerged,
}: {
  preview: MergePreview;
  onSwap(): void;
  onClose(): void;
  onMerged?(survivorId: string): void;
}) {
  const { t } = useTranslation();
  const notify = useNotify();
  const queryClient = useQueryClient();
  const [choices, setChoices] = useState<Record<string, FieldSide>>(() =>
    Object.fromEntries(preview.conflicts.map((c) => [c.field, 'survivor'])),
  );
  const survivor = preview.survivor.contact;
  const merged = preview.merged.contact;
  const merge = useMutation({
    mutationFn: () => patientsApi.merge(survivor.id, requestOf(merged.id, choices)),
    onSuccess: () => {
      notify(
        t('patients.merge.merged', { name: survivor.display_name ?? formatPhone(survivor.phone) }),
        'careline',
      );
      void queryClient.invalidateQueries();
      onClose();
      onMerged?.(survivor.id);
    },
  });
  const fieldLabel = (field: string) =>
    field.startsWith('custom_fields.')
      ? field.slice('custom_fields.'.length)
      : t(`patients.merge.field.${field as 'display_name' | 'phone' | 'language'}`);

  return (
    <Stack gap="md">
      <SimpleGrid cols={2} spacing="md">
        <Side label={t('patients.merge.keeps')} side={preview.survivor} accent />
        <Side label={t('patients.merge.absorbs')} side={preview.merged} />
      </SimpleGrid>
      <Group justify="flex-end">
        <Button
          variant="subtle"
          size="compact-sm"
          leftSection={<Icon name="refresh" size={14} />}
          onClick={onSwap}
        >
          {t('patients.merge.swap')}
        </Button>
      </Group>
      {preview.conflicts.length === 0 ? (
        <Text size="sm" c="dimmed">
          {t('patients.merge.noConflict')}
        </Text>
      ) : (
        <div>
          <Text fw={600} size="sm" mb="xs">
            {t('patients.merge.conflicts')}
          </Text>
          <Table withTableBorder verticalSpacing="xs">
            <Table.Tbody>
              {preview.conflicts.map((conflict) => (
                <Table.Tr key={conflict.field}>
                  <Table.Th w={140}>{fieldLabel(conflict.field)}</Table.Th>
                  {(['survivor', 'merged'] as const).map((side) => (
                    <Table.Td key={side}>
                      <Radio
                        name={conflict.field}
                        value={side}
                        checked={choices[conflict.field] === side}
                        onChange={() => setChoices((old) => ({ ...old, [conflict.field]: side }))}
                        label={conflict.field === 'phone' ? formatPhone(conflict[side]) : conflict[side]}
                        aria-label={`${fieldLabel(conflict.field)}: ${conflict[side]}`}
                      />
                    </Table.Td>
                  ))}
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </div>
      )}
      <Text size="xs" c="dimmed">
        {t('patients.merge.everythingMoves')}
      </Text>
      {merge.isError && (
        <Alert color="red" variant="light" icon={<Icon name="alert" />} role="alert">
          {describeError(merge.error, t)}
        </Alert>
      )}
      <Group justify="flex-end" gap="sm">
        <Button variant="default" onClick={onClose}>
          {t('common.cancel')}
        </Button>
        <Button
          onClick={() => merge.mutate()}
          loading={merge.isPending}
          leftSection={<Icon name="users" size={16} />}
        >
          {t('patients.merge.mergeNow')}
        </Button>
      </Group>
    </Stack>
  );
}

function Side({ label, side, accent }: { label: string; side: MergePreview['survivor']; accent?: boolean }) {
  const { t } = useTranslation();
  const { contact, counts } = side;
  return (
    <Paper
      withBorder
      radius="md"
      p="md"
      style={accent ? { borderColor: 'var(--mantine-color-careline-5)' } : undefined}
    >
      <Stack gap={4}>
        <Text size="xs" c="dimmed" tt="uppercase" fw={600}>
          {label}
        </Text>
        <Text fw={600}>{contact.display_name ?? t('patients.merge.unnamed')}</Text>
        <Text size="sm">{formatPhone(contact.phone) || '—'}</Text>
        <Group gap={4}>
          {contact.channels.map((channel) => (
            <Badge key={channel} size="xs" variant="light">
              {channel}
            </Badge>
          ))}
          {contact.tags.map((tag) => (
            <Badge key={tag} size="xs" variant="outline" color="gray">
              {tag}
            </Badge>
          ))}
        </Group>
        {Object.entries(contact.custom_fields).map(([key, value]) => (
          <Text key={key} size="xs">
            <Text span c="dimmed" size="xs">
              {key}:
            </Text>{' '}
            {value}
          </Text>
        ))}
        <Text size="xs" c="dimmed" mt={4}>
          {t('patients.merge.counts', counts)}
        </Text>
      </Stack>
    </Paper>
  );
}

function requestOf(otherId: string, choices: Record<string, FieldSide>): MergeRequest {
  const fields: NonNullable<MergeRequest['fields']> = {};
  const custom: Record<string, FieldSide> = {};
  for (const [field, side] of Object.entries(choices)) {
    if (field === 'display_name' || field === 'phone' || field === 'language') fields[field] = side;
    else custom[field.slice('custom_fields.'.length)] = side;
  }
  if (Object.keys(custom).length > 0) fields.custom_fields = custom;
  return { other_id: otherId, fields };
}
