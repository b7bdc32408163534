import {
  Alert,
  Button,
  Group,
  Modal,
  NumberInput,
  PasswordInput,
  Radio,
  Stack,
  TextInput,
} from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type FormErrors, formErrorsOf, NO_ERRORS, withoutField } from '../../api/form-errors.ts';
import { settingsApi } from '../../api/settings-api.ts';
import {
  CAPACITY_MAX,
  CAPACITY_MIN,
  type NewStaffMember,
  PASSWORD_MIN,
  type StaffMemberWithPassword,
  type StaffRole,
} from '../../api/settings-types.ts';
import { Icon } from '../../ui/icons.tsx';
import { RoleChoice } from './role-choice.tsx';

type Field = 'name' | 'email' | 'role' | 'capacity' | 'password';
const FIELDS: readonly Field[] = ['name', 'email', 'role', 'capacity', 'password'];
const DEFAULT_CAPACITY = 10;

interface Props {
  opened: boolean;
  onClose(): void;
  /** The member was added: show their sign-in details once. */
  onAdded(member: StaffMemberWithPassword, password: string): void;
}

/** A new member of the staff, with a first password the administrator chooses or Careline generates. */
export function AddStaffDialog({ opened, onClose, onAdded }: Props) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [name, setName] = useState('');
  const [email, setEmail] = useState('');
  const [role, setRole] = useState<StaffRole>('agent');
  const [capacity, setCapacity] = useState<number | string>(DEFAULT_CAPACITY);
  const [passwordMode, setPasswordMode] = useState<'generate' | 'choose'>('generate');
  const [password, setPassword] = useState('');
  const [errors, setErrors] = useState<FormErrors<Field>>(NO_ERRORS);

  useEffect(() => {
    if (!opened) return;
    setName('');
    setEmail('');
    setRole('agent');
    setCapacity(DEFAULT_CAPACITY);
    setPasswordMode('generate');
    setPassword('');
    setErrors(NO_ERRORS);
  }, [opened]);

  const add = useMutation({
    mutationFn: (member: NewStaffMember) => settingsApi.addStaff(member),
    onSuccess: (member, sent) => {
      void queryClient.invalidateQueries({ queryKey: ['users'] });
      onAdded(member, member.generated_password ?? sent.password ?? '');
    },
    onError: (error) => setErrors(formErrorsOf(error, FIELDS, t, { email: t('settings.staff.emailTaken') })),
  });

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const local = checkLocally();
    if (local) {
      setErrors({ fields: local, general: null });
      return;
    }
    setErrors(NO_ERRORS);
    add.mutate({
      name: name.trim(),
      email: email.trim(),
      role,
      capacity: Number(capacity),
      ...(passwordMode === 'choose' ? { password } : {}),
    });
  };

  const checkLocally = (): Partial<Record<Field, string>> | null => {
    const found: Partial<Record<Field, string>> = {};
    if (!name.trim()) found.name = t('settings.errors.required');
    if (!email.trim()) found.email = t('settings.errors.required');
    if (!isCapacity(capacity))
      found.capacity = t('settings.errors.capacity', { min: CAPACITY_MIN, max: CAPACITY_MAX });
    if (passwordMode === 'choose' && password.length < PASSWORD_MIN)
      found.password = t('settings.errors.passwordLength', { min: PASSWORD_MIN });
    return Object.keys(found).length > 0 ? found : null;
  };

  return (
    <Modal
      opened={opened}
      onClose={onClose}
      title={t('settings.staff.addTitle')}
      radius="lg"
      size="lg"
      centered
    >
      <form onSubmit={submit} noValidate>
        <Stack gap="sm">
          <Group grow align="flex-start">
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
            <TextInput
              label={t('settings.staff.email')}
              type="email"
              value={email}
              onChange={(event) => {
                setEmail(event.currentTarget.value);
                setErrors((all) => withoutField(all, 'email'));
              }}
              error={errors.fields.email}
              maxLength={320}
              required
            />
          </Group>
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
          <Radio.Group
            label={t('settings.staff.password')}
            value={passwordMode}
            onChange={(value) => setPasswordMode(value === 'choose' ? 'choose' : 'generate')}
          >
            <Stack gap={6} mt={6}>
              <Radio value="generate" label={t('settings.staff.passwordGenerate')} />
              <Radio value="choose" label={t('settings.staff.passwordChoose')} />
            </Stack>
          </Radio.Group>
          {passwordMode === 'choose' && (
            <PasswordInput
              label={t('settings.staff.initialPassword')}
              description={t('settings.staff.passwordHint', { min: PASSWORD_MIN })}
              value={password}
              onChange={(event) => {
                setPassword(event.currentTarget.value);
                setErrors((all) => withoutField(all, 'password'));
              }}
              error={errors.fields.password}
              autoComplete="new-password"
              visibilityToggleButtonProps={{ 'aria-label': t('login.showPassword') }}
              maxLength={256}
            />
          )}
          {passwordMode === 'generate' && errors.fields.password && (
            <Alert color="red" variant="light">
              {errors.fields.password}
            </Alert>
          )}
          {errors.general && (
            <Alert color="red" variant="light" icon={<Icon name="alert" />} role="alert">
              {errors.general}
            </Alert>
          )}
          <Group justify="flex-end" gap="sm" mt="xs">
            <Button variant="default" onClick={onClose}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" loading={add.isPending}>
              {t('settings.staff.add')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}

export function isCapacity(value: number | string): boolean {
  const n = Number(value);
  return value !== '' && Number.isInteger(n) && n >= CAPACITY_MIN && n <= CAPACITY_MAX;
}
