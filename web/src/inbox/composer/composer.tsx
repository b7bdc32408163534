import { Group, Text, Textarea } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { acceptedFileTypes } from '../../api/channel-limits.ts';
import type { Conversation } from '../../api/types.ts';
import { CHANNEL_NAMES } from '../../ui/channel-icon.tsx';
import { usePatientChannels } from '../use-patient-channels.ts';
import { AttachmentPreview } from './attachment-preview.tsx';
import { ButtonsDialog } from './buttons-dialog.tsx';
import classes from './composer.module.css';
import { SendErrorBanner } from './composer-banners.tsx';
import { ComposerModeBar } from './composer-mode-bar.tsx';
import { ComposerSendGroup } from './composer-send-group.tsx';
import { ComposerTools } from './composer-tools.tsx';
import { ReplyChannelPicker } from './reply-channel-picker.tsx';
import { SavedReplySuggestions, SUGGESTIONS_ID } from './saved-reply-suggestions.tsx';
import { SmsSegments } from './sms-segments.tsx';
import { TemplatePicker } from './template-picker.tsx';
import { useComposer } from './use-composer.ts';
import { WindowNotice } from './window-notice.tsx';

/**
 * Writes to the patient (text, emoji, a file, reply buttons, a template) or to colleagues (an
 * internal note). The channel's window decides what else can go once its 24 hours are over (WindowNotice).
 */
export function Composer({ conversation, timeZone }: { conversation: Conversation; timeZone: string }) {
  const { t } = useTranslation();
  const channels = usePatientChannels(conversation.id);
  // Kept per conversation: opening another conversation answers on its own channel again.
  const [choice, setChoice] = useState<{ of: string; via: string } | null>(null);
  const via = channels?.find(
    (c) => !c.current && choice?.of === conversation.id && c.channel_account_id === choice.via,
  );
  // Answering on another channel: its window, limits and templates rule the composer.
  const target: Conversation = via
    ? {
        ...conversation,
        channel: via.channel,
        channel_account_id: via.channel_account_id,
        window: via.window,
      }
    : conversation;
  const composer = useComposer(target, via?.channel_account_id);
  const { mode, suggestions, limits } = composer;
  const suggesting = suggestions.length > 0;

  return (
    <div className={classes.wrapper}>
      {mode === 'reply' && channels && channels.length > 1 && (
        <ReplyChannelPicker
          channels={channels}
          value={via?.channel_account_id ?? null}
          onChange={(id) => setChoice(id ? { of: conversation.id, via: id } : null)}
          timeZone={timeZone}
        />
      )}
      {mode === 'reply' && via && (
        <Text size="xs" c="dimmed" className={classes.replyViaNote} role="status">
          {t('replyVia.elsewhere', { channel: CHANNEL_NAMES[via.channel], name: via.name })}
        </Text>
      )}
      {mode === 'reply' && (
        <WindowNotice
          conversation={target}
          allows={composer.windowAllows}
          timeZone={timeZone}
          onChooseTemplate={() => composer.setDialog('template')}
        />
      )}
      {composer.error && <SendErrorBanner error={composer.error} onClose={composer.clearError} />}
      <section
        aria-label={t('composer.region')}
        className={classes.composer}
        data-mode={mode}
        data-dragging={composer.dragging || undefined}
        onDragOver={(event) => {
          event.preventDefault();
          composer.setDragging(true);
        }}
        onDragLeave={() => composer.setDragging(false)}
        onDrop={composer.onDrop}
      >
        <ComposerModeBar mode={mode} onChange={composer.setMode} />
        {composer.attachment && mode === 'reply' && (
          <AttachmentPreview
            file={composer.attachment}
            timeZone={timeZone}
            onRemove={() => composer.setAttachment(null)}
          />
        )}
        <div className={classes.inputArea}>
          {suggesting && (
            <SavedReplySuggestions
              replies={suggestions}
              activeIndex={composer.suggestionIndex}
              onPick={(reply) => {
                composer.setText(reply.text);
                composer.textarea.current?.focus();
              }}
            />
          )}
          <Textarea
            ref={composer.textarea}
            value={composer.text}
            onChange={(event) => composer.changeText(event.currentTarget.value)}
            onKeyDown={composer.onKeyDown}
            placeholder={composer.placeholder}
            aria-label={mode === 'note' ? t('composer.noteLabel') : t('composer.label')}
            disabled={composer.freeTextBlocked || composer.busy}
            autosize
            minRows={2}
            maxRows={8}
            maxLength={limits?.text_length}
            variant="unstyled"
            classNames={{ input: classes.textarea }}
            aria-autocomplete={suggesting ? 'list' : undefined}
            aria-controls={suggesting ? SUGGESTIONS_ID : undefined}
          />
        </div>
        {mode === 'reply' && <SmsSegments conversation={target} text={composer.text} />}
        <Group justify="space-between" gap={4} className={classes.toolbar}>
          <ComposerTools composer={composer} accept={acceptedFileTypes(limits)} />
          <ComposerSendGroup composer={composer} />
        </Group>
      </section>
      <TemplatePicker
        opened={composer.dialog === 'template'}
        onClose={() => composer.setDialog(null)}
        onSend={composer.sendFromDialog}
        contactName={conversation.contact.display_name}
      />
      <ButtonsDialog
        opened={composer.dialog === 'buttons'}
        onClose={() => composer.setDialog(null)}
        onSend={composer.sendFromDialog}
        initialBody={composer.text}
        onSent={() => composer.setText('')}
        limits={limits}
      />
    </div>
  );
}
