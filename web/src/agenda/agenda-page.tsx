import { Tabs } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Outlet, useLocation, useNavigate } from 'react-router';
import { useCan } from '../session/permissions.ts';
import { StandaloneHeader } from '../session/standalone-header.tsx';
import { Icon } from '../ui/icons.tsx';
import classes from './agenda-page.module.css';

type Tab = 'calendar' | 'report';

/** The clinic's appointments (day and week) and what the reminders achieved, for the whole care team. */
export function AgendaPage() {
  const { t } = useTranslation();
  const location = useLocation();
  const navigate = useNavigate();
  const can = useCan();
  const tab: Tab = location.pathname.startsWith('/agenda/report') ? 'report' : 'calendar';

  return (
    <div className={classes.shell}>
      <StandaloneHeader />
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
