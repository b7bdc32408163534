import {
  ActionIcon,
  Alert,
  Avatar,
  Badge,
  Button,
  CopyButton,
  Group,
  Modal,
  Paper,
  ScrollArea,
  Select,
  Stack,
  Text,
  Textarea,
  TextInput,
  Title,
  Tooltip,
  UnstyledButton,
} from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import {
  type CareGroup,
  type CareGroupAvailability,
  type CareGroupMessage,
  careGroupKeys,
  careGroupsApi,
} from '../api/care-groups-api.ts';
import { describeError } from '../api/describe-error.ts';
import { type FormErrors, formErrorsOf, NO_ERRORS } from '../api/form-errors.ts';
import { inboxApi } from '../api/inbox-api.ts';
import { useFormatters } from '../format/formatters.ts';
import { avatarColor, contactName, formatPhone, initialsOf } from '../format/people.ts';
import { redFlagLabel } from '../format/red-flag-label.ts';
import { useCan } from '../session/permissions.ts';
import { useSignedIn } from '../session/session-context.tsx';
import { Brand } from '../ui/brand.tsx';
import { Icon } from '../ui/icons.tsx';
import { LanguageSwitch } from '../ui/language-switch.tsx';
import { useNotify } from '../ui/toasts.tsx';
import classes from './care-groups-page.module.css';

/** While a group waits for WhatsApp, or people may write, the page asks again every few seconds. */
const REFRESH_MS = 3000;

/**
 * The inbox's Groups view: the clinic's WhatsApp care groups on the left, a group's participants, invite
 * link, messages and composer on the right; the New care group dialog. Numbers WhatsApp refuses groups
 * on are shown with WhatsApp's reason.
 */
export function CareGroupsPage() {
  const { t } = useTranslation();
  const session = useSignedIn();
  const can = useCan();
  const { groupId } = useParams();
  const navigate = useNavigate();
  const [creating, setCreating] = useState(false);
  const groups = useQuery({
    queryKey: careGroupKeys.all,
    queryFn: careGroupsApi.list,
    refetchInterval: REFRESH_MS,
  });
  const available = groups.data?.availability.filter((a) => a.available) ?? [];
  const unavailable = groups.data?.availability.filter((a) => !a.available) ?? [];
  const selected = groups.data?.data.find((g) => g.id === groupId);

  return (
    <div className={classes.shell}>
      <header className={classes.header}>
        <Group gap="md" wrap="nowrap">
          <Brand size={28} />
          <Text size="sm" c="dimmed" truncate>
            {session.user.org.name}
          </Text>
        </Group>
        <Group gap="sm" wrap="nowrap">
          <Button
            component={Link}
            to="/inbox"
            variant="subtle"
            size="sm"
            leftSection={<Icon name="inbox" size={16} />}
          >
            {t('careGroups.backToInbox')}
          </Button>
          <LanguageSwitch />
        </Group>
      </header>
      <nav className={classes.sidebar} aria-label={t('careGroups.title')}>
        <div className={classes.sidebarHead}>
          <div>
            <Title order={2} size="h4">
              {t('careGroups.title')}
            </Title>
            <Text size="xs" c="dimmed">
              {t('careGroups.subtitle')}
            </Text>
          </div>
          {can('groups.manage') && (
            <Button
              size="xs"
              leftSection={<Icon name="plus" size={14} />}
              onClick={() => setCreating(true)}
              disabled={available.length === 0}
            >
              {t('careGroups.newButton')}
            </Button>
          )}
        </div>
        {unavailable.map((number) => (
          <Unavailable key={number.channel_account_id} number={number} />
        ))}
        {groups.isError && (
          <Alert color="red" variant="light" m="sm" icon={<Icon name="alert" />}>
            {describeError(groups.error, t)}
          </Alert>
        )}
        <ScrollArea className={classes.list}>
          {groups.data?.data.length === 0 && (
            <Stack gap={4} p="md" align="center" ta="center">
              <Icon name="team" size={28} />
              <Text size="sm" fw={600}>
                {t('careGroups.empty')}
              </Text>
              <Text size="xs" c="dimmed">
                {t('careGroups.emptyHint')}
              </Text>
            </Stack>
          )}
          {groups.data?.data.map((group) => (
            <GroupRow
              key={group.id}
              group={group}
              active={group.id === groupId}
              onOpen={() => void navigate(`/inbox/groups/${group.id}`)}
            />
          ))}
        </ScrollArea>
      </nav>
      <main className={classes.main}>
        {selected ? (
          <GroupPane key={selected.id} group={selected} timeZone={session.user.org.time_zone} />
        ) : (
          <div className={classes.pick}>
            <Icon name="users" size={36} />
            <Text c="dimmed">{t('careGroups.pick')}</Text>
          </div>
        )}
      </main>
      <NewCareGroupDialog
        opened={creating}
        numbers={available}
        onClose={() => setCreating(false)}
        onCreated={(group) => {
          setCreating(false);
          void navigate(`/inbox/groups/${group.id}`);
        }}
      />
    </div>
  );
}

