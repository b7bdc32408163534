import { NavLink, Text } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Navigate, Outlet, NavLink as RouterLink, useLocation, useMatch } from 'react-router';
import { type Permission, useCan } from '../session/permissions.ts';
import { StandaloneHeader } from '../session/standalone-header.tsx';
import { Icon } from '../ui/icons.tsx';
import { AdminsOnly } from './admins-only.tsx';
import classes from './settings-page.module.css';

/** The settings pages, each shown to the roles whose permission it needs. */
type PageLabel =
  | 'settings.staff.title'
  | 'settings.teams.title'
  | 'channels.title'
  | 'settings.replies.title'
  | 'settings.automation.title'
  | 'settings.reminders.title'
  | 'safety.settings.title'
  | 'privacy.settings.title'
  | 'ehr.title'
  | 'pharmacySettings.title'
  | 'exports.title'
  | 'patients.duplicates.title'
  | 'settings.alerts.title'
  | 'integrations.title'
  | 'settings.security.title'
  | 'audit.title';

const PAGES: ReadonlyArray<{ to: string; needs: Permission; label: PageLabel; icon: ReactNode }> = [
  {
    to: '/settings/staff',
    needs: 'staff.manage',
    label: 'settings.staff.title',
    icon: <Icon name="users" size={18} />,
  },
  {
    to: '/settings/teams',
    needs: 'teams.manage',
    label: 'settings.teams.title',
    icon: <Icon name="team" size={18} />,
  },
  {
    to: '/settings/channels',
    needs: 'clinic.read',
    label: 'channels.title',
    icon: <Icon name="link" size={18} />,
  },
  {
    to: '/settings/saved-replies',
    needs: 'canned-replies.manage',
    label: 'settings.replies.title',
    icon: <Icon name="bolt" size={18} />,
  },
  {
    to: '/settings/automation',
    needs: 'settings.manage',
    label: 'settings.automation.title',
    icon: <Icon name="robot" size={18} />,
  },
  {
    to: '/settings/reminders',
    needs: 'settings.manage',
    label: 'settings.reminders.title',
    icon: <Icon name="clock" size={18} />,
  },
  {
    to: '/settings/safety',
    needs: 'clinic.read',
    label: 'safety.settings.title',
    icon: <Icon name="alert" size={18} />,
  },
  {
    to: '/settings/duplicates',
    needs: 'contacts.read',
    label: 'patients.duplicates.title',
    icon: <Icon name="users" size={18} />,
  },
  {
    to: '/settings/privacy',
    needs: 'settings.manage',
    label: 'privacy.settings.title',
    icon: <Icon name="lock" size={18} />,
  },
  {
    to: '/settings/ehr',
    needs: 'settings.manage',
    label: 'ehr.title',
    icon: <Icon name="stethoscope" size={18} />,
  },
  {
    to: '/settings/pharmacies',
    needs: 'settings.manage',
    label: 'pharmacySettings.title',
    icon: <Icon name="pharmacy" size={18} />,
  },
  {
    to: '/settings/exports',
    needs: 'exports.read',
    label: 'exports.title',
    icon: <Icon name="download" size={18} />,
  },
  {
    to: '/settings/integrations',
    needs: 'settings.manage',
    label: 'integrations.title',
    icon: <Icon name="code" size={18} />,
  },
  {
    to: '/settings/alerts',
    needs: 'settings.manage',
    label: 'settings.alerts.title',
    icon: <Icon name="flag" size={18} />,
  },
  {
    to: '/settings/security',
    needs: 'account.own',
    label: 'settings.security.title',
    icon: <Icon name="lock" size={18} />,
  },
  { to: '/settings/audit', needs: 'audit.read', label: 'audit.title', icon: <Icon name="file" size={18} /> },
];

/** What makes the settings a place to work in rather than one's profile. */
const MANAGING: readonly Permission[] = [
  'staff.manage',
  'teams.manage',
  'canned-replies.manage',
  'settings.manage',
];

/**
 * The clinic's settings, each page for the roles allowed it (administrators all; supervisors teams and
 * saved replies). Others see their profile, the safety settings and their own sessions.
 */
export function SettingsPage() {
  const { t } = useTranslation();
  const can = useCan();
  const manages = MANAGING.some(can);
  const location = useLocation();
  const page = PAGES.find((p) => location.pathname.startsWith(p.to));
  // `/settings` itself leads a manager to their first page (SettingsHome), the others to their profile.
  const allowed = page ? can(page.needs) : manages;
  return (
    <div className={classes.shell} data-admin={manages}>
      <StandaloneHeader className={classes.header} />
      {manages ? (
        <>
          <nav className={classes.nav} aria-label={t('settings.title')}>
            <Text component="h2" className={classes.navTitle}>
              {t('settings.title')}
            </Text>
            {PAGES.filter((p) => can(p.needs)).map((p) => (
              <SettingsLink key={p.to} to={p.to} icon={p.icon}>
                {t(p.label)}
              </SettingsLink>
            ))}
          </nav>
          <main className={classes.main}>
            <div className={classes.content}>{allowed ? <Outlet /> : <AdminsOnly />}</div>
          </main>
        </>
      ) : (
        <main className={classes.main}>
          {/* The others read the safety settings and manage their own sessions. */}
          {allowed ? (
            <div className={classes.content}>
              <Outlet />
            </div>
          ) : (
            <AdminsOnly />
          )}
        </main>
      )}
    </div>
  );
}

/** `/settings`: the first page the role may use, or the profile. */
export function SettingsHome() {
  const can = useCan();
  const first = MANAGING.some(can) ? PAGES.find((p) => can(p.needs)) : undefined;
  return first ? <Navigate to={first.to} replace /> : null;
}

function SettingsLink({ to, icon, children }: { to: string; icon: ReactNode; children: string }) {
  const active = useMatch({ path: to, end: false }) !== null;
  return (
    <NavLink
      component={RouterLink}
      to={to}
      label={children}
      leftSection={icon}
      active={active}
      variant="light"
      className={classes.navLink}
    />
  );
}
