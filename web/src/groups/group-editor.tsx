import { Alert, Button, Divider, Drawer, Group, SimpleGrid, Stack, Textarea, TextInput } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formErrorsOf, NO_ERRORS, withoutField } from '../api/form-errors.ts';
import { groupKeys, groupsApi, type PatientGroup, type SegmentDefinition } from '../api/groups-api.ts';
import { Icon } from '../ui/icons.tsx';
import { useNotify } from '../ui/toasts.tsx';
import { definitionComplete, newRule, RuleBuilder } from './rule-builder.tsx';
import { DraftPreview } from './segment-preview.tsx';
import { PendingMembers, type PickedPatient, SavedMembers } from './static-members.tsx';

const FIELDS = ['name', 'description', 'definition'] as const;
type Field = (typeof FIELDS)[number];

/** What the drawer edits: a saved group, or a new one of a kind. */
export type Editing = { group: PatientGroup } | { kind: 'static' | 'dynamic' };

/** Creates or edits a group in a drawer: name and description, then its rules with their live preview, or its patients. */
export function GroupEditor({ editing, onClose }: { editing: Editing; onClose: () => void }) {
  const { t } = useTranslation();
  const notify = useNotify();
  const client = useQueryClient();
  const saved = 'group' in editing ? editing.group : null;
  const kind = saved ? saved.kind : 'kind' in editing ? editing.kind : 'static';
  const [name, setName] = useState(saved?.name ?? '');
  const [description, setDescription] = useState(saved?.description ?? '');
  const [definition, setDefinition] = useState<SegmentDefinition>(
    saved?.definition ?? { match: 'all', rules: [newRule('tag')] },
  );
  const [picked, setPicked] = useState<PickedPatient[]>([]);
  const [errors, setErrors] = useState(NO_ERRORS as ReturnType<typeof formErrorsOf<Field>>);
  const refresh = () => client.invalidateQueries({ queryKey: groupKeys.all });

  const save = useMutation({
    mutationFn: async () => {
      const text = description.trim() === '' ? null : description.trim();
      if (saved)
        return groupsApi.update(saved.id, {
          name: name.trim(),
          description: text,
          ...(kind === 'dynamic' ? { definition } : {}),
        });
      const group = await groupsApi.create({
        name: name.trim(),
        description: text,
        kind,
        ...(kind === 'dynamic' ? { definition } : {}),
      });
      if (picked.length > 0)
        await groupsApi.addMembers(
          group.id,
          picked.map((p) => p.id),
        );
      return group;
    },
    onSuccess: async () => {
      await refresh();
      notify(t('groups.editor.saved'), 'careline');
      onClose();
    },
    onError: (error) => setErrors(formErrorsOf(error, FIELDS, t, { name: t('groups.editor.nameTaken') })),
  });
  const archive = useMutation({
    mutationFn: (id: string) => groupsApi.archive(id),
    onSuccess: async () => {
      await refresh();
      notify(t('groups.editor.archived'), 'careline');
      onClose();
    },
  });

  const title = saved
    ? t('groups.editor.edit', { name: saved.name })
    : kind === 'dynamic'
      ? t('groups.editor.newDynamic')
      : t('groups.editor.newStatic');
  const canSave = name.trim() !== '' && (kind === 'static' || definitionComplete(definition));

  return (
    <Drawer
      opened
      onClose={onClose}
      position="right"
      size={kind === 'dynamic' ? 1040 : 640}
      title={title}
      padding="lg"
    >
      <form
        onSubmit={(event) => {
          event.preventDefault();
          if (canSave) save.mutate();
        }}
      >
        <Stack gap="md">
          {errors.general && (
            <Alert color="red" variant="light" icon={<Icon name="alert" size={16} />}>
              {errors.general}
            </Alert>
          )}
          <TextInput
            label={t('groups.editor.name')}
            placeholder={t('groups.editor.namePlaceholder')}
            required
            value={name}
            error={errors.fields.name}
            onChange={(e) => {
              setName(e.currentTarget.value);
              setErrors(withoutField(errors, 'name'));
            }}
            data-autofocus
          />
          <Textarea
            label={t('groups.editor.description')}
            placeholder={t('groups.editor.descriptionPlaceholder')}
            autosize
            minRows={1}
            maxRows={4}
            value={description}
            error={errors.fields.description}
            onChange={(e) => setDescription(e.currentTarget.value)}
          />
          <Divider
            label={kind === 'dynamic' ? t('groups.rules.title') : t('groups.members.title')}
            labelPosition="left"
          />
          {kind === 'dynamic' ? (
            <SimpleGrid cols={{ base: 1, md: 3 }} spacing="lg">
              <div style={{ gridColumn: 'span 2' }}>
                <RuleBuilder
                  definition={definition}
                  onChange={(next) => {
                    setDefinition(next);
                    setErrors(withoutField(errors, 'definition'));
                  }}
                />
                {errors.fields.definition && (
                  <Alert color="red" variant="light" mt="sm">
                    {errors.fields.definition}
                  </Alert>
                )}
              </div>
              <DraftPreview definition={definition} />
            </SimpleGrid>
          ) : saved ? (
            <SavedMembers groupId={saved.id} />
          ) : (
            <PendingMembers picked={picked} onChange={setPicked} />
          )}
          <Group justify="space-between" mt="md">
            {saved ? (
              <Button
                variant="subtle"
                color="red"
                leftSection={<Icon name="trash" size={16} />}
                loading={archive.isPending}
                onClick={() => {
                  if (window.confirm(t('groups.editor.archiveConfirm'))) archive.mutate(saved.id);
                }}
              >
                {t('groups.editor.archive')}
              </Button>
            ) : (
              <span />
            )}
            <Group gap="sm">
              <Button variant="default" onClick={onClose}>
                {t('groups.editor.cancel')}
              </Button>
              <Button type="submit" disabled={!canSave} loading={save.isPending}>
                {saved ? t('groups.editor.save') : t('groups.editor.create')}
              </Button>
            </Group>
          </Group>
        </Stack>
      </form>
    </Drawer>
  );
}
