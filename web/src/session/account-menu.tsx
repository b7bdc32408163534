import { Avatar, Menu, Text, UnstyledButton } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { initialsOf } from '../format/people.ts';
import { Icon } from '../ui/icons.tsx';
import classes from './account-menu.module.css';
import { useCan } from './permissions.ts';
import { useSession, useSignedIn } from './session-context.tsx';

/**
 * The signed-in person's menu: who they are, the settings (or their profile), their sessions, the
 * demo phone, sign out.
 */
export function AccountMenu() {
  const { t } = useTranslation();
  const { user } = useSignedIn();
  const { signOut } = useSession();
  const name = user.name ?? user.email;
  const can = useCan();
  const admin = can('staff.manage') || can('settings.manage') || can('teams.manage');
  return (
    <Menu position="bottom-end" width={240} shadow="md">
      <Menu.Target>
        <UnstyledButton className={classes.user} aria-label={t('account.menu', { name })}>
          <Avatar size={32} radius="xl" color="careline" variant="filled">
            {initialsOf(name)}
          </Avatar>
          <Icon name="chevronDown" size={14} />
        </UnstyledButton>
      </Menu.Target>
      <Menu.Dropdown>
        <Menu.Label>
          <Text size="sm" fw={600} c="dark.7" truncate>
            {name}
          </Text>
          <Text size="xs" c="dimmed" truncate>
            {user.email} · {t(`settings.roles.${user.role}`)}
          </Text>
        </Menu.Label>
        <Menu.Divider />
        <Menu.Item
          leftSection={admin ? <Icon name="gear" size={16} /> : <Icon name="user" size={16} />}
          component={Link}
          to="/settings"
        >
          {t(admin ? 'account.settings' : 'account.profile')}
        </Menu.Item>
        <Menu.Item leftSection={<Icon name="lock" size={16} />} component={Link} to="/settings/security">
          {t('account.security')}
        </Menu.Item>
        <Menu.Item leftSection={<Icon name="phone" size={16} />} component="a" href="/phone" target="_blank">
          {t('account.openPhone')}
        </Menu.Item>
        <Menu.Item leftSection={<Icon name="logout" size={16} />} onClick={() => void signOut()}>
          {t('account.signOut')}
        </Menu.Item>
      </Menu.Dropdown>
    </Menu>
  );
}
