import { Button, Group, Text, Tooltip } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { LiveState } from '../../api/live-events.ts';
import { isPharmacyOrg } from '../../pharmacy/org-kind.ts';
import { AccountMenu } from '../../session/account-menu.tsx';
import { useCan } from '../../session/permissions.ts';
import { useSignedIn } from '../../session/session-context.tsx';
import { Brand } from '../../ui/brand.tsx';
import { Icon, type IconName } from '../../ui/icons.tsx';
import { LanguageSwitch } from '../../ui/language-switch.tsx';
import classes from './inbox-header.module.css';
import { SearchBox } from './search-box.tsx';

export function InboxHeader({ live }: { live: LiveState }) {
  const session = useSignedIn();
  const { user } = session;
  const can = useCan();
  const { t } = useTranslation();
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
        {can('prescriptions.read') && isPharmacyOrg(session) && (
          <HeaderLink
            to="/pharmacy/orders"
            icon="prescription"
            label={t('pharmacy.nav.orders')}
            hint={t('pharmacy.nav.ordersHint')}
          />
        )}
        <HeaderLink to="/agenda" icon="calendar" label={t('header.agenda')} hint={t('header.agendaHint')} />
        {can('groups.manage') && (
          <HeaderLink to="/groups" icon="team" label={t('groups.nav')} hint={t('groups.navHint')} />
        )}
        {can('broadcasts.manage') && (
          <HeaderLink
            to="/broadcasts"
            icon="speakerphone"
            label={t('broadcasts.nav')}
            hint={t('broadcasts.navHint')}
          />
        )}
        <HeaderLink
          to="/inbox/groups"
          icon="brand-whatsapp"
          label={t('careGroups.nav')}
          hint={t('careGroups.navHint')}
        />
        {can('prescriptions.read') && (
          <HeaderLink
            to="/stock-notices"
            icon="pill"
            label={t('pharmacy.nav.notices')}
            hint={t('pharmacy.nav.noticesHint')}
          />
        )}
        {can('reports.read') && (
          <HeaderLink to="/reports" icon="chart" label={t('reports.nav')} hint={t('reports.navHint')} />
        )}
        <LiveIndicator state={live} />
        <LanguageSwitch />
        <AccountMenu />
      </Group>
    </header>
  );
}

/** A page of its own one click from the conversations: the agenda, the reports. */
function HeaderLink({ to, icon, label, hint }: { to: string; icon: IconName; label: string; hint: string }) {
  return (
    <Tooltip label={hint} withArrow>
      <Button
        component={Link}
        to={to}
        variant="subtle"
        size="sm"
        leftSection={<Icon name={icon} size={16} />}
        className={classes.agendaLink}
      >
        {label}
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
