import { ActionIcon, Avatar, Text, UnstyledButton } from '@mantine/core';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { describeError } from '../api/describe-error.ts';
import { useFormatters } from '../format/formatters.ts';
import { formatPhone } from '../format/people.ts';
import { Icon } from '../ui/icons.tsx';
import { type ChatItem, type ClinicContent, chatOf, digits } from './phone-chat.ts';
import classes from './phone-page.module.css';
import type { Identity } from './phone-setup.tsx';
import { type PatientMessage, type SimulatedNumber, simulatorApi } from './simulator-api.ts';

const POLL_MS = 1000;
/** Photos are shrunk before they leave the phone, as WhatsApp does. */
const MAX_PHOTO_SIDE = 1600;

/** The chat with the clinic: the clinic's messages polled every second, the patient's sent at once. */
export function PhoneChat({ identity, number }: { identity: Identity; number: SimulatedNumber }) {
  const { t } = useTranslation();
  const format = useFormatters();
  const queryClient = useQueryClient();
  const waId = digits(identity.phone);
  const [text, setText] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [photos, setPhotos] = useState<Record<string, string>>({});
  const [list, setList] = useState<Extract<ChatItem, { side: 'clinic' }> | null>(null);
  const scroller = useRef<HTMLDivElement>(null);
  const photoInput = useRef<HTMLInputElement>(null);

  const sent = useQuery({
    queryKey: ['simulator', 'sent', number.phoneNumberId],
    queryFn: () => simulatorApi.sent(number.phoneNumberId),
    refetchInterval: POLL_MS,
  });
  const received = useQuery({
    queryKey: ['simulator', 'received', number.phoneNumberId],
    queryFn: () => simulatorApi.received(number.phoneNumberId),
    refetchInterval: POLL_MS,
  });
  const templates = useQuery({
    queryKey: ['simulator', 'templates', number.wabaId],
    queryFn: () => simulatorApi.templates(number.wabaId),
    staleTime: 60_000,
  });
  const items = useMemo(
    () =>
      chatOf(waId, sent.data?.sends ?? [], received.data?.messages ?? [], templates.data?.templates ?? []),
    [waId, sent.data, received.data, templates.data],
  );
  const lastKey = items.at(-1)?.key;

  // biome-ignore lint/correctness/useExhaustiveDependencies: follows the newest message.
  useEffect(() => {
    scroller.current?.scrollTo({ top: scroller.current.scrollHeight, behavior: 'smooth' });
  }, [lastKey]);

  const patient = { phoneNumberId: number.phoneNumberId, from: identity.phone, name: identity.name };
  const deliver = async (message: PatientMessage): Promise<string | null> => {
    setError(null);
    try {
      const result = await simulatorApi.patientSends(message);
      void queryClient.invalidateQueries({ queryKey: ['simulator', 'received', number.phoneNumberId] });
      return result.wamid;
    } catch (caught) {
      setError(describeError(caught, t));
      return null;
    }
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const value = text.trim();
    if (!value) return;
    setText('');
    const wamid = await deliver({ ...patient, type: 'text', text: value });
    if (!wamid) setText(value);
  };

  const sendPhoto = async (file: File | undefined) => {
    if (!file) return;
    const { base64, mimeType, previewUrl } = await shrinkPhoto(file);
    const wamid = await deliver({ ...patient, type: 'image', bytes: base64, mimeType });
    if (wamid) setPhotos((all) => ({ ...all, [wamid]: previewUrl }));
  };

  const tap = (item: Extract<ChatItem, { side: 'clinic' }>, reply: { id: string; title: string }) =>
    void deliver({ ...patient, type: 'button_reply', replyTo: item.wamid, id: reply.id, title: reply.title });

  return (
    <div className={classes.chat}>
      <div className={classes.statusBar}>
        <span>{format.time(new Date().toISOString())}</span>
        <span className={classes.statusIcons} aria-hidden="true">
          <span className={classes.signal} />
          <span className={classes.battery} />
        </span>
      </div>
      <div className={classes.chatHeader}>
        <Icon name="arrowLeft" size={20} />
        <Avatar size={36} radius="xl" color="careline" variant="filled">
          <Icon name="phone" size={18} />
        </Avatar>
        <div className={classes.chatTitle}>
          <Text fw={600} c="white" size="sm" lh={1.2}>
            {t('phone.clinic')}
          </Text>
          <Text c="rgba(255,255,255,0.8)" size="xs" lh={1.2}>
            {formatPhone(number.displayPhoneNumber)} · {t('phone.business')}
          </Text>
        </div>
        <Icon name="dots" size={20} />
      </div>
      <div className={classes.messages} ref={scroller} role="log" aria-label={t('phone.chatLabel')}>
        <div className={classes.encryption}>
          <Icon name="lock" size={11} /> {t('phone.encryption', { name: identity.name })}
        </div>
        {items.length === 0 && <div className={classes.hintBubble}>{t('phone.sayHello')}</div>}
        {items.map((item) =>
          item.side === 'me' ? (
            <div key={item.key} className={classes.mine} data-testid="phone-mine">
              {item.record.type === 'image' ? (
                photos[item.wamid] ? (
                  <img src={photos[item.wamid]} alt={t('preview.photo')} className={classes.photo} />
                ) : (
                  <div className={classes.mediaLine}>
                    <Icon name="photo" size={16} /> {t('preview.photo')}
                  </div>
                )
              ) : item.record.type === 'button_reply' ||
                item.record.type === 'list_reply' ||
                item.record.type === 'button' ? (
                <div className={classes.tapQuote}>
                  <Icon name="reply" size={13} /> {item.record.text}
                </div>
              ) : (
                <span className={classes.phoneText}>{item.record.text}</span>
              )}
              {item.record.type === 'image' && item.record.text && (
                <span className={classes.phoneText}>{item.record.text}</span>
              )}
              <span className={classes.phoneMeta}>
                {format.time(item.at)}
                <span
                  className={classes.phoneTicks}
                  data-read={item.record.readAt ? 'true' : undefined}
                  role="img"
                  aria-label={item.record.readAt ? t('delivery.read') : t('delivery.delivered')}
                >
                  <Icon name="checks" size={15} stroke={2.2} />
                </span>
              </span>
              {item.reaction && <span className={classes.phoneReaction}>{item.reaction}</span>}
            </div>
          ) : (
            <div key={item.key} className={classes.theirs} data-testid="phone-clinic">
              <ClinicBubble content={item.content} />
              <span className={classes.phoneMeta}>{format.time(item.at)}</span>
              {item.content.kind === 'buttons' && (
                <div className={classes.replyButtons}>
                  {item.content.buttons.map((button) => (
                    <UnstyledButton
                      key={button.id}
                      className={classes.replyButton}
                      onClick={() => tap(item, button)}
                    >
                      <Icon name="reply" size={14} /> {button.title}
                    </UnstyledButton>
                  ))}
                </div>
              )}
              {item.content.kind === 'template' && item.content.quickReplies.length > 0 && (
                <div className={classes.replyButtons}>
                  {item.content.quickReplies.map((reply) => (
                    <UnstyledButton
                      key={reply.text}
                      className={classes.replyButton}
                      onClick={() =>
                        void deliver({
                          ...patient,
                          type: 'button',
                          replyTo: item.wamid,
                          payload: reply.payload,
                          text: reply.text,
                        })
                      }
                    >
                      <Icon name="reply" size={14} /> {reply.text}
                    </UnstyledButton>
                  ))}
                </div>
              )}
              {item.content.kind === 'list' && (
                <div className={classes.replyButtons}>
                  <UnstyledButton className={classes.replyButton} onClick={() => setList(item)}>
                    <Icon name="buttons" size={14} /> {item.content.button}
                  </UnstyledButton>
                </div>
              )}
              {item.content.kind === 'link' && (
                <div className={classes.replyButtons}>
                  <a className={classes.replyButton} href={item.content.url} target="_blank" rel="noreferrer">
                    {item.content.label}
                  </a>
                </div>
              )}
            </div>
          ),
        )}
      </div>
      {error && (
        <div className={classes.phoneError} role="alert">
          {error}
        </div>
      )}
      <form className={classes.inputBar} onSubmit={submit}>
        <div className={classes.inputPill}>
          <Icon name="smile" size={22} className={classes.inputIcon} />
          <input
            className={classes.input}
            value={text}
            onChange={(event) => setText(event.currentTarget.value)}
            placeholder={t('phone.placeholder')}
            aria-label={t('phone.messageLabel')}
          />
          <ActionIcon
            variant="transparent"
            color="gray"
            aria-label={t('phone.sendPhoto')}
            onClick={() => photoInput.current?.click()}
          >
            <Icon name="camera" size={22} />
          </ActionIcon>
          <input
            ref={photoInput}
            type="file"
            accept="image/jpeg,image/png"
            hidden
            aria-hidden="true"
            tabIndex={-1}
            data-testid="phone-photo-input"
            onChange={(event) => {
              void sendPhoto(event.currentTarget.files?.[0]);
              event.currentTarget.value = '';
            }}
          />
        </div>
        <ActionIcon
          type="submit"
          size={46}
          radius="xl"
          color="#00a884"
          variant="filled"
          aria-label={t('phone.send')}
        >
          <Icon name={text.trim() ? 'send' : 'microphone'} size={20} />
        </ActionIcon>
      </form>
      {list && list.content.kind === 'list' && (
        <div className={classes.sheet} role="dialog" aria-label={list.content.button}>
          <div className={classes.sheetHandle} />
          <Text fw={700} ta="center" mb="xs">
            {list.content.button}
          </Text>
          {list.content.rows.map((row) => (
            <UnstyledButton
              key={row.id}
              className={classes.sheetRow}
              onClick={() => {
                void deliver({
                  ...patient,
                  type: 'list_reply',
                  replyTo: list.wamid,
                  id: row.id,
                  title: row.title,
                  ...(row.description ? { description: row.description } : {}),
                });
                setList(null);
              }}
            >
              <Text size="sm" fw={600}>
                {row.title}
              </Text>
              {row.description && (
                <Text size="xs" c="dimmed">
                  {row.description}
                </Text>
              )}
            </UnstyledButton>
          ))}
          <UnstyledButton className={classes.sheetCancel} onClick={() => setList(null)}>
            {t('common.cancel')}
          </UnstyledButton>
        </div>
      )}
    </div>
  );
}

