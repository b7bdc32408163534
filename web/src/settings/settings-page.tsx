import { Button, Group, NavLink, Text } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, Outlet, NavLink as RouterLink, useMatch } from 'react-router';
import { canReadAudit } from '../api/audit-api.ts';
import { useSignedIn } from '../auth/session-context.tsx';
import { AccountMenu } from '../inbox/header/account-menu.tsx';
import { Brand } from '../ui/brand.tsx';
import { Icon } from '../ui/icons.tsx';
import { LanguageSwitch } from '../ui/language-switch.tsx';
import { AdminsOnly } from './admins-only.tsx';
import { SettingsIcon } from './settings-icons.tsx';
import classes from './settings-page.module.css';

/**
 * The clinic's settings: staff, teams, saved replies, automation and reminders, for administrators;
 * agents see their profile. Everyone reads the safety settings and manages their own sessions.
 */
export function SettingsPage() {
  const { t } = useTranslation();
  const { user } = useSignedIn();
  const admin = user.role === 'admin';
  const safety = useMatch('/settings/safety') !== null;
  const security = useMatch('/settings/security') !== null;
  // Auditors (not administrators) read the audit trail and nothing else of the settings.
  const audit = useMatch('/settings/audit') !== null && canReadAudit(user.role);
  const forEveryone = safety || security || audit;
  return (
    <div className={classes.shell} data-admin={admin}>
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
      {admin ? (
        <>
          <nav className={classes.nav} aria-label={t('settings.title')}>
            <Text component="h2" className={classes.navTitle}>
              {t('settings.title')}
            </Text>
            <SettingsLink to="/settings/staff" icon={<Icon name="users" size={18} />}>
              {t('settings.staff.title')}
            </SettingsLink>
            <SettingsLink to="/settings/teams" icon={<SettingsIcon name="team" size={18} />}>
              {t('settings.teams.title')}
            </SettingsLink>
            <SettingsLink to="/settings/saved-replies" icon={<Icon name="bolt" size={18} />}>
              {t('settings.replies.title')}
            </SettingsLink>
            <SettingsLink to="/settings/automation" icon={<SettingsIcon name="robot" size={18} />}>
              {t('settings.automation.title')}
            </SettingsLink>
            <SettingsLink to="/settings/reminders" icon={<Icon name="clock" size={18} />}>
              {t('settings.reminders.title')}
            </SettingsLink>
            <SettingsLink to="/settings/safety" icon={<Icon name="alert" size={18} />}>
              {t('safety.settings.title')}
            </SettingsLink>
            <SettingsLink to="/settings/privacy" icon={<Icon name="lock" size={18} />}>
              {t('privacy.settings.title')}
            </SettingsLink>
            <SettingsLink to="/settings/alerts" icon={<SettingsIcon name="flag" size={18} />}>
              {t('settings.alerts.title')}
            </SettingsLink>
            <SettingsLink to="/settings/security" icon={<Icon name="lock" size={18} />}>
              {t('settings.security.title')}
            </SettingsLink>
            <SettingsLink to="/settings/audit" icon={<Icon name="file" size={18} />}>
              {t('audit.title')}
            </SettingsLink>
          </nav>
          <main className={classes.main}>
            <div className={classes.content}>
              <Outlet />
            </div>
          </main>
        </>
      ) : (
        <main className={classes.main}>
          {/* Agents read the safety settings and manage their own sessions; the rest is for administrators. */}
          {forEveryone ? (
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
