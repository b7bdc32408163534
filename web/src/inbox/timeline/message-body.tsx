import { Anchor, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { inboxApi, isShownInline, mediaUrl, queryKeys } from '../../api/inbox-api.ts';
import type { MediaFile, Message, Template } from '../../api/types.ts';
import type { Formatters } from '../../format/formatters.ts';
import { formatPhone } from '../../format/people.ts';
import { Icon } from '../../ui/icons.tsx';
import { fillTemplate, templateBody } from '../composer/template-text.ts';
import classes from './timeline.module.css';

/** media_files.error of a file the clinic's retention policy erased (server: media-retention.service.ts). */
const FILE_ERASED_BY_RETENTION = 'erased_by_retention_policy';

/** What a message says or carries, by type: text, photos, voice notes, documents, places, cards, buttons. */
export function MessageBody({ message, format }: { message: Message; format: Formatters }) {
  const { t } = useTranslation();
  if (message.deleted_at) {
    return (
      <Text className={classes.deleted}>
        <Icon name="x" size={13} /> {t('message.deleted')}
      </Text>
    );
  }
  const file = message.media[0];
  if (message.retention_erased_at) {
    // The text and details are gone; a file the policy keeps longer still shows, above the marker.
    const removed = (
      <Text className={classes.deleted}>
        <Icon name="clock" size={13} /> {t('privacy.removedByRetention')}
      </Text>
    );
    if (file?.status !== 'stored') return removed;
    return (
      <>
        {isShownInline(file) && ['image', 'sticker', 'video'].includes(message.type) ? (
          <MediaPreview file={file} kind={message.type} alt={t('preview.photo')} />
        ) : (
          <DocumentCard file={file} format={format} />
        )}
        {removed}
      </>
    );
  }
  const caption = message.text ? <Text className={classes.text}>{message.text}</Text> : null;
  // A "photo" whose bytes are something else is offered as a file to download, never shown.
  if (file?.status === 'stored' && !isShownInline(file) && MEDIA_TYPES.includes(message.type)) {
    return (
      <>
        <DocumentCard file={file} format={format} />
        {caption}
      </>
    );
  }
  switch (message.type) {
    case 'text':
      return <Text className={classes.text}>{message.text}</Text>;
    case 'image':
    case 'sticker':
      return (
        <>
          <MediaPreview file={file} kind={message.type} alt={message.text ?? t('preview.photo')} />
          {message.type === 'image' && caption}
        </>
      );
    case 'video':
      return (
        <>
          <MediaPreview file={file} kind="video" alt={message.text ?? t('preview.video')} />
          {caption}
        </>
      );
    case 'audio':
    case 'voice':
      return (
        <>
          <div className={classes.audio}>
            <Icon name="microphone" size={18} />
            {file?.status === 'stored' ? (
              // biome-ignore lint/a11y/useMediaCaption: patients' voice notes come without captions.
              <audio
                controls
                preload="none"
                src={mediaUrl(file.id, { inline: true })}
                aria-label={t(`preview.${message.type}`)}
              />
            ) : (
              <MediaState file={file} />
            )}
          </div>
          {message.type === 'audio' && caption}
        </>
      );
    case 'document':
      return (
        <>
          <DocumentCard file={file} format={format} />
          {caption && message.text !== file?.file_name ? caption : null}
        </>
      );
    case 'location':
      return <LocationCard message={message} />;
    case 'contacts':
      return (
        <div className={classes.cards}>
          {(message.content?.contacts ?? []).map((card, index) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: contact cards are a fixed list that never reorders.
            <div key={`${card.name}-${index}`} className={classes.card}>
              <Icon name="user" size={18} />
              <div>
                <Text size="sm" fw={600}>
                  {card.name ?? t('preview.contact')}
                </Text>
                {(card.phones ?? []).map((phone) => (
                  <Text key={phone.phone ?? phone.waId} size="xs" c="dimmed">
                    {formatPhone(phone.phone ?? phone.waId)}
                  </Text>
                ))}
              </div>
            </div>
          ))}
        </div>
      );
    case 'button_reply':
    case 'list_reply':
      return (
        <div className={classes.tapped}>
          <Icon name="reply" size={14} />
          <span>
            <span className={classes.tappedLabel}>{t('message.tapped')}</span>{' '}
            <strong>{message.content?.reply?.title ?? message.text}</strong>
          </span>
        </div>
      );
    case 'buttons':
    case 'interactive':
      return <ButtonsBody message={message} />;
    case 'list':
      return <ListBody message={message} />;
    case 'ctaUrl':
      return <CallToActionBody message={message} />;
    case 'template':
      return <TemplateBody message={message} />;
    case 'reaction':
      return <Text className={classes.text}>{t('preview.reaction', { emoji: message.text ?? '' })}</Text>;
    default:
      return (
        <>
          {caption}
          <Text className={classes.deleted}>{t('message.unsupported', { type: message.type })}</Text>
        </>
      );
  }
}