function ClinicBubble({ content }: { content: ClinicContent }) {
  const { t } = useTranslation();
  switch (content.kind) {
    case 'text':
      return <span className={classes.phoneText}>{content.text}</span>;
    case 'image':
    case 'video':
    case 'sticker':
    case 'audio':
      return (
        <>
          <div className={classes.mediaLine}>
            <Icon
              name={content.kind === 'audio' ? 'microphone' : content.kind === 'video' ? 'video' : 'photo'}
              size={16}
            />
            {t(
              `preview.${content.kind === 'sticker' ? 'sticker' : content.kind === 'audio' ? 'audio' : content.kind === 'video' ? 'video' : 'photo'}`,
            )}
          </div>
          {content.caption && <span className={classes.phoneText}>{content.caption}</span>}
        </>
      );
    case 'document':
      return (
        <>
          <div className={classes.docLine}>
            <span className={classes.docIcon}>
              <Icon name="file" size={18} />
            </span>
            <span>{content.fileName ?? t('preview.document')}</span>
          </div>
          {content.caption && <span className={classes.phoneText}>{content.caption}</span>}
        </>
      );
    case 'buttons':
    case 'list':
    case 'link':
      return <span className={classes.phoneText}>{content.body}</span>;
    case 'template':
      return <span className={classes.phoneText}>{content.text}</span>;
    case 'location':
      return (
        <div className={classes.mediaLine}>
          <Icon name="mapPin" size={16} />{' '}
          {[content.name, content.address].filter(Boolean).join(' — ') || t('preview.location')}
        </div>
      );
    case 'contacts':
      return (
        <div className={classes.mediaLine}>
          <Icon name="user" size={16} /> {content.names.join(', ')}
        </div>
      );
  }
}

/** A JPEG at most MAX_PHOTO_SIDE pixels wide or high, in base64, and a local preview of it. */
export async function shrinkPhoto(
  file: File,
): Promise<{ base64: string; mimeType: string; previewUrl: string }> {
  const previewUrl = URL.createObjectURL(file);
  try {
    const bitmap = await createImageBitmap(file);
    const scale = Math.min(1, MAX_PHOTO_SIDE / Math.max(bitmap.width, bitmap.height));
    const canvas = document.createElement('canvas');
    canvas.width = Math.round(bitmap.width * scale);
    canvas.height = Math.round(bitmap.height * scale);
    canvas.getContext('2d')?.drawImage(bitmap, 0, 0, canvas.width, canvas.height);
    const dataUrl = canvas.toDataURL('image/jpeg', 0.85);
    return { base64: dataUrl.slice(dataUrl.indexOf(',') + 1), mimeType: 'image/jpeg', previewUrl };
  } catch {
    const bytes = new Uint8Array(await file.arrayBuffer());
    let binary = '';
    for (const byte of bytes) binary += String.fromCharCode(byte);
    return { base64: btoa(binary), mimeType: file.type || 'image/jpeg', previewUrl };
  }
}
