import { Radio, Stack } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { STAFF_ROLES, type StaffRole } from '../../api/settings-types.ts';

/** The five roles, each with a line on what it allows. */
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
      onChange={(value) => props.onChange(STAFF_ROLES.find((role) => role === value) ?? 'agent')}
      error={props.error}
    >
      <Stack mt={6} gap="sm">
        {STAFF_ROLES.map((role) => (
          <Radio
            key={role}
            value={role}
            label={t(`settings.roles.${role}`)}
            description={t(`settings.roles.${role}Hint`)}
          />
        ))}
      </Stack>
    </Radio.Group>
  );
}
