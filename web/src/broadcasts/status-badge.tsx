import { Badge } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { BroadcastStatus } from '../api/broadcasts-api.ts';

const COLORS: Record<BroadcastStatus, string> = {
  scheduled: 'blue',
  sending: 'orange',
  completed: 'teal',
  cancelled: 'gray',
};

/** Where a broadcast stands, as a coloured label. */
export function BroadcastStatusBadge({ status }: { status: BroadcastStatus }) {
  const { t } = useTranslation();
  return (
    <Badge color={COLORS[status]} variant="light" radius="sm">
      {t(`broadcasts.status.${status}`)}
    </Badge>
  );
}
