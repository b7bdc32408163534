import { Alert, Badge, Button, Group, Paper, Skeleton, Stack, Text } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { TFunction } from 'i18next';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { describeError } from '../../api/describe-error.ts';
import { settingsApi, settingsKeys } from '../../api/settings-api.ts';
import type { ActiveSession } from '../../api/settings-types.ts';
import { useFormatters } from '../../format/formatters.ts';
import { useSession, useSignedIn } from '../../session/session-context.tsx';
import { Icon } from '../../ui/icons.tsx';
import { useNotify } from '../../ui/toasts.tsx';
import { ConfirmDialog } from '../confirm-dialog.tsx';
import { PageHeader } from '../page-header.tsx';
import { TwoFactorSection } from './two-factor-section.tsx';

/** Sessions are touched at most once a minute: within this, a session is "in use now". */
const IN_USE_WITHIN_MS = 2 * 60_000;

/**
 * Two-factor sign-in (TwoFactorSection), and the browsers signed in to one's own account, so that a computer left signed in at the front desk
 * or a lost phone can be signed out from here. Everyone has it, agents included.
 */
export function SecurityPage() {
  const { t } = useTranslation();
  const notify = useNotify();
  const queryClient = useQueryClient();
  const [confirmingOthers, setConfirmingOthers] = useState(false);
  const sessions = useQuery({ queryKey: settingsKeys.sessions, queryFn: settingsApi.sessions });
  const others = sessions.data?.data.filter((s) => !s.current).length ?? 0;

  const signOutOthers = useMutation({
    mutationFn: settingsApi.signOutOtherSessions,
    onSuccess: ({ signed_out: count }) => {
      setConfirmingOthers(false);
      notify(t('settings.security.othersSignedOut', { count }), 'careline');
      void queryClient.invalidateQueries({ queryKey: settingsKeys.sessions });
    },
  });

  return (
    <>
      <PageHeader
        title={t('settings.security.title')}
        description={t('settings.security.description')}
        action={
          <Button
            variant="light"
            color="red"
            leftSection={<Icon name="logout" size={16} />}
            disabled={others === 0}
            onClick={() => {
              signOutOthers.reset();
              setConfirmingOthers(true);
            }}
          >
            {t('settings.security.signOutOthers')}
          </Button>
        }
      />
      <TwoFactorSection />
      {sessions.isError && (
        <Alert color="red" variant="light" icon={<Icon name="alert" />} mb="md">
          {describeError(sessions.error, t)}
        </Alert>
      )}
      {sessions.isPending && <Skeleton height={96} radius="lg" />}
      <Stack gap="sm">
        {sessions.data?.data.map((session) => (
          <SessionCard key={session.id} session={session} />
        ))}
      </Stack>
      <ConfirmDialog
        opened={confirmingOthers}
        title={t('settings.security.signOutOthersTitle')}
        body={t('settings.security.signOutOthersBody', { count: others })}
        confirmLabel={t('settings.security.signOutOthers')}
        danger
        busy={signOutOthers.isPending}
        error={signOutOthers.isError ? describeError(signOutOthers.error, t) : null}
        onConfirm={() => signOutOthers.mutate()}
        onClose={() => setConfirmingOthers(false)}
      />
    </>
  );
}

function SessionCard({ session }: { session: ActiveSession }) {
  const { t } = useTranslation();
  const { user } = useSignedIn();
  const { signOut } = useSession();
  const format = useFormatters(user.org.time_zone);
  const notify = useNotify();
  const queryClient = useQueryClient();
  const device = deviceName(session, t);
  const end = useMutation({
    mutationFn: () => settingsApi.signOutSession(session.id),
    onSuccess: () => {
      notify(t('settings.security.signedOut', { device }), 'careline');
      void queryClient.invalidateQueries({ queryKey: settingsKeys.sessions });
    },
  });
  const inUse = session.current || Date.now() - Date.parse(session.last_used_at) < IN_USE_WITHIN_MS;

  return (
    <Paper withBorder radius="lg" p="md" data-testid="session-row" data-current={session.current}>
      <Group justify="space-between" wrap="nowrap" gap="md" align="center">
        <Group gap="md" wrap="nowrap" style={{ minWidth: 0 }}>
          <Icon name={isPhone(session) ? 'phone' : 'world'} size={28} />
          <div style={{ minWidth: 0 }}>
            <Group gap="xs" wrap="nowrap">
              <Text fw={600} size="sm" truncate>
                {device}
              </Text>
              {session.current && (
                <Badge variant="light" color="careline" size="sm">
                  {t('settings.security.thisBrowser')}
                </Badge>
              )}
            </Group>
            <Text size="xs" c="dimmed">
              {t('settings.security.signedInAt', { when: format.dateTime(session.created_at) })}
              {session.ip_prefix && ` · ${t('settings.security.network', { network: session.ip_prefix })}`}
            </Text>
            <Text size="xs" c={inUse ? 'careline' : 'dimmed'}>
              {inUse
                ? t('settings.security.inUse')
                : t('settings.security.lastActive', { elapsed: format.elapsed(session.last_used_at) })}
            </Text>
            {end.isError && (
              <Text size="xs" c="red" role="alert">
                {describeError(end.error, t)}
              </Text>
            )}
          </div>
        </Group>
        <Button
          variant="default"
          size="xs"
          loading={end.isPending}
          aria-label={t('settings.security.signOutName', { device })}
          onClick={() => (session.current ? void signOut() : end.mutate())}
        >
          {t('settings.security.signOut')}
        </Button>
      </Group>
    </Paper>
  );
}

/** "Firefox on Windows"; a browser Careline did not recognise is named as such. */
function deviceName(session: ActiveSession, t: TFunction): string {
  const browser = session.browser ?? t('settings.security.unknownBrowser');
  return session.os ? t('settings.security.device', { browser, os: session.os }) : browser;
}

function isPhone(session: ActiveSession): boolean {
  return session.os === 'iOS' || session.os === 'Android';
}
