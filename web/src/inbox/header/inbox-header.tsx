import { Button, Group, Text, Tooltip } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { LiveState } from '../../api/live-events.ts';
import { AccountMenu } from '../../session/account-menu.tsx';
import { useCan } from '../../session/permissions.ts';
import { useSignedIn } from '../../session/session-context.tsx';
import { Brand } from '../../ui/brand.tsx';
import { Icon } from '../../ui/icons.tsx';
import { LanguageSwitch } from '../../ui/language-switch.tsx';
import classes from './inbox-header.module.css';
import { SearchBox } from './search-box.tsx';

export function InboxHeader({ live }: { live: LiveState }) {
  const { user } = useSignedIn();
  const can = useCan();
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
        <AgendaLink />
        {can('reports.read') && <ReportsLink />}
        <LiveIndicator state={live} />
        <LanguageSwitch />
        <AccountMenu />
      </Group>
    </header>
  );
}

/** The clinic's appointments, one click from the conversations. */
function AgendaLink() {
  const { t } = useTranslation();
  return (
    <Tooltip label={t('header.agendaHint')} withArrow>
      <Button
        component={Link}
        to="/agenda"
        variant="subtle"
        size="sm"
        leftSection={<Icon name="calendar" size={16} />}
        className={classes.agendaLink}
      >
        {t('header.agenda')}
      </Button>
    </Tooltip>
  );
}

/** The clinic's reports, for those who may read them. */
function ReportsLink() {
  const { t } = useTranslation();
  return (
    <Tooltip label={t('reports.navHint')} withArrow>
      <Button
        component={Link}
        to="/reports"
        variant="subtle"
        size="sm"
        leftSection={<Icon name="chart" size={16} />}
        className={classes.agendaLink}
      >
        {t('reports.nav')}
      </Button>
    </Tooltip>
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
