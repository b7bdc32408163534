import { Alert, Button, Group, Modal, NumberInput, Stack, TextInput } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type FormErrors, formErrorsOf, NO_ERRORS, withoutField } from '../../api/form-errors.ts';
import { settingsApi } from '../../api/settings-api.ts';
import {
  CAPACITY_MAX,
  CAPACITY_MIN,
  type StaffMember,
  type StaffPatch,
  type StaffRole,
} from '../../api/settings-types.ts';
import { Icon } from '../../ui/icons.tsx';
import { useWhileClosing } from '../../ui/use-while-closing.ts';
import { isCapacity } from './add-staff-dialog.tsx';
import { RoleChoice } from './role-choice.tsx';
import { staffErrorOf } from './staff-errors.ts';

type Field = 'name' | 'role' | 'capacity';
const FIELDS: readonly Field[] = ['name', 'role', 'capacity'];

/** A member's name, role and capacity; only what changed is sent. */
export function EditStaffDialog({ member, onClose }: { member: StaffMember | null; onClose(): void }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [name, setName] = useState('');
  const [role, setRole] = useState<StaffRole>('agent');
  const [capacity, setCapacity] = useState<number | string>(CAPACITY_MIN);
  const [errors, setErrors] = useState<FormErrors<Field>>(NO_ERRORS);
  const shown = useWhileClosing(member);

  useEffect(() => {
    if (!member) return;
    setName(member.name ?? '');
    setRole(member.role);
    setCapacity(member.capacity);
    setErrors(NO_ERRORS);
  }, [member]);

  const save = useMutation({
    mutationFn: ({ id, patch }: { id: string; patch: StaffPatch }) => settingsApi.changeStaff(id, patch),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: ['users'] });
      onClose();
    },
    onError: (error) => {
      const found = formErrorsOf(error, FIELDS, t);
      setErrors({ ...found, general: found.general && staffErrorOf(error, t) });
    },
  });

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!member) return;
    if (!name.trim() || !isCapacity(capacity)) {
      setErrors({
        general: null,
        fields: {
          ...(name.trim() ? {} : { name: t('settings.errors.required') }),
          ...(isCapacity(capacity)
            ? {}
            : { capacity: t('settings.errors.capacity', { min: CAPACITY_MIN, max: CAPACITY_MAX }) }),
        },
      });
      return;
    }
    const patch: StaffPatch = {
      ...(name.trim() !== (member.name ?? '') ? { name: name.trim() } : {}),
      ...(role !== member.role ? { role } : {}),
      ...(Number(capacity) !== member.capacity ? { capacity: Number(capacity) } : {}),
    };
    if (Object.keys(patch).length === 0) onClose();
    else save.mutate({ id: member.id, patch });
  };

  return (
    <Modal
      opened={member !== null}
      onClose={onClose}
      title={t('settings.staff.editTitle', { name: shown?.name ?? shown?.email ?? '' })}
      radius="lg"
      size="lg"
      centered
    >
      <form onSubmit={submit} noValidate>
        <Stack gap="sm">
          <TextInput
            label={t('settings.staff.name')}
            value={name}
            onChange={(event) => {
              setName(event.currentTarget.value);
              setErrors((all) => withoutField(all, 'name'));
            }}
            error={errors.fields.name}
            maxLength={200}
            required
            data-autofocus
          />
          <RoleChoice value={role} onChange={setRole} error={errors.fields.role} />
          <NumberInput
            label={t('settings.staff.capacity')}
            description={t('settings.staff.capacityHint')}
            value={capacity}
            onChange={(value) => {
              setCapacity(value);
              setErrors((all) => withoutField(all, 'capacity'));
            }}
            min={CAPACITY_MIN}
            max={CAPACITY_MAX}
            allowDecimal={false}
            clampBehavior="none"
            error={errors.fields.capacity}
            w={220}
          />
          {errors.general && (
            <Alert color="red" variant="light" icon={<Icon name="alert" />} role="alert">
              {errors.general}
            </Alert>
          )}
          <Group justify="flex-end" gap="sm" mt="xs">
            <Button variant="default" onClick={onClose}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" loading={save.isPending}>
              {t('settings.save')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
