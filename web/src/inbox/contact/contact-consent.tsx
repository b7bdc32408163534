import { Alert, Badge, Button, Skeleton, Stack, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { describeError } from '../../api/describe-error.ts';
import type { ConsentRecord, ConsentState } from '../../api/reminder-types.ts';
import { schedulingApi, schedulingKeys } from '../../api/scheduling-api.ts';
import type { ChannelType } from '../../api/settings-types.ts';
import { useStaff } from '../../api/staff.ts';
import { useFormatters } from '../../format/formatters.ts';
import { Icon } from '../../ui/icons.tsx';
import { ConsentDialog } from './consent-dialog.tsx';
import { type ConsentHow, consentHow } from './consent-wording.ts';
import classes from './contact-panel.module.css';

const STATE_COLORS: Record<ConsentState, string> = { granted: 'careline', withdrawn: 'red', unknown: 'gray' };
const HISTORY_SHOWN = 10;

interface Props {
  contact: { id: string; name: string; language: string | null };
  /** The apps the patient writes from, for the answer staff record. */
  channels: readonly ChannelType[];
  timeZone: string;
  /** Opened from the section's heading. */
  recording: boolean;
  onRecordingClose(): void;
}

/**
 * Whether the patient agreed to appointment reminders on WhatsApp, when and how, and the ledger
 * behind it. Reminders are only sent with their agreement.
 */
export function ContactConsent({ contact, channels, timeZone, recording, onRecordingClose }: Props) {
  const { t } = useTranslation();
  const format = useFormatters(timeZone);
  const { users } = useStaff();
  const [showHistory, setShowHistory] = useState(false);
  const consents = useQuery({
    queryKey: schedulingKeys.consents(contact.id),
    queryFn: () => schedulingApi.consents(contact.id),
  });
  const staffName = (id: string) => users.data?.find((user) => user.id === id)?.name ?? null;
  const describeHow = (how: ConsentHow): string => {
    switch (how.kind) {
      case 'chat':
        return t('consent.how.chat');
      case 'keyword':
        return t('consent.how.keyword', { keyword: how.keyword });
      case 'staff':
        return how.name ? t('consent.how.staff', { name: how.name }) : t('consent.how.staffUnknown');
      case 'api':
        return t('consent.how.api');
    }
  };

  if (consents.isPending) return <Skeleton height={40} />;
  if (consents.isError) {
    return (
      <Alert color="gray" variant="light" icon={<Icon name="alert" />}>
        {t('consent.loadFailed', { reason: describeError(consents.error, t) })}
      </Alert>
    );
  }
  const reminders = consents.data.current.find(
    (c) => c.channel === 'whatsapp' && c.purpose === 'appointment_reminders',
  );
  const state = reminders?.state ?? 'unknown';
  const record = reminders?.record ?? null;
  const history = consents.data.history.filter((r) => r.channel === 'whatsapp');

  return (
    <Stack gap={8} data-testid="contact-consent">
      <div className={classes.consentState}>
        <span style={{ color: `var(--mantine-color-${STATE_COLORS[state]}-7)`, marginTop: 2 }}>
          <Icon name="shield" size={18} />
        </span>
        <div style={{ minWidth: 0, flex: 1 }}>
          <Text size="sm" fw={500}>
            {t('consent.reminders')}{' '}
            <Badge size="sm" variant="light" color={STATE_COLORS[state]} ml={4} data-testid="consent-state">
              {t(`consent.state.${state}`)}
            </Badge>
          </Text>
          {record ? (
            <>
              <Text size="xs" c="dimmed">
                {t(record.granted ? 'consent.grantedOn' : 'consent.withdrawnOn', {
                  time: format.dateTime(record.recorded_at),
                  how: describeHow(consentHow(record, staffName)),
                })}
              </Text>
              {record.method !== 'keyword' && (
                <p className={classes.quote}>{t('consent.quoted', { text: record.text_shown })}</p>
              )}
            </>
          ) : (
            <Text size="xs" c="dimmed">
              {t('consent.unknownHint')}
            </Text>
          )}
        </div>
      </div>
      {history.length > 0 && (
        <Button
          variant="subtle"
          color="gray"
          size="compact-xs"
          w="fit-content"
          onClick={() => setShowHistory((shown) => !shown)}
          aria-expanded={showHistory}
          leftSection={<Icon name="history" size={14} />}
        >
          {showHistory ? t('consent.hideHistory') : t('consent.history', { count: history.length })}
        </Button>
      )}
      {showHistory && (
        <ul className={classes.history} aria-label={t('consent.historyLabel')}>
          {history.slice(0, HISTORY_SHOWN).map((line) => (
            <HistoryLine
              key={line.id}
              record={line}
              when={format.dateTime(line.recorded_at)}
              how={describeHow(consentHow(line, staffName))}
            />
          ))}
        </ul>
      )}
      <ConsentDialog opened={recording} contact={contact} channels={channels} onClose={onRecordingClose} />
    </Stack>
  );
}

function HistoryLine({ record, when, how }: { record: ConsentRecord; when: string; how: string }) {
  const { t } = useTranslation();
  return (
    <li className={classes.historyItem}>
      <Text size="xs">
        <Text span fw={600} c={record.granted ? 'careline.8' : 'red.7'}>
          {t(record.granted ? 'consent.state.granted' : 'consent.state.withdrawn')}
        </Text>
        {' · '}
        {t(`consent.purposes.${record.purpose}`)}
      </Text>
      <Text size="xs" c="dimmed">
        {when} · {how}
      </Text>
      {record.method !== 'keyword' && (
        <p className={classes.quote}>{t('consent.quoted', { text: record.text_shown })}</p>
      )}
    </li>
  );
}
