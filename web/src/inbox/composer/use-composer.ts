import { type DragEvent, type KeyboardEvent, type RefObject, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useChannelLimits } from '../../api/channel-limits.ts';
import type { CannedReply, ChannelLimits, Conversation, OutgoingMessage } from '../../api/types.ts';
import { useCan } from '../../session/permissions.ts';
import { sendError } from './send-error.ts';
import { useCannedReplies } from './use-canned-replies.ts';
import { useSender } from './use-send.ts';
import type { WindowAllows } from './window-notice.tsx';

export type ComposerMode = 'reply' | 'note';
export type ComposerDialog = 'template' | 'buttons' | null;

/** Everything the composer's parts show and do; the parts themselves hold no state. */
export interface ComposerState {
  mode: ComposerMode;
  setMode(mode: ComposerMode): void;
  text: string;
  /** The agent typed: suggestions start again from the first. */
  changeText(text: string): void;
  /** Replaces the text (a saved reply chosen, a question sent as buttons). */
  setText(text: string): void;
  textarea: RefObject<HTMLTextAreaElement | null>;
  /** Puts text where the cursor is (an emoji). */
  insert(value: string): void;
  /** Clinicians may keep a note from the front desk (medical notes); the others write ordinary notes. */
  writesMedical: boolean;
  medical: boolean;
  setMedical(medical: boolean): void;
  attachment: File | null;
  setAttachment(file: File | null): void;
  busy: boolean;
  error: string | null;
  clearError(): void;
  /** What the channel's window lets go now, as the conversation says or as a refused send just told. */
  windowAllows: WindowAllows;
  /** Only approved templates can go (WhatsApp after its 24 hours). */
  windowClosed: boolean;
  /** Only templates and notes can go, or only notes: a reply while the window lets no free text go. */
  freeTextBlocked: boolean;
  dialog: ComposerDialog;
  setDialog(dialog: ComposerDialog): void;
  suggestions: CannedReply[];
  suggestionIndex: number;
  dragging: boolean;
  setDragging(dragging: boolean): void;
  /** The channel's limits (undefined while they load): the server checks sends against them. */
  limits: ChannelLimits | undefined;
  placeholder: string;
  canSubmit: boolean;
  submit(): Promise<void>;
  /** For the dialogs: null when sent, else the reason shown in the dialog. */
  sendFromDialog(message: OutgoingMessage): Promise<string | null>;
  onKeyDown(event: KeyboardEvent<HTMLTextAreaElement>): void;
  onDrop(event: DragEvent<HTMLDivElement>): void;
}

/**
 * The composer's state and rules: a reply (text, emoji, a file, reply buttons, a template) or an
 * internal note; while the 24-hour window is closed only templates and notes can go (WhatsApp), a
 * person's reply and notes (Messenger, Instagram, for 7 days), or notes alone.
 */