function Unavailable({ number }: { number: CareGroupAvailability }) {
  const { t } = useTranslation();
  return (
    <Alert
      color="gray"
      variant="light"
      mx="sm"
      mt="sm"
      icon={<Icon name="lock" />}
      title={t('careGroups.unavailableTitle', { number: number.name })}
      data-testid="groups-unavailable"
    >
      <Text size="xs">{number.reason}</Text>
    </Alert>
  );
}

const STATUS_COLORS: Record<CareGroup['status'], string> = {
  creating: 'yellow',
  active: 'teal',
  failed: 'red',
  deleted: 'gray',
};

function GroupRow({ group, active, onOpen }: { group: CareGroup; active: boolean; onOpen(): void }) {
  const { t } = useTranslation();
  const joined = group.participants.filter((p) => p.status === 'joined').length;
  return (
    <UnstyledButton className={classes.row} data-active={active ? 'true' : 'false'} onClick={onOpen}>
      <Avatar color={avatarColor(group.id)} radius="xl">
        <Icon name="team" size={18} />
      </Avatar>
      <div className={classes.rowText}>
        <Text size="sm" fw={600} truncate>
          {group.subject}
        </Text>
        <Text size="xs" c="dimmed">
          {t('careGroups.participantsCount', { count: joined, max: group.max_participants })}
        </Text>
      </div>
      <Badge size="xs" variant="light" color={STATUS_COLORS[group.status]}>
        {t(`careGroups.status.${group.status}`)}
      </Badge>
    </UnstyledButton>
  );
}

