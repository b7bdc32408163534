import { Group, Radio } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { STAFF_ROLES, type StaffRole } from '../../api/settings-types.ts';

/** Agent or administrator, each with what it allows. */
export function RoleChoice(props: {
  value: StaffRole;
  onChange(role: StaffRole): void;
  error?: string | undefined;
}) {
  const { t } = useTranslation();
  return (
    <Radio.Group
      label={t('settings.staff.role')}
      value={props.value}
      onChange={(value) => props.onChange(value === 'admin' ? 'admin' : 'agent')}
      error={props.error}
    >
      <Group mt={6} gap="lg" align="flex-start" grow>
        {STAFF_ROLES.map((role) => (
          <Radio
            key={role}
            value={role}
            label={t(`settings.roles.${role}`)}
            description={t(`settings.roles.${role}Hint`)}
          />
        ))}
      </Group>
    </Radio.Group>
  );
}
