import { useQuery } from '@tanstack/react-query';
import { useMemo } from 'react';
import { broadcastKeys, broadcastsApi } from '../api/broadcasts-api.ts';

/** The clinic's groups by id (archived ones too: past broadcasts name them). */
export function useGroupNames(): ReadonlyMap<string, string> {
  const groups = useQuery({ queryKey: broadcastKeys.allGroups, queryFn: () => broadcastsApi.groups(true) });
  return useMemo(
    () => new Map((groups.data?.data ?? []).map((group) => [group.id, group.name])),
    [groups.data],
  );
}
