import { Avatar, Group, Highlight, Kbd, Loader, Paper, Popover, Text, TextInput } from '@mantine/core';
import { useDebouncedValue, useWindowEvent } from '@mantine/hooks';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { type KeyboardEvent, useId, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { describeError } from '../../api/describe-error.ts';
import { inboxApi, queryKeys } from '../../api/inbox-api.ts';
import type { SearchResults } from '../../api/types.ts';
import { useFormatters } from '../../format/formatters.ts';
import { avatarColor, contactName, formatPhone, initialsOf } from '../../format/people.ts';
import { useSignedIn } from '../../session/session-context.tsx';
import { Icon } from '../../ui/icons.tsx';
import { MarkedSnippet } from './marked-snippet.tsx';
import classes from './search-box.module.css';

type Hit =
  | { kind: 'message'; key: string; conversationId: string; messageId: string }
  | { kind: 'contact'; key: string; contactId: string };

/**
 * Searches messages and patients as the agent types (Ctrl+K focuses it); a message opens its
 * conversation scrolled to it, a patient their latest conversation.
 */
export function SearchBox() {
  const { t } = useTranslation();
  const { user } = useSignedIn();
  const format = useFormatters(user.org.time_zone);
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const inputRef = useRef<HTMLInputElement>(null);
  const listId = useId();
  const [text, setText] = useState('');
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(0);
  const [q] = useDebouncedValue(text.trim(), 250);
  const search = useQuery({
    queryKey: queryKeys.search(q),
    queryFn: ({ signal }) => inboxApi.search(q, signal),
    enabled: q.length >= 2,
    staleTime: 5000,
  });
  const hits = useMemo(() => hitsOf(search.data), [search.data]);

  useWindowEvent('keydown', (event) => {
    if ((event.ctrlKey || event.metaKey) && event.key.toLowerCase() === 'k') {
      event.preventDefault();
      inputRef.current?.focus();
      inputRef.current?.select();
    }
  });

  const choose = async (hit: Hit | undefined) => {
    if (!hit) return;
    setOpen(false);
    inputRef.current?.blur();
    if (hit.kind === 'message') {
      void navigate(`/inbox/${hit.conversationId}?view=all&status=open&m=${hit.messageId}`);
      return;
    }
    // A contact hit names the patient only: their latest conversation is the one to open.
    const contact = await queryClient.fetchQuery({
      queryKey: queryKeys.contact(hit.contactId),
      queryFn: () => inboxApi.contact(hit.contactId),
    });
    const conversationId = latestConversation(contact.conversations)?.id;
    if (conversationId) void navigate(`/inbox/${conversationId}?view=all&status=open`);
  };

  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key === 'Escape') {
      setOpen(false);
      return;
    }
    if (hits.length === 0) return;
    if (event.key === 'ArrowDown') {
      event.preventDefault();
      setOpen(true);
      setActive((index) => (index + 1) % hits.length);
    } else if (event.key === 'ArrowUp') {
      event.preventDefault();
      setActive((index) => (index - 1 + hits.length) % hits.length);
    } else if (event.key === 'Enter') {
      event.preventDefault();
      void choose(hits[active]);
    }
  };

  const showDropdown = open && q.length >= 2;
  const messages = search.data?.messages ?? [];
  const contacts = search.data?.contacts ?? [];
  const words = q.split(/\s+/).filter((word) => word.length > 1);

  return (
    <Popover
      opened={showDropdown}
      onChange={setOpen}
      position="bottom"
      width="target"
      shadow="lg"
      trapFocus={false}
      returnFocus={false}
    >
      <Popover.Target>
        <TextInput
          ref={inputRef}
          value={text}
          onChange={(event) => {
            setText(event.currentTarget.value);
            setActive(0);
            setOpen(true);
          }}
          onFocus={() => setOpen(true)}
          onBlur={() => window.setTimeout(() => setOpen(false), 150)}
          onKeyDown={onKeyDown}
          placeholder={t('search.placeholder')}
          aria-label={t('search.label')}
          role="combobox"
          aria-expanded={showDropdown}
          aria-controls={listId}
          aria-activedescendant={showDropdown && hits[active] ? `${listId}-${active}` : undefined}
          aria-autocomplete="list"
          leftSection={<Icon name="search" size={16} />}
          rightSection={search.isFetching ? <Loader size={14} /> : <Kbd size="xs">Ctrl K</Kbd>}
          rightSectionWidth={search.isFetching ? 36 : 64}
          radius="xl"
          classNames={{ input: classes.input }}
        />
      </Popover.Target>
      <Popover.Dropdown p={0}>
        <Paper id={listId} role="listbox" aria-label={t('search.results')} className={classes.results}>
          {search.isError && (
            <Text size="sm" c="red.7" p="md">
              {describeError(search.error, t)}
            </Text>
          )}
          {search.isSuccess && hits.length === 0 && (
            <Text size="sm" c="dimmed" p="md">
              {t('search.nothing', { q })}
            </Text>
          )}
          {messages.length > 0 && <div className={classes.group}>{t('search.messages')}</div>}
          {messages.map((message, index) => (
            <div
              key={message.message_id}
              id={`${listId}-${index}`}
              role="option"
              tabIndex={-1}
              aria-selected={active === index}
              className={classes.hit}
              data-active={active === index || undefined}
              onMouseDown={(event) => event.preventDefault()}
              onMouseEnter={() => setActive(index)}
              onClick={() => void choose(hits[index])}
              onKeyDown={() => undefined}
            >
              <Avatar
                size={32}
                radius="xl"
                color={avatarColor(message.contact?.id ?? message.conversation_id)}
              >
                {initialsOf(contactName(message.contact))}
              </Avatar>
              <div className={classes.hitBody}>
                <Group justify="space-between" gap="xs" wrap="nowrap">
                  <Text size="sm" fw={600} truncate>
                    {contactName(message.contact)}
                  </Text>
                  <Text size="xs" c="dimmed" style={{ flexShrink: 0 }}>
                    {format.listTime(message.occurred_at)}
                  </Text>
                </Group>
                <MarkedSnippet snippet={message.snippet} />
              </div>
            </div>
          ))}
          {contacts.length > 0 && <div className={classes.group}>{t('search.patients')}</div>}
          {contacts.map((contact, offset) => {
            const index = messages.length + offset;
            return (
              <div
                key={contact.id}
                id={`${listId}-${index}`}
                role="option"
                tabIndex={-1}
                aria-selected={active === index}
                className={classes.hit}
                data-active={active === index || undefined}
                onMouseDown={(event) => event.preventDefault()}
                onMouseEnter={() => setActive(index)}
                onClick={() => void choose(hits[index])}
                onKeyDown={() => undefined}
              >
                <Avatar size={32} radius="xl" color={avatarColor(contact.id)}>
                  {initialsOf(contactName(contact))}
                </Avatar>
                <div className={classes.hitBody}>
                  <Highlight size="sm" fw={600} highlight={words} truncate>
                    {contactName(contact)}
                  </Highlight>
                  <Text size="xs" c="dimmed">
                    {formatPhone(contact.phone)}
                  </Text>
                </div>
              </div>
            );
          })}
        </Paper>
      </Popover.Dropdown>
    </Popover>
  );
}

function hitsOf(results: SearchResults | undefined): Hit[] {
  if (!results) return [];
  return [
    ...results.messages.map(
      (m): Hit => ({
        kind: 'message',
        key: m.message_id,
        conversationId: m.conversation_id,
        messageId: m.message_id,
      }),
    ),
    ...results.contacts.map(
      (c): Hit => ({
        kind: 'contact',
        key: c.id,
        contactId: c.id,
      }),
    ),
  ];
}

function latestConversation<T extends { last_message_at: string }>(conversations: T[]): T | undefined {
  return [...conversations].sort((a, b) => b.last_message_at.localeCompare(a.last_message_at))[0];
}