function GroupPane({ group, timeZone }: { group: CareGroup; timeZone: string }) {
  const { t } = useTranslation();
  const can = useCan();
  const notify = useNotify();
  const queryClient = useQueryClient();
  const joined = group.participants.filter((p) => p.status === 'joined');
  const reset = useMutation({
    mutationFn: () => careGroupsApi.resetLink(group.id),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: careGroupKeys.all });
      notify(t('careGroups.linkReset'), 'careline');
    },
    onError: (error) => notify(describeError(error, t), 'red'),
  });
  return (
    <div className={classes.pane}>
      <div className={classes.paneHead}>
        <div>
          <Group gap="xs">
            <Title order={3} size="h4">
              {group.subject}
            </Title>
            <Badge variant="light" color={STATUS_COLORS[group.status]}>
              {t(`careGroups.status.${group.status}`)}
            </Badge>
          </Group>
          {group.description && (
            <Text size="sm" c="dimmed">
              {group.description}
            </Text>
          )}
          {group.failure && (
            <Text size="xs" c="red">
              {group.failure}
            </Text>
          )}
        </div>
        <Paper withBorder radius="md" p="xs" className={classes.link}>
          <Text size="xs" fw={600} c="dimmed">
            {t('careGroups.inviteLink')}
          </Text>
          {group.invite_link ? (
            <Group gap="xs" wrap="nowrap">
              <Text size="sm" ff="monospace" truncate data-testid="invite-link">
                {group.invite_link}
              </Text>
              <CopyButton value={group.invite_link}>
                {({ copied, copy }) => (
                  <Tooltip label={copied ? t('careGroups.copied') : t('careGroups.copy')} withArrow>
                    <ActionIcon variant="subtle" onClick={copy} aria-label={t('careGroups.copy')}>
                      <Icon name={copied ? 'check' : 'copy'} size={16} />
                    </ActionIcon>
                  </Tooltip>
                )}
              </CopyButton>
              {can('groups.manage') && (
                <Tooltip label={t('careGroups.resetLinkHint')} withArrow>
                  <ActionIcon
                    variant="subtle"
                    onClick={() => reset.mutate()}
                    loading={reset.isPending}
                    aria-label={t('careGroups.resetLink')}
                  >
                    <Icon name="refresh" size={16} />
                  </ActionIcon>
                </Tooltip>
              )}
            </Group>
          ) : (
            <Text size="xs" c="dimmed">
              {t('careGroups.inviteLinkPending')}
            </Text>
          )}
          {group.invite_link && can('conversations.write') && <SendLinkButton group={group} />}
        </Paper>
      </div>
      <div className={classes.body}>
        <section className={classes.timelineColumn} aria-label={t('careGroups.timeline')}>
          <Timeline group={group} timeZone={timeZone} />
          <Composer group={group} joined={joined.length} />
        </section>
        <aside className={classes.people} aria-label={t('careGroups.participants')}>
          <Text size="xs" fw={700} tt="uppercase" c="dimmed" mb="xs">
            {t('careGroups.participants')} · {joined.length}/{group.max_participants}
          </Text>
          {group.participants.length === 0 && (
            <Text size="xs" c="dimmed">
              {t('careGroups.noParticipants')}
            </Text>
          )}
          <Stack gap={6}>
            {group.participants.map((p) => {
              const name = p.name ?? formatPhone(p.wa_id ? `+${p.wa_id}` : null);
              return (
                <Group key={p.id} gap="xs" wrap="nowrap" opacity={p.status === 'joined' ? 1 : 0.5}>
                  <Avatar size="sm" radius="xl" color={avatarColor(p.id)}>
                    {initialsOf(name)}
                  </Avatar>
                  <div className={classes.rowText}>
                    <Text size="sm" truncate>
                      {name}
                    </Text>
                    {p.name && (
                      <Text size="xs" c="dimmed">
                        {formatPhone(p.wa_id ? `+${p.wa_id}` : null)}
                        {p.status !== 'joined' && ` · ${t('careGroups.left')}`}
                      </Text>
                    )}
                  </div>
                </Group>
              );
            })}
          </Stack>
        </aside>
      </div>
    </div>
  );
}

/**
 * Sends the invite link as a message in a patient's one-to-one WhatsApp conversation on the group's
 * number: the usual reply, so WhatsApp's 24-hour window applies (outside it, the refusal says to use an
 * approved template).
 */
function SendLinkButton({ group }: { group: CareGroup }) {
  const { t } = useTranslation();
  const notify = useNotify();
  const [open, setOpen] = useState(false);
  const [conversationId, setConversationId] = useState<string | null>(null);
  // Patients with a live conversation on the group's number: open, or pending (a menu or a flow
  // waiting for their answer, as a patient who just wrote to the demo clinic is).
  const conversations = useQuery({
    queryKey: ['care-groups', 'link-targets', group.channel_account_id],
    queryFn: async () => {
      const pages = await Promise.all(
        (['open', 'pending'] as const).map((status) =>
          inboxApi.conversations('all', status, group.channel_account_id, null),
        ),
      );
      return pages.flatMap((page) => page.data);
    },
    enabled: open,
    // A patient who writes while the dialog is open shows up in it.
    refetchInterval: REFRESH_MS,
  });
  const text = t('careGroups.sendLink.text', { subject: group.subject, link: group.invite_link ?? '' });
  const send = useMutation({
    mutationFn: () => inboxApi.send(conversationId ?? '', { type: 'text', text }),
    onSuccess: () => {
      setOpen(false);
      setConversationId(null);
      notify(t('careGroups.sendLink.sent'), 'careline');
    },
  });
  return (
    <>
      <Button
        variant="light"
        size="compact-xs"
        mt={6}
        leftSection={<Icon name="send" size={12} />}
        onClick={() => setOpen(true)}
      >
        {t('careGroups.sendLink.button')}
      </Button>
      <Modal opened={open} onClose={() => setOpen(false)} title={t('careGroups.sendLink.title')} radius="lg">
        <Stack>
          <Select
            label={t('careGroups.sendLink.patient')}
            searchable
            data={(conversations.data ?? []).map((c) => ({
              value: c.id,
              label: contactName(c.contact),
            }))}
            value={conversationId}
            onChange={setConversationId}
            nothingFoundMessage={t('careGroups.sendLink.none')}
          />
          <Paper withBorder radius="md" p="sm" bg="gray.0">
            <Text size="sm" className={classes.text}>
              {text}
            </Text>
          </Paper>
          <Text size="xs" c="dimmed">
            {t('careGroups.sendLink.windowHint')}
          </Text>
          {send.isError && (
            <Alert color="red" variant="light" icon={<Icon name="alert" />}>
              {describeError(send.error, t)}
            </Alert>
          )}
          <Group justify="flex-end">
            <Button variant="default" onClick={() => setOpen(false)}>
              {t('careGroups.dialog.cancel')}
            </Button>
            <Button onClick={() => send.mutate()} loading={send.isPending} disabled={!conversationId}>
              {t('careGroups.send')}
            </Button>
          </Group>
        </Stack>
      </Modal>
    </>
  );
}

