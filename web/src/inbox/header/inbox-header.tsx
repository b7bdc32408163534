import { Avatar, Group, Menu, Text, Tooltip, UnstyledButton } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { LiveState } from '../../api/live-events.ts';
import { useSession, useSignedIn } from '../../auth/session-context.tsx';
import { Brand } from '../../ui/brand.tsx';
import { Icon } from '../../ui/icons.tsx';
import { LanguageSwitch } from '../../ui/language-switch.tsx';
import { initialsOf } from '../people.ts';
import classes from './inbox-header.module.css';
import { SearchBox } from './search-box.tsx';

export function InboxHeader({ live }: { live: LiveState }) {
  const { t } = useTranslation();
  const { user } = useSignedIn();
  const { signOut } = useSession();
  const name = user.name ?? user.email;
  return (
    <header className={classes.header}>
      <Group gap="md" wrap="nowrap" className={classes.left}>
        <Brand size={28} />
        <Text className={classes.clinic} size="sm" c="dimmed" truncate>
          {user.org.name}
        </Text>
      </Group>
      <SearchBox />
      <Group gap="sm" wrap="nowrap" justify="flex-end">
        <LiveIndicator state={live} />
        <LanguageSwitch />
        <Menu position="bottom-end" width={240} shadow="md">
          <Menu.Target>
            <UnstyledButton className={classes.user} aria-label={t('header.account', { name })}>
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
                {user.email} · {t(user.role === 'admin' ? 'header.roleAdmin' : 'header.roleAgent')}
              </Text>
            </Menu.Label>
            <Menu.Divider />
            <Menu.Item
              leftSection={<Icon name="phone" size={16} />}
              component="a"
              href="/phone"
              target="_blank"
            >
              {t('header.openPhone')}
            </Menu.Item>
            <Menu.Item leftSection={<Icon name="logout" size={16} />} onClick={() => void signOut()}>
              {t('header.signOut')}
            </Menu.Item>
          </Menu.Dropdown>
        </Menu>
      </Group>
    </header>
  );
}

function LiveIndicator({ state }: { state: LiveState }) {
  const { t } = useTranslation();
  const label = t(`live.${state}`);
  return (
    <Tooltip label={t(`live.${state}Hint`)} multiline w={240} withArrow>
      <span className={classes.live} data-state={state} role="status" aria-label={label}>
        <span className={classes.liveDot} />
        <span className={classes.liveText}>{label}</span>
      </span>
    </Tooltip>
  );
}
