import { useQuery } from '@tanstack/react-query';
import { inboxApi, queryKeys } from './inbox-api.ts';
import type { Page, StaffUser, Team } from './types.ts';

/** The clinic's staff (with who is online) and teams, for assignment. */
export function useStaff() {
  const users = useQuery({
    queryKey: queryKeys.users,
    queryFn: async () => itemsOf<StaffUser>(await inboxApi.users()),
    staleTime: 30_000,
  });
  const teams = useQuery({
    queryKey: queryKeys.teams,
    queryFn: async () => itemsOf<Team>(await inboxApi.teams()),
    staleTime: 60_000,
  });
  return { users, teams };
}

/** Lists come as `{data: [...]}`; tolerate a bare array too. */
function itemsOf<T>(value: Page<T> | T[] | null): T[] {
  if (Array.isArray(value)) return value;
  return value?.data ?? [];
}