const MEDIA_TYPES = ['image', 'sticker', 'video', 'audio', 'voice'];

function MediaPreview({ file, kind, alt }: { file: MediaFile | undefined; kind: string; alt: string }) {
  if (file?.status !== 'stored') return <MediaState file={file} />;
  const src = mediaUrl(file.id, { inline: true });
  if (kind === 'video') {
    return (
      // biome-ignore lint/a11y/useMediaCaption: patients' videos come without captions.
      <video className={classes.visual} controls preload="metadata" src={src} aria-label={alt} />
    );
  }
  return (
    <a href={src} target="_blank" rel="noreferrer" className={classes.visualLink}>
      <img
        className={kind === 'sticker' ? classes.sticker : classes.visual}
        src={src}
        alt={alt}
        loading="lazy"
      />
    </a>
  );
}

function MediaState({ file }: { file: MediaFile | undefined }) {
  const { t } = useTranslation();
  const failed = !file || file.status === 'failed';
  return (
    <div className={classes.mediaState} data-failed={failed || undefined}>
      <Icon name={failed ? 'alert' : 'download'} size={16} />
      {failed ? unavailableText(file, t) : t('media.downloading')}
    </div>
  );
}

/** Why a file cannot be shown: erased by the clinic's retention policy, or never retrieved. */
function unavailableText(file: MediaFile | undefined, t: TFunction): string {
  return file?.error === FILE_ERASED_BY_RETENTION
    ? t('privacy.fileRemovedByRetention')
    : t('media.unavailable');
}

function DocumentCard({ file, format }: { file: MediaFile | undefined; format: Formatters }) {
  const { t } = useTranslation();
  const name = file?.file_name ?? t('preview.document');
  const extension = name.includes('.') ? name.split('.').pop()?.toUpperCase() : undefined;
  const details = [extension, file?.size ? format.fileSize(file.size) : null].filter(Boolean).join(' · ');
  const ready = file?.status === 'stored';
  return (
    <div className={classes.document}>
      <div className={classes.documentIcon}>
        <Icon name="file" size={22} />
      </div>
      <div className={classes.documentText}>
        <Text size="sm" fw={600} lineClamp={2}>
          {name}
        </Text>
        <Text size="xs" c="dimmed">
          {ready ? details : file?.status === 'failed' ? unavailableText(file, t) : t('media.downloading')}
        </Text>
      </div>
      {ready && file && (
        <Anchor
          href={mediaUrl(file.id)}
          download={name}
          className={classes.documentDownload}
          aria-label={t('media.download', { name })}
        >
          <Icon name="download" size={18} />
        </Anchor>
      )}
    </div>
  );
}

