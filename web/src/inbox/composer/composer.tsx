import {
  ActionIcon,
  Alert,
  Button,
  Checkbox,
  CloseButton,
  FileButton,
  Group,
  Kbd,
  SegmentedControl,
  Text,
  Textarea,
  Tooltip,
} from '@mantine/core';
import { type DragEvent, type KeyboardEvent, useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { describeError } from '../../api/describe-error.ts';
import { ApiError } from '../../api/http-client.ts';
import type { Conversation, OutgoingMessage } from '../../api/types.ts';
import { useCan } from '../../auth/permissions.ts';
import { useFormatters } from '../../format/formatters.ts';
import { Icon } from '../../ui/icons.tsx';
import { ButtonsDialog } from './buttons-dialog.tsx';
import classes from './composer.module.css';
import { EmojiPicker } from './emoji-picker.tsx';
import { TemplatePicker } from './template-picker.tsx';
import { useCannedReplies } from './use-canned-replies.ts';
import { useSender } from './use-send.ts';

type Mode = 'reply' | 'note';
const TEXT_LIMIT = 4096;

/**
 * Writes to the patient (text, emoji, a file, reply buttons, a template) or to colleagues (an
 * internal note). While the 24-hour window is closed only templates and notes can go.
 */
export function Composer({ conversation, timeZone }: { conversation: Conversation; timeZone: string }) {
  const { t } = useTranslation();
  const format = useFormatters(timeZone);
  const sender = useSender(conversation.id);
  const textarea = useRef<HTMLTextAreaElement>(null);
  const [mode, setMode] = useState<Mode>('reply');
  const [text, setText] = useState('');
  // Clinicians may keep a note from the front desk (medical notes); the others write ordinary notes.
  const writesMedical = useCan()('medical.read');
  const [medical, setMedical] = useState(false);
  const [attachment, setAttachment] = useState<File | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [refusedForWindow, setRefusedForWindow] = useState(false);
  const [dialog, setDialog] = useState<'template' | 'buttons' | null>(null);
  const [suggestionIndex, setSuggestionIndex] = useState(0);
  const [dragging, setDragging] = useState(false);
  const windowClosed = !conversation.window.open || refusedForWindow;
  const freeTextBlocked = mode === 'reply' && windowClosed;
  const suggestions = useCannedReplies(text, !freeTextBlocked);
  const preview = useObjectUrl(attachment);

  useEffect(() => {
    if (conversation.window.open) setRefusedForWindow(false);
  }, [conversation.window.open]);

  const insert = (value: string) => {
    const element = textarea.current;
    const start = element?.selectionStart ?? text.length;
    const end = element?.selectionEnd ?? text.length;
    const next = `${text.slice(0, start)}${value}${text.slice(end)}`;
    setText(next);
    window.requestAnimationFrame(() => {
      element?.focus();
      element?.setSelectionRange(start + value.length, start + value.length);
    });
  };

  const submit = async () => {
    const value = text.trim();
    if (busy || freeTextBlocked || (!value && !attachment)) return;
    setBusy(true);
    setError(null);
    try {
      if (mode === 'note') {
        if (!value) return;
        await sender.addNote(value, writesMedical && medical);
      } else if (attachment) {
        const uploaded = await sender.upload(attachment);
        // The server read the file's kind from its bytes; the browser's guess from the name may differ.
        const type = messageTypeOf(uploaded.kind);
        const media = { mediaId: uploaded.id };
        if (type === 'audio' || type === 'sticker') {
          // Voice notes and stickers carry no caption: the words go right after, as a message of their own.
          await sender.send({ type, media });
          if (value) await sender.send({ type: 'text', text: value });
        } else {
          await sender.send({
            type,
            media,
            ...(value ? { caption: value } : {}),
            ...(type === 'document' ? { fileName: attachment.name } : {}),
          });
        }
      } else {
        await sender.send({ type: 'text', text: value });
      }
      setText('');
      setAttachment(null);
    } catch (caught) {
      setError(errorText(caught));
    } finally {
      setBusy(false);
      textarea.current?.focus();
    }
  };

  /** For the dialogs: true when sent, else the reason shown in the dialog. */
  const sendFromDialog = async (message: OutgoingMessage): Promise<string | null> => {
    try {
      await sender.send(message);
      setError(null);
      return null;
    } catch (caught) {
      return errorText(caught);
    }
  };

  const errorText = (caught: unknown): string => {
    if (caught instanceof ApiError) {
      if (caught.status === 422 && caught.body.failure_reason === 'window_closed') {
        setRefusedForWindow(true);
        sender.refresh();
        return t('composer.refusedWindow');
      }
      if (caught.status === 400) {
        return caught.fieldErrors.map((e) => fieldLabel(e.field, e.message)).join(' · ') || caught.detail;
      }
      if (caught.status === 413) return t('composer.tooLarge');
      if (caught.status === 415) return t('composer.unsupportedType');
    }
    return describeError(caught, t);
  };

  const fieldLabel = (field: string, message: string) => {
    const name = field.replace(/^body\./, '');
    return name ? `${name}: ${message}` : message;
  };

  const onKeyDown = (event: KeyboardEvent<HTMLTextAreaElement>) => {
    if (suggestions.length > 0) {
      const pick = suggestions[suggestionIndex];
      if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
        event.preventDefault();
        const step = event.key === 'ArrowDown' ? 1 : -1;
        setSuggestionIndex((index) => (index + step + suggestions.length) % suggestions.length);
        return;
      }
      if ((event.key === 'Enter' && !event.ctrlKey && !event.metaKey) || event.key === 'Tab') {
        if (pick) {
          event.preventDefault();
          setText(pick.text);
          setSuggestionIndex(0);
        }
        return;
      }
      if (event.key === 'Escape') {
        event.preventDefault();
        setText(`${text} `);
        return;
      }
    }
    if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) {
      event.preventDefault();
      void submit();
    }
  };

  const onDrop = (event: DragEvent<HTMLDivElement>) => {
    event.preventDefault();
    setDragging(false);
    const file = event.dataTransfer.files[0];
    if (file && !freeTextBlocked) {
      setMode('reply');
      setAttachment(file);
    }
  };

  const placeholder = freeTextBlocked
    ? t('composer.placeholderClosed')
    : mode === 'note'
      ? t('composer.placeholderNote')
      : attachment
        ? t('composer.placeholderCaption')
        : t('composer.placeholder');

  return (
    <div className={classes.wrapper}>
      {windowClosed && mode === 'reply' && (
        <Alert
          className={classes.banner}
          color="orange"
          variant="light"
          icon={<Icon name="lock" />}
          title={t('window.closedTitle')}
          role="status"
        >
          <Group justify="space-between" gap="sm" wrap="nowrap">
            <Text size="sm">
              {conversation.window.closes_at
                ? t('window.closedSince', { time: format.dateTime(conversation.window.closes_at) })
                : t('window.closedBody')}
            </Text>
            <Button
              size="xs"
              leftSection={<Icon name="template" size={14} />}
              onClick={() => setDialog('template')}
            >
              {t('composer.chooseTemplate')}
            </Button>
          </Group>
        </Alert>
      )}
      {error && (
        <Alert
          className={classes.banner}
          color="red"
          variant="light"
          icon={<Icon name="alert" />}
          withCloseButton
          closeButtonLabel={t('common.close')}
          onClose={() => setError(null)}
          role="alert"
        >
          {error}
        </Alert>
      )}
      <section
        aria-label={t('composer.region')}
        className={classes.composer}
        data-mode={mode}
        data-dragging={dragging || undefined}
        onDragOver={(event) => {
          event.preventDefault();
          setDragging(true);
        }}
        onDragLeave={() => setDragging(false)}
        onDrop={onDrop}
      >
        <Group justify="space-between" gap="xs" className={classes.top}>
          <SegmentedControl
            size="xs"
            radius="xl"
            aria-label={t('composer.mode')}
            value={mode}
            onChange={(value) => setMode(value === 'note' ? 'note' : 'reply')}
            data={[
              { value: 'reply', label: t('composer.reply') },
              { value: 'note', label: t('composer.note') },
            ]}
            color={mode === 'note' ? 'yellow' : 'careline'}
          />
          {mode === 'note' ? (
            <Text size="xs" c="yellow.9" fw={600}>
              <Icon name="lock" size={12} /> {t('note.onlyStaff')}
            </Text>
          ) : (
            <Text size="xs" c="dimmed" className={classes.hint}>
              <Kbd size="xs">Ctrl</Kbd> + <Kbd size="xs">Enter</Kbd> {t('composer.toSend')} ·{' '}
              <Kbd size="xs">/</Kbd> {t('composer.savedReplies')}
            </Text>
          )}
        </Group>
        {attachment && mode === 'reply' && (
          <div className={classes.attachment}>
            {preview && attachment.type.startsWith('image/') ? (
              <img src={preview} alt="" className={classes.thumb} />
            ) : (
              <div className={classes.fileIcon}>
                <Icon name="file" size={20} />
              </div>
            )}
            <div className={classes.attachmentText}>
              <Text size="sm" fw={600} truncate>
                {attachment.name}
              </Text>
              <Text size="xs" c="dimmed">
                {format.fileSize(attachment.size)}
              </Text>
            </div>
            <CloseButton aria-label={t('composer.removeAttachment')} onClick={() => setAttachment(null)} />
          </div>
        )}
        <div className={classes.inputArea}>
          {suggestions.length > 0 && (
            <div
              className={classes.suggestions}
              role="listbox"
              aria-label={t('composer.savedReplies')}
              id="canned-replies"
            >
              {suggestions.map((reply, index) => (
                <div
                  key={reply.id}
                  role="option"
                  tabIndex={-1}
                  aria-selected={index === suggestionIndex}
                  className={classes.suggestion}
                  data-active={index === suggestionIndex || undefined}
                  onMouseDown={(event) => event.preventDefault()}
                  onClick={() => {
                    setText(reply.text);
                    textarea.current?.focus();
                  }}
                  onKeyDown={() => undefined}
                >
                  <Text size="sm" fw={700} c="careline.8">
                    /{reply.shortcut}
                  </Text>
                  <Text size="sm" c="dimmed" lineClamp={1}>
                    {reply.text}
                  </Text>
                </div>
              ))}
            </div>
          )}
          <Textarea
            ref={textarea}
            value={text}
            onChange={(event) => {
              setText(event.currentTarget.value);
              setSuggestionIndex(0);
            }}
            onKeyDown={onKeyDown}
            placeholder={placeholder}
            aria-label={mode === 'note' ? t('composer.noteLabel') : t('composer.label')}
            disabled={freeTextBlocked || busy}
            autosize
            minRows={2}
            maxRows={8}
            maxLength={TEXT_LIMIT}
            variant="unstyled"
            classNames={{ input: classes.textarea }}
            aria-autocomplete={suggestions.length > 0 ? 'list' : undefined}
            aria-controls={suggestions.length > 0 ? 'canned-replies' : undefined}
          />
        </div>
        <Group justify="space-between" gap={4} className={classes.toolbar}>
          <Group gap={2}>
            <EmojiPicker onPick={insert} disabled={freeTextBlocked} />
            <FileButton
              onChange={(file) => setAttachment(file)}
              accept={ATTACHABLE}
              disabled={freeTextBlocked || mode === 'note'}
            >
              {(props) => (
                <Tooltip label={t('composer.attach')} withArrow>
                  <ActionIcon
                    {...props}
                    variant="subtle"
                    color="gray"
                    size="lg"
                    aria-label={t('composer.attach')}
                    disabled={freeTextBlocked || mode === 'note'}
                  >
                    <Icon name="paperclip" size={20} />
                  </ActionIcon>
                </Tooltip>
              )}
            </FileButton>
            <Tooltip label={t('composer.buttons')} withArrow>
              <ActionIcon
                variant="subtle"
                color="gray"
                size="lg"
                aria-label={t('composer.buttons')}
                onClick={() => setDialog('buttons')}
                disabled={freeTextBlocked || mode === 'note'}
              >
                <Icon name="buttons" size={20} />
              </ActionIcon>
            </Tooltip>
            <Tooltip label={t('composer.template')} withArrow>
              <ActionIcon
                variant={windowClosed ? 'light' : 'subtle'}
                color={windowClosed ? 'careline' : 'gray'}
                size="lg"
                aria-label={t('composer.template')}
                onClick={() => setDialog('template')}
                disabled={mode === 'note'}
              >
                <Icon name="template" size={20} />
              </ActionIcon>
            </Tooltip>
          </Group>
          <Group gap="xs">
            {mode === 'note' && writesMedical && (
              <Checkbox
                size="xs"
                label={t('note.markMedical')}
                checked={medical}
                onChange={(event) => setMedical(event.currentTarget.checked)}
              />
            )}
            {text.length > TEXT_LIMIT * 0.9 && (
              <Text size="xs" c="orange.8">
                {text.length}/{TEXT_LIMIT}
              </Text>
            )}
            <Button
              onClick={() => void submit()}
              loading={busy}
              disabled={freeTextBlocked || (!text.trim() && !(attachment && mode === 'reply'))}
              rightSection={<Icon name={mode === 'note' ? 'note' : 'send'} size={16} />}
              color={mode === 'note' ? 'yellow.7' : 'careline'}
              radius="xl"
            >
              {mode === 'note' ? t('composer.addNote') : t('composer.send')}
            </Button>
          </Group>
        </Group>
      </section>
      <TemplatePicker
        opened={dialog === 'template'}
        onClose={() => setDialog(null)}
        onSend={sendFromDialog}
        contactName={conversation.contact.display_name}
      />
      <ButtonsDialog
        opened={dialog === 'buttons'}
        onClose={() => setDialog(null)}
        onSend={sendFromDialog}
        initialBody={text}
        onSent={() => setText('')}
      />
    </div>
  );
}

/** What the channels carry (the server checks the bytes; this only narrows the file picker). */
const ATTACHABLE =
  'image/jpeg,image/png,image/webp,video/mp4,video/3gpp,audio/aac,audio/amr,audio/mpeg,audio/mp4,audio/ogg,' +
  'application/pdf,text/plain,.doc,.docx,.xls,.xlsx,.ppt,.pptx';

function messageTypeOf(kind: string): 'image' | 'video' | 'audio' | 'document' | 'sticker' {
  return kind === 'image' || kind === 'video' || kind === 'audio' || kind === 'sticker' ? kind : 'document';
}

function useObjectUrl(file: File | null): string | null {
  const url = useMemo(() => (file ? URL.createObjectURL(file) : null), [file]);
  useEffect(() => () => (url ? URL.revokeObjectURL(url) : undefined), [url]);
  return url;
}
