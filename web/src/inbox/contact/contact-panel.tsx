import {
  Alert,
  Avatar,
  Badge,
  Button,
  CloseButton,
  Group,
  Skeleton,
  Stack,
  TagsInput,
  Text,
  UnstyledButton,
} from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type ReactNode, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { describeError } from '../../api/describe-error.ts';
import { inboxApi, queryKeys } from '../../api/inbox-api.ts';
import type { ChannelType } from '../../api/settings-types.ts';
import type { ContactDetails, ContactIdentity, ContactPatch, Conversation } from '../../api/types.ts';
import { useFormatters } from '../../format/formatters.ts';
import { avatarColor, contactName, formatPhone, initialsOf } from '../../format/people.ts';
import { PatientMerges } from '../../patients/patient-merges.tsx';
import { PatientOrders } from '../../pharmacy/patient-orders.tsx';
import { PrescriptionDialog } from '../../pharmacy/prescription-dialog.tsx';
import { sessionCan } from '../../session/permissions.ts';
import { useSignedIn } from '../../session/session-context.tsx';
import { CHANNEL_NAMES } from '../../ui/channel-icon.tsx';
import { Icon, type IconName } from '../../ui/icons.tsx';
import { useNotify } from '../../ui/toasts.tsx';
import { ContactAppointments } from './contact-appointments.tsx';
import { ContactConsent } from './contact-consent.tsx';
import { ContactFields } from './contact-fields.tsx';
import { ContactLanguage } from './contact-language.tsx';
import classes from './contact-panel.module.css';
import { EditableName } from './editable-name.tsx';
import { PatientRights } from './patient-rights.tsx';

interface Props {
  conversation: Conversation;
  timeZone: string;
  onClose(): void;
  onOpen(conversationId: string): void;
}

const STATUS_COLORS = { open: 'careline', pending: 'yellow', closed: 'gray' } as const;

