import { Alert, Text } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { pharmacyKeys, stockNoticesApi } from '../api/pharmacy-api.ts';
import { useFormatters } from '../format/formatters.ts';
import { Icon } from '../ui/icons.tsx';

/**
 * Under a medicine of the order form: the active stock notices of the partner pharmacies about it (the
 * server matches the name without case, accents, strength or form). A shortage is a warning, a return is
 * information; the chosen pharmacy's first.
 */
export function StockWarning({
  medication,
  pharmacyId,
  timeZone,
}: {
  medication: string;
  pharmacyId: string | null;
  timeZone: string;
}) {
  const { t } = useTranslation();
  const format = useFormatters(timeZone);
  const [debounced] = useDebouncedValue(medication.trim(), 300);
  const notices = useQuery({
    queryKey: pharmacyKeys.noticesOf(debounced),
    queryFn: () => stockNoticesApi.list({ medication: debounced }),
    enabled: debounced.length >= 3,
    staleTime: 30_000,
  });
  if (debounced.length < 3 || !notices.data) return null;
  const sorted = [...notices.data.data].sort(
    (a, b) => Number(b.pharmacy.id === pharmacyId) - Number(a.pharmacy.id === pharmacyId),
  );
  return (
    <>
      {sorted.map((notice) => (
        <Alert
          key={notice.id}
          color={notice.status === 'short' ? 'orange' : 'blue'}
          variant="light"
          icon={<Icon name={notice.status === 'short' ? 'warning' : 'info'} />}
          title={t(notice.status === 'short' ? 'pharmacy.notices.warnShort' : 'pharmacy.notices.warnBack', {
            pharmacy: notice.pharmacy.name,
            medication: medicationLabel(notice),
          })}
          data-testid="stock-warning"
          data-status={notice.status}
          p="xs"
        >
          {notice.message && <Text size="sm">{notice.message}</Text>}
          <Text size="xs" c="dimmed">
            {t('pharmacy.notices.until', { date: format.dateTime(notice.expires_at) })}
          </Text>
        </Alert>
      ))}
    </>
  );
}

/** "Amoxicilline 1 g, gélule". */
export function medicationLabel(item: {
  medication: string;
  strength?: string | null;
  form?: string | null;
}): string {
  const head = [item.medication, item.strength].filter(Boolean).join(' ');
  return item.form ? `${head}, ${item.form}` : head;
}
