import { Alert, Button, Group, Modal, MultiSelect, Radio, Stack, TextInput } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type FormErrors, formErrorsOf, NO_ERRORS, withoutField } from '../../api/form-errors.ts';
import { queryKeys } from '../../api/inbox-api.ts';
import { settingsApi } from '../../api/settings-api.ts';
import {
  ASSIGNMENT_MODES,
  type AssignmentMode,
  type StaffMember,
  type TeamDetails,
} from '../../api/settings-types.ts';
import { Icon } from '../../ui/icons.tsx';
import { useWhileClosing } from '../../ui/use-while-closing.ts';

type Field = 'name' | 'assignment_mode';
const FIELDS: readonly Field[] = ['name', 'assignment_mode'];

interface Draft {
  name: string;
  mode: AssignmentMode;
  memberIds: string[];
}

interface Props {
  /** `new` opens an empty form; a team opens it to edit; null closes it. */
  team: TeamDetails | 'new' | null;
  /** Active members of the staff, who may join. */
  staff: StaffMember[];
  onClose(): void;
}

/** A team's name, how it hands out conversations, and who is in it. */
export function TeamDialog({ team, staff, onClose }: Props) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [name, setName] = useState('');
  const [mode, setMode] = useState<AssignmentMode>('round_robin');
  const [memberIds, setMemberIds] = useState<string[]>([]);
  const [errors, setErrors] = useState<FormErrors<Field>>(NO_ERRORS);
  const existing = team !== null && team !== 'new' ? team : null;
  const shown = useWhileClosing(team);

  useEffect(() => {
    if (team === null) return;
    setName(existing?.name ?? '');
    setMode(existing?.assignment_mode ?? 'round_robin');
    setMemberIds(existing?.members.map((m) => m.id) ?? []);
    setErrors(NO_ERRORS);
  }, [team, existing]);

  const save = useMutation({
    mutationFn: (draft: Draft) => saveTeam(existing, draft),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: queryKeys.teams });
      void queryClient.invalidateQueries({ queryKey: ['channels'] });
      onClose();
    },
    onError: (error) => setErrors(formErrorsOf(error, FIELDS, t, { name: t('settings.teams.nameTaken') })),
  });

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!name.trim()) {
      setErrors({ fields: { name: t('settings.errors.required') }, general: null });
      return;
    }
    save.mutate({ name: name.trim(), mode, memberIds });
  };

  const choices = staff.map((member) => ({
    value: member.id,
    label: member.name ? `${member.name} (${member.email})` : member.email,
  }));

  return (
    <Modal
      opened={team !== null}
      onClose={onClose}
      title={
        shown !== null && shown !== 'new'
          ? t('settings.teams.editTitle', { name: shown.name })
          : t('settings.teams.newTitle')
      }
      radius="lg"
      size="lg"
      centered
    >
      <form onSubmit={submit} noValidate>
        <Stack gap="md">
          <TextInput
            label={t('settings.teams.name')}
            placeholder={t('settings.teams.namePlaceholder')}
            value={name}
            onChange={(event) => {
              setName(event.currentTarget.value);
              setErrors((all) => withoutField(all, 'name'));
            }}
            error={errors.fields.name}
            maxLength={100}
            required
            data-autofocus
          />
          <Radio.Group
            label={t('settings.teams.mode')}
            value={mode}
            onChange={(value) => setMode(ASSIGNMENT_MODES.find((m) => m === value) ?? 'round_robin')}
            error={errors.fields.assignment_mode}
          >
            <Stack gap="xs" mt={6}>
              {ASSIGNMENT_MODES.map((m) => (
                <Radio
                  key={m}
                  value={m}
                  label={t(`settings.modes.${m}`)}
                  description={t(`settings.modes.${m}Hint`)}
                />
              ))}
            </Stack>
          </Radio.Group>
          <MultiSelect
            label={t('settings.teams.members')}
            description={t('settings.teams.membersHint')}
            placeholder={memberIds.length === 0 ? t('settings.teams.membersPlaceholder') : undefined}
            data={choices}
            value={memberIds}
            onChange={setMemberIds}
            searchable
            clearable
            nothingFoundMessage={t('settings.teams.nobodyFound')}
            comboboxProps={{ withinPortal: true }}
          />
          {errors.general && (
            <Alert color="red" variant="light" icon={<Icon name="alert" />} role="alert">
              {errors.general}
            </Alert>
          )}
          <Group justify="flex-end" gap="sm">
            <Button variant="default" onClick={onClose}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" loading={save.isPending}>
              {shown !== null && shown !== 'new' ? t('settings.save') : t('settings.teams.create')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}

/** Creates or changes the team, then sets its members when they changed. */
async function saveTeam(existing: TeamDetails | null, draft: Draft): Promise<TeamDetails> {
  let team: TeamDetails;
  if (!existing) {
    team = await settingsApi.createTeam({ name: draft.name, assignment_mode: draft.mode });
  } else {
    const patch = {
      ...(draft.name !== existing.name ? { name: draft.name } : {}),
      ...(draft.mode !== existing.assignment_mode ? { assignment_mode: draft.mode } : {}),
    };
    team = Object.keys(patch).length > 0 ? await settingsApi.changeTeam(existing.id, patch) : existing;
  }
  const before = new Set(team.members.map((m) => m.id));
  const same = before.size === draft.memberIds.length && draft.memberIds.every((id) => before.has(id));
  return same ? team : settingsApi.setTeamMembers(team.id, draft.memberIds);
}
