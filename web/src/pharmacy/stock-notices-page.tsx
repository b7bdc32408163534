import { Alert, Badge, Button, Group, Paper, Skeleton, Stack, Table, Text } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { describeError } from '../api/describe-error.ts';
import { listPartners, pharmacyKeys, type StockNotice, stockNoticesApi } from '../api/pharmacy-api.ts';
import { useFormatters } from '../format/formatters.ts';
import { useCan } from '../session/permissions.ts';
import { useSignedIn } from '../session/session-context.tsx';
import { Icon } from '../ui/icons.tsx';
import { useNotify } from '../ui/toasts.tsx';
import { isPharmacyOrg } from './org-kind.ts';
import classes from './pharmacy-page.module.css';
import { PharmacyShell } from './pharmacy-shell.tsx';
import { StockNoticeDialog } from './stock-notice-dialog.tsx';
import { medicationLabel } from './stock-warning.tsx';

/**
 * A clinic: the notices in force of its partner pharmacies (and those it recorded from what a pharmacy
 * reached on WhatsApp said). A pharmacy: its own notices, published to its partner clinics, to withdraw.
 */
export function StockNoticesPage() {
  const { t } = useTranslation();
  const session = useSignedIn();
  const can = useCan();
  const notify = useNotify();
  const queryClient = useQueryClient();
  const format = useFormatters(session.user.org.time_zone);
  const pharmacy = isPharmacyOrg(session);
  const notices = useQuery({ queryKey: pharmacyKeys.notices, queryFn: () => stockNoticesApi.list() });
  const partners = useQuery({
    queryKey: pharmacyKeys.partners,
    queryFn: listPartners,
    enabled: !pharmacy,
  });
  const channelPartners = (partners.data ?? []).filter((p) => p.reach.kind === 'channel');
  const [publishing, setPublishing] = useState(false);
  const withdraw = useMutation({
    mutationFn: (notice: StockNotice) => stockNoticesApi.withdraw(notice.id),
    onSuccess: (notice) => {
      void queryClient.invalidateQueries({ queryKey: pharmacyKeys.notices });
      notify(t('pharmacy.notices.withdrawn', { medication: notice.medication }), 'careline');
    },
    onError: (error) => notify(describeError(error, t)),
  });
  const writes = can('prescriptions.write') && (pharmacy || channelPartners.length > 0);

  return (
    <PharmacyShell
      title={t('pharmacy.notices.title')}
      description={t(
        pharmacy ? 'pharmacy.notices.descriptionPharmacy' : 'pharmacy.notices.descriptionClinic',
      )}
      action={
        writes && (
          <Button leftSection={<Icon name="plus" size={16} />} onClick={() => setPublishing(true)}>
            {t(pharmacy ? 'pharmacy.notices.publish' : 'pharmacy.notices.record')}
          </Button>
        )
      }
    >
      {notices.isError && (
        <Alert color="red" variant="light" icon={<Icon name="alert" />}>
          {describeError(notices.error, t)}
        </Alert>
      )}
      {notices.isPending && <Skeleton h={160} radius="md" />}
      {notices.data && notices.data.data.length === 0 && (
        <div className={classes.empty}>
          {t(pharmacy ? 'pharmacy.notices.noneOwn' : 'pharmacy.notices.none')}
        </div>
      )}
      {notices.data && notices.data.data.length > 0 && (
        <Paper withBorder radius="md">
          <Table verticalSpacing="sm" horizontalSpacing="md" aria-label={t('pharmacy.notices.title')}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('pharmacy.notices.medication')}</Table.Th>
                <Table.Th>{t('pharmacy.notices.status')}</Table.Th>
                {!pharmacy && <Table.Th>{t('pharmacy.notices.pharmacy')}</Table.Th>}
                <Table.Th>{t('pharmacy.notices.message')}</Table.Th>
                <Table.Th>{t('pharmacy.notices.expires')}</Table.Th>
                <Table.Th />
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {notices.data.data.map((notice) => (
                <Table.Tr key={notice.id} data-active={notice.active || undefined}>
                  <Table.Td>
                    <Text size="sm" fw={500}>
                      {medicationLabel(notice)}
                    </Text>
                  </Table.Td>
                  <Table.Td>
                    <Group gap={6}>
                      <Badge variant="light" color={notice.status === 'short' ? 'orange' : 'teal'}>
                        {t(`pharmacy.notices.statuses.${notice.status}`)}
                      </Badge>
                      {!notice.active && (
                        <Badge variant="outline" color="gray">
                          {t(
                            notice.withdrawn_at
                              ? 'pharmacy.notices.isWithdrawn'
                              : 'pharmacy.notices.isInactive',
                          )}
                        </Badge>
                      )}
                    </Group>
                  </Table.Td>
                  {!pharmacy && (
                    <Table.Td>
                      <Text size="sm">{notice.pharmacy.name}</Text>
                      {notice.recorded_by === 'clinic' && (
                        <Text size="xs" c="dimmed">
                          {t('pharmacy.notices.recordedByClinic')}
                        </Text>
                      )}
                    </Table.Td>
                  )}
                  <Table.Td>
                    <Text size="sm" c={notice.message ? undefined : 'dimmed'}>
                      {notice.message ?? '—'}
                    </Text>
                  </Table.Td>
                  <Table.Td>
                    <Text size="sm">{format.dateTime(notice.expires_at)}</Text>
                  </Table.Td>
                  <Table.Td>
                    {notice.can_withdraw && notice.active && can('prescriptions.write') && (
                      <Button
                        size="compact-sm"
                        variant="subtle"
                        color="red"
                        loading={withdraw.isPending && withdraw.variables?.id === notice.id}
                        onClick={() => withdraw.mutate(notice)}
                      >
                        {t('pharmacy.notices.withdraw')}
                      </Button>
                    )}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Paper>
      )}
      <Stack mt="md">
        {!pharmacy && partners.data && partners.data.length === 0 && (
          <Text size="sm" c="dimmed">
            {t('pharmacy.notices.noPartners')}
          </Text>
        )}
      </Stack>
      <StockNoticeDialog
        opened={publishing}
        pharmacy={pharmacy}
        partners={channelPartners}
        onClose={() => setPublishing(false)}
      />
    </PharmacyShell>
  );
}
