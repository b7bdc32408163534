import { Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { type Message, OMITTED_PARTS, type OmittedPart } from '../../api/types.ts';
import type { Formatters } from '../../format/formatters.ts';
import { Icon } from '../../ui/icons.tsx';
import { messagePreview } from '../message-preview.ts';
import { DeliveryTicks, failureText, type WindowPolicy } from './delivery-ticks.tsx';
import { MessageBody } from './message-body.tsx';
import classes from './timeline.module.css';

interface Props {
  message: Message;
  contactName: string | null;
  quoted: Message | undefined;
  continued: boolean;
  highlighted: boolean;
  format: Formatters;
  windowPolicy: WindowPolicy;
}

/** A WhatsApp-like bubble: the patient on the left, the clinic on the right, notes in yellow. */
export function MessageBubble({
  message,
  contactName,
  quoted,
  continued,
  highlighted,
  format,
  windowPolicy,
}: Props) {
  const { t } = useTranslation();
  if (message.type === 'system') {
    return (
      <div className={classes.system} id={`message-${message.id}`}>
        <span>{message.text ?? t('message.system')}</span>
      </div>
    );
  }
  const side = message.direction === 'inbound' ? 'left' : 'right';
  const notDelivered = message.status === 'failed' || message.status === 'refused';
  const reactions = message.reactions.filter((reaction) => reaction.emoji !== '');
  const omitted = omittedParts(message);

  return (
    <div
      className={classes.row}
      id={`message-${message.id}`}
      data-side={side}
      data-continued={continued || undefined}
      data-highlighted={highlighted || undefined}
      data-testid="message"
      data-direction={message.direction}
      data-status={message.status}
    >
      <div
        className={classes.bubble}
        data-direction={message.direction}
        data-failed={notDelivered || undefined}
        data-media={isVisualMedia(message) || undefined}
      >
        {message.direction === 'note' && (
          <div className={classes.noteLabel}>
            <Icon name="lock" size={12} />
            {t(message.medical ? 'note.medical' : 'note.label')}
            <span className={classes.noteHint}>
              · {t(message.medical ? 'note.onlyClinicians' : 'note.onlyStaff')}
            </span>
          </div>
        )}
        {message.author && message.direction !== 'inbound' && !continued && (
          <div className={classes.author}>{message.author.name ?? t('message.someone')}</div>
        )}
        {message.automated && !message.author && !continued && (
          <div className={classes.author} data-automated>
            <Icon name="bolt" size={12} /> {t('message.automation')}
          </div>
        )}
        {quoted && <Quote message={quoted} contactName={contactName} />}
        {message.reply_to_external_id && !quoted && message.type !== 'button_reply' && (
          <div className={classes.quote}>
            <Text size="xs" c="dimmed" fs="italic">
              {t('message.quotedUnavailable')}
            </Text>
          </div>
        )}
        <MessageBody message={message} format={format} />
        <div className={classes.meta}>
          {message.edited_at && !message.deleted_at && <span>{t('message.edited')}</span>}
          <time dateTime={message.occurred_at} title={format.dateTime(message.occurred_at)}>
            {format.time(message.occurred_at)}
          </time>
          <DeliveryTicks message={message} windowPolicy={windowPolicy} />
        </div>
      </div>
      {reactions.length > 0 && (
        <div
          className={classes.reactions}
          role="img"
          aria-label={t('message.reactions', { emoji: reactions.map((r) => r.emoji).join(' ') })}
        >
          {reactions.map((reaction) => (
            <span
              key={`${reaction.direction}-${reaction.emoji}`}
              title={t(`message.reactedBy.${reaction.direction}`)}
            >
              {reaction.emoji}
            </span>
          ))}
        </div>
      )}
      {notDelivered && (
        <div className={classes.failure} role="note">
          <Icon name="alert" size={13} />
          {message.status === 'refused' ? t('delivery.refusedLine') : t('delivery.failedLine')}{' '}
          {failureText(message, t, windowPolicy)}
        </div>
      )}
      {omitted.length > 0 && (
        <div className={classes.omitted} role="note" data-testid="omitted-parts">
          <Icon name="alert" size={13} />
          {t('message.omitted', {
            parts: omitted.map((part) => t(`message.omittedPart.${part}`)).join(', '),
          })}
        </div>
      )}
    </div>
  );
}

/** Parts of a patient's message Careline could not store and left out (the server names them). */
function omittedParts(message: Message): OmittedPart[] {
  const parts = message.content?.omitted ?? [];
  return OMITTED_PARTS.filter((part) => parts.includes(part));
}

function Quote({ message, contactName }: { message: Message; contactName: string | null }) {
  const { t } = useTranslation();
  const preview = messagePreview(message, t);
  const who =
    message.direction === 'inbound'
      ? (contactName ?? t('message.patient'))
      : (message.author?.name ?? t('message.clinic'));
  return (
    <a className={classes.quote} href={`#message-${message.id}`} data-direction={message.direction}>
      <span className={classes.quoteWho}>{who}</span>
      <span className={classes.quoteText}>
        {preview.icon && <Icon name={preview.icon} size={12} />} {preview.text}
      </span>
    </a>
  );
}

function isVisualMedia(message: Message): boolean {
  return ['image', 'video', 'sticker'].includes(message.type) && !message.deleted_at;
}
