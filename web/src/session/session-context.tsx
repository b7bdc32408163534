import { useQuery, useQueryClient } from '@tanstack/react-query';
import { createContext, type ReactNode, useCallback, useContext, useEffect, useMemo, useState } from 'react';
import { setCsrfToken, setUnauthorizedHandler } from '../api/http-client.ts';
import { authApi, queryKeys } from '../api/inbox-api.ts';
import type { Session } from '../api/types.ts';
import { asLanguage, chooseLanguage, hasChosenLanguage } from '../i18n/i18n.ts';

interface SessionState {
  /** undefined while the first check runs; null when nobody is signed in. */
  session: Session | null | undefined;
  /** Set when the session ended by itself (expired, revoked), to say so on the sign-in page. */
  expired: boolean;
  signedIn(session: Session): void;
  signOut(): Promise<void>;
}

const SessionContext = createContext<SessionState | null>(null);

/** Who is signed in, from `GET /auth/me`; keeps the CSRF token for every change the app makes. */
export function SessionProvider({ children }: { children: ReactNode }) {
  const queryClient = useQueryClient();
  const [expired, setExpired] = useState(false);
  const me = useQuery({
    queryKey: queryKeys.session,
    queryFn: async (): Promise<Session | null> => {
      try {
        return await authApi.me();
      } catch {
        // 401, or a backend without sessions yet: either way, the sign-in page.
        return null;
      }
    },
    staleTime: Number.POSITIVE_INFINITY,
    retry: false,
  });
  const session = me.data;

  useEffect(() => {
    setCsrfToken(session?.csrf_token ?? null);
    const preferred = asLanguage(session?.user.language);
    if (preferred && !hasChosenLanguage()) chooseLanguage(preferred);
  }, [session]);

  useEffect(() => {
    setUnauthorizedHandler(() => {
      if (queryClient.getQueryData(queryKeys.session)) {
        setExpired(true);
        queryClient.setQueryData(queryKeys.session, null);
      }
    });
    return () => setUnauthorizedHandler(null);
  }, [queryClient]);

  const signedIn = useCallback(
    (next: Session) => {
      setExpired(false);
      setCsrfToken(next.csrf_token);
      queryClient.setQueryData(queryKeys.session, next);
    },
    [queryClient],
  );

  const signOut = useCallback(async () => {
    try {
      await authApi.logout();
    } catch {
      // Signed out locally either way; the cookie expires on its own.
    }
    setCsrfToken(null);
    queryClient.removeQueries({ predicate: (query) => query.queryKey[0] !== queryKeys.session[0] });
    queryClient.setQueryData(queryKeys.session, null);
  }, [queryClient]);

  const value = useMemo(
    () => ({ session: me.isPending ? undefined : (session ?? null), expired, signedIn, signOut }),
    [me.isPending, session, expired, signedIn, signOut],
  );
  return <SessionContext.Provider value={value}>{children}</SessionContext.Provider>;
}

export function useSession(): SessionState {
  const state = useContext(SessionContext);
  if (!state) throw new Error('useSession needs a SessionProvider');
  return state;
}

/** The signed-in session, inside pages that RequireSession guards. */
export function useSignedIn(): Session {
  const { session } = useSession();
  if (!session) throw new Error('useSignedIn outside a signed-in page');
  return session;
}
