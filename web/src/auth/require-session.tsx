import { Center, Loader } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Navigate, Outlet, useLocation } from 'react-router';
import { LiveEventsProvider } from '../live/live-events-provider.tsx';
import { sessionCan } from '../session/permissions.ts';
import { useSession } from '../session/session-context.tsx';
import { TwoFactorRequiredPage } from './two-factor-required-page.tsx';

/** Pages for signed-in staff: others go to the sign-in page, and come back where they were going. */
export function RequireSession() {
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
      <Outlet />
    </LiveEventsProvider>
  );
}