/** The patient: name (editable), number, identities, language, tags, fields, and their past conversations. */
export function ContactPanel({ conversation, timeZone, onClose, onOpen }: Props) {
  const { t } = useTranslation();
  const format = useFormatters(timeZone);
  const notify = useNotify();
  const queryClient = useQueryClient();
  const contactId = conversation.contact.id;
  const contact = useQuery({
    queryKey: queryKeys.contact(contactId),
    queryFn: () => inboxApi.contact(contactId),
  });
  const update = useMutation({
    mutationFn: (patch: ContactPatch) => inboxApi.updateContact(contactId, patch),
    // A read under way would answer after the save and put the old profile back on screen.
    onMutate: () => queryClient.cancelQueries({ queryKey: queryKeys.contact(contactId) }),
    onSuccess: (saved) => {
      if (saved && typeof saved === 'object' && 'id' in saved)
        queryClient.setQueryData(queryKeys.contact(contactId), saved);
      void queryClient.invalidateQueries({ queryKey: queryKeys.conversations });
    },
    onError: (error) => notify(t('contact.saveFailed', { reason: describeError(error, t) })),
    onSettled: () => queryClient.invalidateQueries({ queryKey: queryKeys.contact(contactId) }),
  });
  const details = contact.data;
  const name = contactName(details ?? conversation.contact);
  const [booking, setBooking] = useState(false);
  const [recordingConsent, setRecordingConsent] = useState(false);
  const [prescribing, setPrescribing] = useState(false);
  const session = useSignedIn();
  // GDPR rights (export, erasure) are the administrators'; the audit, theirs and the auditors'.
  const admin = sessionCan(session, 'privacy.manage');
  const readsAudit = sessionCan(session, 'audit.read');
  const navigate = useNavigate();

  return (
    <Stack gap={0} className={classes.panel}>
      <Group justify="space-between" className={classes.bar}>
        <Text fw={600} size="sm">
          {t('contact.title')}
        </Text>
        <CloseButton aria-label={t('contact.hide')} onClick={onClose} />
      </Group>
      <Stack align="center" gap={6} className={classes.identity}>
        <Avatar size={72} radius="xl" color={avatarColor(contactId)} variant="light">
          <Text fz={26} fw={600}>
            {initialsOf(name)}
          </Text>
        </Avatar>
        <EditableName
          value={details?.display_name ?? conversation.contact.display_name ?? ''}
          fallback={name}
          onSave={(display_name) => update.mutate({ display_name })}
          saving={update.isPending}
        />
        <Text c="dimmed" size="sm">
          {formatPhone(details?.phone ?? conversation.contact.phone)}
        </Text>
        {readsAudit && (
          <Button
            component={Link}
            to={`/settings/audit?patient=${contactId}`}
            size="compact-xs"
            variant="subtle"
            leftSection={<Icon name="lock" size={12} />}
          >
            {t('audit.whoHasSeen')}
          </Button>
        )}
      </Stack>

      {contact.isPending && (
        <Stack p="md" gap="xs">
          <Skeleton height={12} />
          <Skeleton height={12} width="70%" />
          <Skeleton height={12} width="80%" />
        </Stack>
      )}
      {contact.isError && (
        <Alert m="md" color="gray" variant="light" icon={<Icon name="alert" />}>
          {t('contact.detailsUnavailable', { reason: describeError(contact.error, t) })}
        </Alert>
      )}
      {details && (
        <>
          <PatientMerges
            contactId={contactId}
            timeZone={timeZone}
            canMerge={sessionCan(session, 'contacts.write')}
          />
          <Section title={t('contact.details')}>
            <Field icon="phone" label={t('contact.phone')}>
              {formatPhone(details.phone) || '—'}
            </Field>
            <Field icon="world" label={t('contact.language')}>
              <ContactLanguage contact={details} />
            </Field>
            <Field icon="id" label={t('contact.identities')}>
              {details.identities.length === 0 ? (
                t('contact.none')
              ) : (
                <Stack gap={2}>
                  {details.identities.map((identity) => (
                    <Text
                      key={`${identityKind(identity)}:${identityValue(identity)}`}
                      size="sm"
                      className={classes.mono}
                    >
                      <Badge size="xs" variant="light" color="careline" mr={6}>
                        {identityKind(identity)}
                      </Badge>
                      {identityValue(identity)}
                    </Text>
                  ))}
                </Stack>
              )}
            </Field>
          </Section>
          <Section
            title={t('contactAppointments.title')}
            action={
              <Button
                size="compact-sm"
                variant="light"
                leftSection={<Icon name="plus" size={14} />}
                onClick={() => setBooking(true)}
              >
                {t('contactAppointments.book')}
              </Button>
            }
          >
            <ContactAppointments
              contact={{ id: contactId, name }}
              conversationId={conversation.id}
              booking={booking}
              onBookingClose={() => setBooking(false)}
            />
          </Section>
          {sessionCan(session, 'prescriptions.read') && (
            <Section
              title={t('pharmacy.orders.title')}
              action={
                sessionCan(session, 'prescriptions.write') && (
                  <Button
                    size="compact-sm"
                    variant="light"
                    leftSection={<Icon name="prescription" size={14} />}
                    onClick={() => setPrescribing(true)}
                  >
                    {t('pharmacy.prescribe')}
                  </Button>
                )
              }
            >
              <PatientOrders
                contactId={contactId}
                timeZone={timeZone}
                canWrite={sessionCan(session, 'prescriptions.write')}
              />
              <PrescriptionDialog
                opened={prescribing}
                contact={{ id: contactId, name }}
                timeZone={timeZone}
                onClose={() => setPrescribing(false)}
              />
            </Section>
          )}
          <Section
            title={t('consent.title')}
            action={
              <Button size="compact-sm" variant="subtle" onClick={() => setRecordingConsent(true)}>
                {t('consent.record')}
              </Button>
            }
          >
            <ContactConsent
              contact={{ id: contactId, name, language: details.language }}
              channels={channelsOf(details.identities)}
              timeZone={timeZone}
              recording={recordingConsent}
              onRecordingClose={() => setRecordingConsent(false)}
            />
          </Section>
          <Section title={t('contact.tags')}>
            <TagsInput
              aria-label={t('contact.tags')}
              placeholder={details.tags.length === 0 ? t('contact.addTag') : undefined}
              value={details.tags}
              onChange={(tags) => {
                queryClient.setQueryData<ContactDetails>(queryKeys.contact(contactId), (old) =>
                  old ? { ...old, tags } : old,
                );
                update.mutate({ tags });
              }}
              size="sm"
              clearable={false}
            />
          </Section>
          <Section title={t('contact.customFields')}>
            <ContactFields contact={details} />
          </Section>
          <Section title={t('contact.conversations')}>
            <Stack gap={4}>
              {[...details.conversations]
                .sort((a, b) => b.last_message_at.localeCompare(a.last_message_at))
                .map((past) => (
                  <UnstyledButton
                    key={past.id}
                    className={classes.past}
                    data-current={past.id === conversation.id || undefined}
                    onClick={() => onOpen(past.id)}
                    aria-current={past.id === conversation.id ? 'page' : undefined}
                  >
                    <Group justify="space-between" gap="xs" wrap="nowrap">
                      <Text size="sm">{format.dateTime(past.last_message_at)}</Text>
                      <Badge size="xs" variant="light" color={STATUS_COLORS[past.status]}>
                        {t(`status.conversation.${past.status}`)}
                      </Badge>
                    </Group>
                  </UnstyledButton>
                ))}
            </Stack>
          </Section>
          {admin && (
            <Section title={t('privacy.settings.title')}>
              <PatientRights
                contact={{
                  id: contactId,
                  name,
                  // What the server checks: the name as stored, else the number.
                  confirmation: details.display_name ?? details.phone ?? 'ERASE',
                }}
                onErased={() => {
                  onClose();
                  void navigate('/inbox');
                }}
              />
            </Section>
          )}
        </>
      )}
    </Stack>
  );
}