function Timeline({ group, timeZone }: { group: CareGroup; timeZone: string }) {
  const { t } = useTranslation();
  const format = useFormatters(timeZone);
  const messages = useQuery({
    queryKey: careGroupKeys.messages(group.id),
    queryFn: () => careGroupsApi.messages(group.id),
    refetchInterval: REFRESH_MS,
  });
  const bottom = useRef<HTMLDivElement>(null);
  const count = messages.data?.data.length ?? 0;
  useEffect(() => {
    if (count > 0) bottom.current?.scrollIntoView({ block: 'end' });
  }, [count]);
  const names = new Map(
    group.participants.map((p) => [p.id, p.name ?? formatPhone(p.wa_id ? `+${p.wa_id}` : null)]),
  );
  return (
    <ScrollArea className={classes.timeline}>
      <Stack gap="sm" p="md">
        {count === 0 && (
          <Text size="sm" c="dimmed" ta="center" py="xl">
            {t('careGroups.noMessages')}
          </Text>
        )}
        {messages.data?.data.map((m) => (
          <GroupBubble
            key={m.id}
            message={m}
            author={
              m.direction === 'outbound' ? t('careGroups.you') : (names.get(m.participant_id ?? '') ?? '?')
            }
            time={format.time(m.occurred_at)}
          />
        ))}
        <div ref={bottom} />
      </Stack>
    </ScrollArea>
  );
}

function GroupBubble({ message, author, time }: { message: CareGroupMessage; author: string; time: string }) {
  const { t } = useTranslation();
  const outbound = message.direction === 'outbound';
  return (
    <div className={classes.bubbleRow} data-direction={message.direction}>
      <div className={classes.bubble} data-direction={message.direction} data-testid="group-message">
        <Group gap={6} justify="space-between" wrap="nowrap">
          <Text size="xs" fw={700} c={outbound ? 'teal.8' : avatarColor(message.participant_id ?? '')}>
            {author}
          </Text>
          <Text size="xs" c="dimmed">
            {time}
          </Text>
        </Group>
        {message.red_flag && (
          <Badge color="red" variant="filled" size="xs" leftSection={<Icon name="flame" size={12} />} my={4}>
            {t('careGroups.redFlag', { category: redFlagLabel(message.red_flag, t) })}
          </Badge>
        )}
        <Text size="sm" className={classes.text}>
          {message.text}
        </Text>
        {outbound && (
          <Text size="xs" c={message.status === 'failed' ? 'red' : 'dimmed'} ta="right">
            {message.status === 'failed'
              ? t('careGroups.failedBecause', { reason: message.error_title ?? '' })
              : t(`careGroups.messageStatus.${message.status as 'sent'}`)}
          </Text>
        )}
      </div>
    </div>
  );
}

