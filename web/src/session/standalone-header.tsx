import { Button, Group, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { Brand } from '../ui/brand.tsx';
import { Icon } from '../ui/icons.tsx';
import { LanguageSwitch } from '../ui/language-switch.tsx';
import { AccountMenu } from './account-menu.tsx';
import { useCan } from './permissions.ts';
import { useSignedIn } from './session-context.tsx';
import classes from './standalone-header.module.css';

/**
 * The top bar of a page outside the inbox (agenda, reports, settings): the clinic, the way back to the
 * inbox for those who read it, language, account.
 */
export function StandaloneHeader({ className }: { className?: string }) {
  const { t } = useTranslation();
  const { user } = useSignedIn();
  const _can = useCan();
  return (
    <header className={className ? `${classes.header} ${className}` : classes.header}>
      <Group gap="md" wrap="nowrap">
        <Link to="/" aria-label={t('settings.backToInbox')} className={classes.brand}>
          <Brand size={28} />
        </Link>
        <Text className={classes.clinic} size="sm" c="dimmed" truncate>
          {user.org.name}
        </Text>
      </Group>
      <Group gap="sm" wrap="nowrap">
        <Button
          component={Link}
          to="/inbox"
          variant="subtle"
          size="sm"
          leftSection={<Icon name="inbox" size={16} />}
        >
          {t('settings.backToInbox')}
        </Button>
        <LanguageSwitch />
        <AccountMenu />
      </Group>
    </header>
  );
}