function Section({ title, action, children }: { title: string; action?: ReactNode; children: ReactNode }) {
  const heading = (
    <Text component="h4" className={classes.sectionTitle}>
      {title}
    </Text>
  );
  return (
    <section className={classes.section} aria-label={title}>
      {action ? (
        <div className={classes.sectionHead}>
          {heading}
          {action}
        </div>
      ) : (
        heading
      )}
      {children}
    </section>
  );
}

function Field({ icon, label, children }: { icon: IconName; label: string; children: ReactNode }) {
  return (
    <div className={classes.field}>
      <Icon name={icon} size={16} className={classes.fieldIcon} />
      <div className={classes.fieldBody}>
        <Text size="xs" c="dimmed">
          {label}
        </Text>
        <div className={classes.fieldValue}>{children}</div>
      </div>
    </div>
  );
}

/** The apps the patient writes from, each once, in the order their identities came; WhatsApp when none. */
function channelsOf(identities: readonly ContactIdentity[]): ChannelType[] {
  const types = Object.keys(CHANNEL_NAMES) as ChannelType[];
  const known = identities.flatMap((identity) => {
    const channel = types.find((type) => type === identity.channel);
    return channel ? [channel] : [];
  });
  return known.length === 0 ? ['whatsapp'] : [...new Set(known)];
}

function identityKind(identity: ContactIdentity): string {
  return identity.channel;
}

/** How the team recognises the identity: a number first, then a handle, then the channel's ids. */
function identityValue(identity: ContactIdentity): string {
  return (
    (identity.phone ? formatPhone(identity.phone) : null) ??
    (identity.username ? `@${identity.username.replace(/^@/, '')}` : null) ??
    identity.external_id ??
    identity.scoped_id ??
    '—'
  );
}