export function useComposer(conversation: Conversation, via?: string): ComposerState {
  const { t } = useTranslation();
  const sender = useSender(conversation.id, via);
  const limits = useChannelLimits(conversation.channel);
  const textarea = useRef<HTMLTextAreaElement>(null);
  const [mode, setMode] = useState<ComposerMode>('reply');
  const [text, setText] = useState('');
  const writesMedical = useCan()('medical.read');
  const [medical, setMedical] = useState(false);
  const [attachment, setAttachment] = useState<File | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [refusedForWindow, setRefusedForWindow] = useState(false);
  const [dialog, setDialog] = useState<ComposerDialog>(null);
  const [suggestionIndex, setSuggestionIndex] = useState(0);
  const [dragging, setDragging] = useState(false);
  const { policy } = conversation.window;
  // Refused for the window: on WhatsApp templates still go, elsewhere nothing does until the patient writes.
  const windowAllows: WindowAllows = refusedForWindow
    ? policy === 'templates'
      ? 'templates'
      : 'nothing'
    : conversation.window.allows;
  const windowClosed = windowAllows === 'templates';
  const freeTextBlocked = mode === 'reply' && (windowClosed || windowAllows === 'nothing');
  const suggestions = useCannedReplies(text, !freeTextBlocked);

  useEffect(() => {
    if (conversation.window.open) setRefusedForWindow(false);
  }, [conversation.window.open]);

  const insert = (value: string) => {
    const element = textarea.current;
    const start = element?.selectionStart ?? text.length;
    const end = element?.selectionEnd ?? text.length;
    setText(`${text.slice(0, start)}${value}${text.slice(end)}`);
    window.requestAnimationFrame(() => {
      element?.focus();
      element?.setSelectionRange(start + value.length, start + value.length);
    });
  };

  const errorText = (caught: unknown): string => {
    const problem = sendError(caught, t, policy);
    if (problem.windowClosed) {
      setRefusedForWindow(true);
      sender.refresh();
    }
    return problem.text;
  };

  const sendAttachment = async (file: File, words: string) => {
    const uploaded = await sender.upload(file);
    // The server read the file's kind from its bytes; the browser's guess from the name may differ.
    const type = messageTypeOf(uploaded.kind);
    const media = { mediaId: uploaded.id };
    if (type === 'audio' || type === 'sticker') {
      // Voice notes and stickers carry no caption: the words go right after, as a message of their own.
      await sender.send({ type, media });
      if (words) await sender.send({ type: 'text', text: words });
    } else {
      await sender.send({
        type,
        media,
        ...(words ? { caption: words } : {}),
        ...(type === 'document' ? { fileName: file.name } : {}),
      });
    }
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
        await sendAttachment(attachment, value);
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

  const sendFromDialog = async (message: OutgoingMessage): Promise<string | null> => {
    try {
      await sender.send(message);
      setError(null);
      return null;
    } catch (caught) {
      return errorText(caught);
    }
  };

  const onKeyDown = (event: KeyboardEvent<HTMLTextAreaElement>) => {
    if (suggestions.length > 0 && handleSuggestionKey(event)) return;
    if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) {
      event.preventDefault();
      void submit();
    }
  };

  /** Arrows move through the saved replies, Enter or Tab takes one, Escape dismisses them. */
  const handleSuggestionKey = (event: KeyboardEvent<HTMLTextAreaElement>): boolean => {
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      event.preventDefault();
      const step = event.key === 'ArrowDown' ? 1 : -1;
      setSuggestionIndex((index) => (index + step + suggestions.length) % suggestions.length);
      return true;
    }
    if ((event.key === 'Enter' && !event.ctrlKey && !event.metaKey) || event.key === 'Tab') {
      const pick = suggestions[suggestionIndex];
      if (pick) {
        event.preventDefault();
        setText(pick.text);
        setSuggestionIndex(0);
      }
      return true;
    }
    if (event.key === 'Escape') {
      event.preventDefault();
      setText(`${text} `);
      return true;
    }
    return false;
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
    ? t(windowClosed ? 'composer.placeholderClosed' : 'composer.placeholderNothing')
    : mode === 'note'
      ? t('composer.placeholderNote')
      : attachment
        ? t('composer.placeholderCaption')
        : t('composer.placeholder');

  return {
    mode,
    setMode,
    text,
    changeText: (value) => {
      setText(value);
      setSuggestionIndex(0);
    },
    setText,
    textarea,
    insert,
    writesMedical,
    medical,
    setMedical,
    attachment,
    setAttachment,
    busy,
    error,
    clearError: () => setError(null),
    windowAllows,
    windowClosed,
    freeTextBlocked,
    dialog,
    setDialog,
    suggestions,
    suggestionIndex,
    dragging,
    setDragging,
    limits,
    placeholder,
    canSubmit: !freeTextBlocked && (text.trim() !== '' || (attachment !== null && mode === 'reply')),
    submit,
    sendFromDialog,
    onKeyDown,
    onDrop,
  };
}

function messageTypeOf(kind: string): 'image' | 'video' | 'audio' | 'document' | 'sticker' {
  return kind === 'image' || kind === 'video' || kind === 'audio' || kind === 'sticker' ? kind : 'document';
}
