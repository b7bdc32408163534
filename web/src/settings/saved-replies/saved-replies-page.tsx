import {
  ActionIcon,
  Alert,
  Badge,
  Button,
  Code,
  Group,
  Paper,
  Skeleton,
  Table,
  Text,
  TextInput,
  Tooltip,
  VisuallyHidden,
} from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { describeError } from '../../api/describe-error.ts';
import { settingsApi, settingsKeys } from '../../api/settings-api.ts';
import type { SavedReply } from '../../api/settings-types.ts';
import { languageName } from '../../format/language-names.ts';
import { Icon } from '../../ui/icons.tsx';
import { useNotify } from '../../ui/toasts.tsx';
import { useWhileClosing } from '../../ui/use-while-closing.ts';
import { ConfirmDialog } from '../confirm-dialog.tsx';
import { PageHeader } from '../page-header.tsx';
import { repliesMatching } from './reply-search.ts';
import { SavedReplyDialog } from './saved-reply-dialog.tsx';

/** The clinic's saved replies: agents type /shortcut in the composer to insert one. */
export function SavedRepliesPage() {
  const { t, i18n } = useTranslation();
  const queryClient = useQueryClient();
  const notify = useNotify();
  const replies = useQuery({ queryKey: settingsKeys.savedReplies, queryFn: settingsApi.savedReplies });
  const [search, setSearch] = useState('');
  const [editing, setEditing] = useState<SavedReply | 'new' | null>(null);
  const [deleting, setDeleting] = useState<SavedReply | null>(null);
  const remove = useMutation({
    mutationFn: (reply: SavedReply) => settingsApi.deleteSavedReply(reply.id),
    onSuccess: (_nothing, reply) => {
      setDeleting(null);
      void queryClient.invalidateQueries({ queryKey: ['canned-replies'] });
      notify(t('settings.replies.deleted', { shortcut: reply.shortcut }), 'careline');
    },
  });
  const confirming = useWhileClosing(deleting);
  const shown = useMemo(() => repliesMatching(replies.data ?? [], search), [replies.data, search]);
  const locale = i18n.resolvedLanguage ?? 'en';

  return (
    <>
      <PageHeader
        title={t('settings.replies.title')}
        description={t('settings.replies.description')}
        action={
          <Button leftSection={<Icon name="plus" size={16} />} onClick={() => setEditing('new')}>
            {t('settings.replies.newButton')}
          </Button>
        }
      />
      <TextInput
        type="search"
        aria-label={t('settings.replies.search')}
        placeholder={t('settings.replies.search')}
        leftSection={<Icon name="search" size={16} />}
        value={search}
        onChange={(event) => setSearch(event.currentTarget.value)}
        maw={420}
        mb="md"
      />
      {replies.isError && (
        <Alert color="red" variant="light" icon={<Icon name="alert" />} mb="md">
          {describeError(replies.error, t)}
        </Alert>
      )}
      <Paper withBorder radius="lg">
        <Table.ScrollContainer minWidth={640}>
          <Table verticalSpacing="sm" horizontalSpacing="md" highlightOnHover>
            <Table.Thead>
              <Table.Tr>
                <Table.Th w={180}>{t('settings.replies.shortcut')}</Table.Th>
                <Table.Th>{t('settings.replies.text')}</Table.Th>
                <Table.Th w={140}>{t('settings.replies.language')}</Table.Th>
                <Table.Th w={100}>
                  <VisuallyHidden>{t('settings.actions')}</VisuallyHidden>
                </Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {replies.isPending && (
                <Table.Tr>
                  <Table.Td colSpan={4}>
                    <Skeleton height={28} />
                  </Table.Td>
                </Table.Tr>
              )}
              {replies.isSuccess && shown.length === 0 && (
                <Table.Tr>
                  <Table.Td colSpan={4}>
                    <Text c="dimmed" size="sm" ta="center" py="md">
                      {search.trim()
                        ? t('settings.replies.nothingFound', { q: search.trim() })
                        : t('settings.replies.empty')}
                    </Text>
                  </Table.Td>
                </Table.Tr>
              )}
              {shown.map((reply) => (
                <Table.Tr key={reply.id} data-testid="saved-reply-row">
                  <Table.Td>
                    <Code fz="sm">/{reply.shortcut}</Code>
                  </Table.Td>
                  <Table.Td>
                    <Text size="sm" lineClamp={2} style={{ whiteSpace: 'pre-line' }}>
                      {reply.text}
                    </Text>
                  </Table.Td>
                  <Table.Td>
                    <Badge variant="light" color={reply.language ? 'blue' : 'gray'}>
                      {reply.language
                        ? languageName(reply.language, locale)
                        : t('settings.replies.anyLanguage')}
                    </Badge>
                  </Table.Td>
                  <Table.Td>
                    <Group gap={4} justify="flex-end" wrap="nowrap">
                      <Tooltip label={t('settings.replies.edit', { shortcut: reply.shortcut })} withArrow>
                        <ActionIcon
                          variant="subtle"
                          color="gray"
                          aria-label={t('settings.replies.edit', { shortcut: reply.shortcut })}
                          onClick={() => setEditing(reply)}
                        >
                          <Icon name="pencil" size={16} />
                        </ActionIcon>
                      </Tooltip>
                      <Tooltip label={t('settings.replies.delete', { shortcut: reply.shortcut })} withArrow>
                        <ActionIcon
                          variant="subtle"
                          color="red"
                          aria-label={t('settings.replies.delete', { shortcut: reply.shortcut })}
                          onClick={() => {
                            remove.reset();
                            setDeleting(reply);
                          }}
                        >
                          <Icon name="trash" size={16} />
                        </ActionIcon>
                      </Tooltip>
                    </Group>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      </Paper>

      <SavedReplyDialog reply={editing} onClose={() => setEditing(null)} />
      <ConfirmDialog
        opened={deleting !== null}
        title={t('settings.replies.deleteTitle', { shortcut: confirming?.shortcut ?? '' })}
        body={t('settings.replies.deleteBody')}
        confirmLabel={t('settings.replies.deleteConfirm')}
        danger
        busy={remove.isPending}
        error={remove.isError ? describeError(remove.error, t) : null}
        onConfirm={() => deleting && remove.mutate(deleting)}
        onClose={() => setDeleting(null)}
      />
    </>
  );
}
