import { Button, Group, Tabs, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link, Outlet, useLocation, useNavigate } from 'react-router';
import { AccountMenu } from '../session/account-menu.tsx';
import { useCan } from '../session/permissions.ts';
import { useSignedIn } from '../session/session-context.tsx';
import { Brand } from '../ui/brand.tsx';
import { Icon } from '../ui/icons.tsx';
import { LanguageSwitch } from '../ui/language-switch.tsx';
import classes from './agenda-page.module.css';

type Tab = 'calendar' | 'report';

/** The clinic's appointments (day and week) and what the reminders achieved, for the whole care team. */
export function AgendaPage() {
  const { t } = useTranslation();
  const { user } = useSignedIn();
  const location = useLocation();
  const navigate = useNavigate();
  const can = useCan();
  const tab: Tab = location.pathname.startsWith('/agenda/report') ? 'report' : 'calendar';

  return (
    <div className={classes.shell}>
      <header className={classes.header}>
        <Group gap="md" wrap="nowrap">
          <Link to="/inbox" aria-label={t('settings.backToInbox')} className={classes.brand}>
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
      <Tabs
        value={tab}
        onChange={(value) => {
          if (value === 'report') void navigate('/agenda/report');
          else if (value === 'calendar') void navigate('/agenda');
        }}
        className={classes.tabs}
        keepMounted={false}
      >
        <Tabs.List aria-label={t('agenda.title')}>
          <Tabs.Tab value="calendar" leftSection={<Icon name="calendar" size={16} />}>
            {t('agenda.tabs.calendar')}
          </Tabs.Tab>
          {can('reports.read') && (
            <Tabs.Tab value="report" leftSection={<Icon name="chart" size={16} />}>
              {t('agenda.tabs.report')}
            </Tabs.Tab>
          )}
        </Tabs.List>
      </Tabs>
      <main className={classes.main}>
        <Outlet />
      </main>
    </div>
  );
}