function Composer({ group, joined }: { group: CareGroup; joined: number }) {
  const { t } = useTranslation();
  const can = useCan();
  const notify = useNotify();
  const queryClient = useQueryClient();
  const [text, setText] = useState('');
  const send = useMutation({
    mutationFn: () => careGroupsApi.send(group.id, { type: 'text', text }),
    onSuccess: () => {
      setText('');
      void queryClient.invalidateQueries({ queryKey: careGroupKeys.messages(group.id) });
    },
    onError: (error) => notify(describeError(error, t), 'red'),
  });
  if (!can('conversations.write')) return null;
  const blocked =
    group.status !== 'active'
      ? t('careGroups.sendDisabledNotActive')
      : joined === 0
        ? t('careGroups.sendDisabledNobody')
        : null;
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (text.trim() && !blocked) send.mutate();
  };
  return (
    <form className={classes.composer} onSubmit={submit}>
      <Textarea
        aria-label={t('careGroups.composerPlaceholder')}
        placeholder={blocked ?? t('careGroups.composerPlaceholder')}
        description={t('careGroups.composerHint')}
        autosize
        minRows={1}
        maxRows={6}
        value={text}
        disabled={blocked !== null}
        onChange={(event) => setText(event.currentTarget.value)}
        onKeyDown={(event) => {
          if (event.key === 'Enter' && !event.shiftKey) submit(event);
        }}
        className={classes.composerInput}
      />
      <Button
        type="submit"
        leftSection={<Icon name="send" size={16} />}
        loading={send.isPending}
        disabled={blocked !== null || text.trim() === ''}
      >
        {t('careGroups.send')}
      </Button>
    </form>
  );
}

function NewCareGroupDialog(props: {
  opened: boolean;
  numbers: CareGroupAvailability[];
  onClose(): void;
  onCreated(group: CareGroup): void;
}) {
  const { t } = useTranslation();
  const notify = useNotify();
  const queryClient = useQueryClient();
  const [number, setNumber] = useState<string | null>(null);
  const [subject, setSubject] = useState('');
  const [description, setDescription] = useState('');
  const chosen = number ?? props.numbers[0]?.channel_account_id ?? null;
  const create = useMutation({
    mutationFn: () =>
      careGroupsApi.create({
        channel_account_id: chosen ?? '',
        subject,
        ...(description.trim() ? { description } : {}),
      }),
    onSuccess: (group) => {
      setSubject('');
      setDescription('');
      void queryClient.invalidateQueries({ queryKey: careGroupKeys.all });
      notify(t('careGroups.dialog.created', { subject: group.subject }), 'careline');
      props.onCreated(group);
    },
  });
  const errors: FormErrors<'subject' | 'description' | 'channel_account_id'> = create.isError
    ? formErrorsOf(create.error, ['subject', 'description', 'channel_account_id'] as const, t)
    : NO_ERRORS;
  return (
    <Modal opened={props.opened} onClose={props.onClose} title={t('careGroups.dialog.title')} radius="lg">
      <form
        onSubmit={(event) => {
          event.preventDefault();
          create.mutate();
        }}
      >
        <Stack>
          {props.numbers.length === 0 && (
            <Alert color="gray" variant="light">
              {t('careGroups.dialog.noNumber')}
            </Alert>
          )}
          {props.numbers.length > 1 && (
            <Select
              label={t('careGroups.dialog.number')}
              data={props.numbers.map((n) => ({ value: n.channel_account_id, label: n.name }))}
              value={chosen}
              onChange={setNumber}
              allowDeselect={false}
            />
          )}
          <TextInput
            label={t('careGroups.dialog.subject')}
            description={t('careGroups.dialog.subjectHint')}
            value={subject}
            onChange={(event) => setSubject(event.currentTarget.value)}
            maxLength={128}
            required
            error={errors.fields.subject}
            data-autofocus
          />
          <Textarea
            label={t('careGroups.dialog.description')}
            description={t('careGroups.dialog.descriptionHint')}
            value={description}
            onChange={(event) => setDescription(event.currentTarget.value)}
            maxLength={2048}
            autosize
            minRows={2}
            error={errors.fields.description}
          />
          {(errors.general ?? errors.fields.channel_account_id) && (
            <Alert color="red" variant="light" icon={<Icon name="alert" />}>
              {errors.general ?? errors.fields.channel_account_id}
            </Alert>
          )}
          <Group justify="flex-end">
            <Button variant="default" onClick={props.onClose}>
              {t('careGroups.dialog.cancel')}
            </Button>
            <Button type="submit" loading={create.isPending} disabled={!chosen || subject.trim() === ''}>
              {t('careGroups.dialog.create')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
