import { ActionIcon, Avatar, Text, UnstyledButton } from '@mantine/core';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { describeError } from '../api/describe-error.ts';
import { useFormatters } from '../format/formatters.ts';
import { Icon } from '../ui/icons.tsx';
import { shrinkPhoto } from './phone-chat-screen.tsx';
import classes from './phone-page.module.css';
import type { Identity } from './phone-setup.tsx';
import {
  type PhoneAppAccount,
  type PhoneAppAction,
  type PhoneAppItem,
  simulatorApi,
} from './simulator-api.ts';

const POLL_MS = 1000;

/**
 * The chat with the clinic in Telegram, Messenger, Instagram or LINE: the same person (their phone number is
 * the key the simulator knows them by) writing from another app. Buttons and quick replies are tappable.
 */
export function AppChat({ identity, account }: { identity: Identity; account: PhoneAppAccount }) {
  const { t } = useTranslation();
  const format = useFormatters();
  const queryClient = useQueryClient();
  const [text, setText] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [photos, setPhotos] = useState<Record<string, string>>({});
  const scroller = useRef<HTMLDivElement>(null);
  const photoInput = useRef<HTMLInputElement>(null);
  const person = { key: identity.phone, name: identity.name };
  const queryKey = ['simulator', 'app', account.app, account.accountId, identity.phone];

  const conversation = useQuery({
    queryKey,
    queryFn: () => simulatorApi.appConversation(account, identity.phone),
    refetchInterval: POLL_MS,
  });
  const items = conversation.data?.items ?? [];
  const lastKey = items.at(-1)?.id;
  const unseen = items.some((item) => item.side === 'clinic' && item.seen === false);

  // biome-ignore lint/correctness/useExhaustiveDependencies: follows the newest message.
  useEffect(() => {
    scroller.current?.scrollTo({ top: scroller.current.scrollHeight, behavior: 'smooth' });
  }, [lastKey]);

  // The chat is open on screen: Messenger and Instagram tell the clinic it was read.
  // biome-ignore lint/correctness/useExhaustiveDependencies: only when something new is unseen.
  useEffect(() => {
    if (unseen) void simulatorApi.appActs(account, person, { type: 'read' }).catch(() => undefined);
  }, [unseen, lastKey]);

  const act = async (action: PhoneAppAction): Promise<boolean> => {
    setError(null);
    try {
      await simulatorApi.appActs(account, person, action);
      void queryClient.invalidateQueries({ queryKey });
      return true;
    } catch (caught) {
      setError(describeError(caught, t));
      return false;
    }
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const value = text.trim();
    if (!value) return;
    setText('');
    if (!(await act({ type: 'text', text: value }))) setText(value);
  };

  const sendPhoto = async (file: File | undefined) => {
    if (!file) return;
    const { base64, mimeType, previewUrl } = await shrinkPhoto(file);
    const before = new Set(items.map((item) => item.id));
    const type = account.app === 'telegram' ? 'photo' : 'image';
    if (!(await act({ type, bytes: base64, mimeType }))) return;
    const fresh = await simulatorApi.appConversation(account, identity.phone);
    const mine = fresh.items.findLast((item) => item.side === 'me' && !before.has(item.id));
    if (mine) setPhotos((all) => ({ ...all, [mine.id]: previewUrl }));
  };

  return (
    <div className={classes.chat} data-app={account.app}>
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
            {account.name}
          </Text>
          <Text c="rgba(255,255,255,0.8)" size="xs" lh={1.2}>
            {account.handle} · {t(`phone.apps.${account.app}`)}
          </Text>
        </div>
        <Icon name="dots" size={20} />
      </div>
      <div className={classes.messages} ref={scroller} role="log" aria-label={t('phone.chatLabel')}>
        <div className={classes.encryption}>
          <Icon name="lock" size={11} />{' '}
          {t('phone.appNotice', { name: identity.name, app: t(`phone.apps.${account.app}`) })}
        </div>
        {items.length === 0 && <div className={classes.hintBubble}>{t('phone.sayHello')}</div>}
        {items.map((item) =>
          item.side === 'me' ? (
            <div key={item.id} className={classes.mine} data-testid="phone-mine">
              {item.kind === 'image' && photos[item.id] ? (
                <img src={photos[item.id]} alt={t('preview.photo')} className={classes.photo} />
              ) : item.kind === 'tap' ? (
                <div className={classes.tapQuote}>
                  <Icon name="reply" size={13} /> {item.text}
                </div>
              ) : (
                <ItemBody item={item} />
              )}
              <span className={classes.phoneMeta}>{format.time(item.at)}</span>
              {item.reaction && <span className={classes.phoneReaction}>{item.reaction}</span>}
            </div>
          ) : (
            <div key={item.id} className={classes.theirs} data-testid="phone-clinic">
              <ItemBody item={item} />
              <span className={classes.phoneMeta}>{format.time(item.at)}</span>
              {item.buttons.length > 0 && (
                <div className={classes.replyButtons}>
                  {item.buttons.map((button) =>
                    button.kind === 'link' && button.url ? (
                      <a
                        key={button.id}
                        className={classes.replyButton}
                        href={button.url}
                        target="_blank"
                        rel="noreferrer"
                      >
                        {button.title}
                      </a>
                    ) : (
                      <UnstyledButton
                        key={button.id}
                        className={classes.replyButton}
                        onClick={() => void act({ type: 'tap', messageId: item.id, buttonId: button.id })}
                      >
                        <Icon name="reply" size={14} /> {button.title}
                      </UnstyledButton>
                    ),
                  )}
                </div>
              )}
              {item.reaction && <span className={classes.phoneReaction}>{item.reaction}</span>}
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
          className={classes.appSend}
          variant="filled"
          aria-label={t('phone.send')}
        >
          <Icon name="send" size={20} />
        </ActionIcon>
      </form>
    </div>
  );
}

function ItemBody({ item }: { item: PhoneAppItem }) {
  const { t } = useTranslation();
  switch (item.kind) {
    case 'text':
    case 'tap':
      return <span className={classes.phoneText}>{item.text}</span>;
    case 'location':
      return (
        <div className={classes.mediaLine}>
          <Icon name="mapPin" size={16} /> {item.text || t('preview.location')}
        </div>
      );
    case 'contact':
      return (
        <div className={classes.mediaLine}>
          <Icon name="user" size={16} /> {item.text}
        </div>
      );
    case 'document':
      return (
        <>
          <div className={classes.docLine}>
            <span className={classes.docIcon}>
              <Icon name="file" size={18} />
            </span>
            <span>{item.fileName ?? t('preview.document')}</span>
          </div>
          {item.text && <span className={classes.phoneText}>{item.text}</span>}
        </>
      );
    default: {
      const icon =
        item.kind === 'audio' || item.kind === 'voice'
          ? 'microphone'
          : item.kind === 'video'
            ? 'video'
            : 'photo';
      const label = item.kind === 'voice' ? 'audio' : item.kind === 'image' ? 'photo' : item.kind;
      return (
        <>
          <div className={classes.mediaLine}>
            <Icon name={icon} size={16} /> {t(`preview.${label}`)}
          </div>
          {item.text && <span className={classes.phoneText}>{item.text}</span>}
        </>
      );
    }
  }
}
