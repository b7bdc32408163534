import { Center, Loader } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Navigate, Outlet, useLocation } from 'react-router';
import { LiveEventsProvider } from '../live/live-events-provider.tsx';
import { sessionCan } from '../session/permissions.ts';
import { useSession } from '../session/session-context.tsx';
import { TwoFactorRequiredPage } from './two-factor-required-page.tsx';

/**
 * Pages for signed-in staff: others go to the sign-in page, and come back where they were going.
 * `background` runs beside every such page, inside the live stream (app.tsx gives the red-flag alerts).
 */
export function RequireSession({ background }: { background?: ReactNode }) {
  const { session } = useSession();
  const location = useLocation();
  const { t } = useTranslation();
  if (session === undefined) {
    return (
      <Center h="100vh">
        <Loader aria-label={t('common.loading')} />
      </Center>
    );
  }
  if (session === null) {
    return <Navigate to="/login" replace state={{ from: `${location.pathname}${location.search}` }} />;
  }
  // The clinic requires a second factor this person has not set up: nothing else until it is.
  if (session.two_factor_enrolment_required) return <TwoFactorRequiredPage />;
  return (
    <LiveEventsProvider enabled={sessionCan(session, 'conversations.read')}>
      {background}
      <Outlet />
    </LiveEventsProvider>
  );
}