function LocationCard({ message }: { message: Message }) {
  const { t } = useTranslation();
  const location = message.content?.location;
  if (!location) return <Text className={classes.text}>{message.text ?? t('preview.location')}</Text>;
  const map = `https://www.openstreetmap.org/?mlat=${location.latitude}&mlon=${location.longitude}#map=17/${location.latitude}/${location.longitude}`;
  return (
    <div className={classes.location}>
      <div className={classes.locationPin}>
        <Icon name="mapPin" size={26} />
      </div>
      <div>
        <Text size="sm" fw={600}>
          {location.name ?? t('preview.location')}
        </Text>
        {location.address && (
          <Text size="xs" c="dimmed">
            {location.address}
          </Text>
        )}
        <Anchor href={map} target="_blank" rel="noreferrer" size="xs">
          {t('message.openMap')} ({location.latitude.toFixed(4)}, {location.longitude.toFixed(4)})
        </Anchor>
      </div>
    </div>
  );
}

function ButtonsBody({ message }: { message: Message }) {
  const outbound = message.content?.outbound;
  return (
    <>
      <Text className={classes.text}>{message.text ?? outbound?.body}</Text>
      {outbound?.buttons && outbound.buttons.length > 0 && (
        <div className={classes.buttons}>
          {outbound.buttons.map((button) => (
            <span key={button.id} className={classes.button}>
              <Icon name="reply" size={13} /> {button.title}
            </span>
          ))}
        </div>
      )}
    </>
  );
}

/** A list as the patient sees it: the question, the button that opens it, and its rows. */
function ListBody({ message }: { message: Message }) {
  const outbound = message.content?.outbound;
  return (
    <>
      <Text className={classes.text}>{outbound?.body ?? message.text}</Text>
      <div className={classes.listLabel}>
        <Icon name="buttons" size={13} /> {outbound?.buttonLabel}
      </div>
      {(outbound?.sections ?? []).map((section, index) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: a sent message's sections never change.
        <div key={index} className={classes.listSection}>
          {section.title && <div className={classes.listSectionTitle}>{section.title}</div>}
          <ol className={classes.listRows}>
            {section.rows.map((row) => (
              <li key={row.id}>
                <span className={classes.listRowTitle}>{row.title}</span>
                {row.description && <span className={classes.listRowDescription}>{row.description}</span>}
              </li>
            ))}
          </ol>
        </div>
      ))}
    </>
  );
}

function CallToActionBody({ message }: { message: Message }) {
  const outbound = message.content?.outbound;
  return (
    <>
      <Text className={classes.text}>{outbound?.body ?? message.text}</Text>
      {outbound?.url && (
        <Anchor href={outbound.url} target="_blank" rel="noreferrer" size="sm" className={classes.button}>
          <Icon name="reply" size={13} /> {outbound.displayText ?? outbound.url}
        </Anchor>
      )}
    </>
  );
}

function TemplateBody({ message }: { message: Message }) {
  const { t } = useTranslation();
  const outbound = message.content?.outbound;
  const templates = useQuery({
    queryKey: queryKeys.templates,
    queryFn: inboxApi.templates,
    enabled: !message.text && outbound?.name !== undefined,
    staleTime: 5 * 60_000,
  });
  const template: Template | undefined = templates.data?.data.find(
    (candidate) => candidate.name === outbound?.name && candidate.language === outbound?.language,
  );
  const body = template ? templateBody(template) : undefined;
  const text = message.text ?? (body ? fillTemplate(body, bodyValues(outbound?.components?.body)) : null);
  return (
    <>
      <div className={classes.templateTag}>
        <Icon name="template" size={12} />
        {t('message.template', { name: outbound?.name ?? '', language: outbound?.language ?? '' })}
      </div>
      {text ? (
        <Text className={classes.text}>{text}</Text>
      ) : (
        <Text className={classes.text} c="dimmed">
          {bodyValues(outbound?.components?.body).join(' · ')}
        </Text>
      )}
    </>
  );
}

/** A template's body values: a list, or named values (`{{first_name}}`) in the order they were given. */
function bodyValues(body: string[] | Record<string, string | undefined> | undefined): string[] {
  if (!body) return [];
  if (Array.isArray(body)) return body;
  return Object.values(body).filter((value) => value !== undefined);
}
