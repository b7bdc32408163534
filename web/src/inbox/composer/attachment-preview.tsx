import { CloseButton, Text } from '@mantine/core';
import { useEffect, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { useFormatters } from '../../format/formatters.ts';
import { Icon } from '../../ui/icons.tsx';
import classes from './composer.module.css';

/** The file about to be sent: a thumbnail for a picture, its name and size, a way to remove it. */
export function AttachmentPreview({
  file,
  timeZone,
  onRemove,
}: {
  file: File;
  timeZone: string;
  onRemove(): void;
}) {
  const { t } = useTranslation();
  const format = useFormatters(timeZone);
  const preview = useObjectUrl(file);
  return (
    <div className={classes.attachment}>
      {preview && file.type.startsWith('image/') ? (
        <img src={preview} alt="" className={classes.thumb} />
      ) : (
        <div className={classes.fileIcon}>
          <Icon name="file" size={20} />
        </div>
      )}
      <div className={classes.attachmentText}>
        <Text size="sm" fw={600} truncate>
          {file.name}
        </Text>
        <Text size="xs" c="dimmed">
          {format.fileSize(file.size)}
        </Text>
      </div>
      <CloseButton aria-label={t('composer.removeAttachment')} onClick={onRemove} />
    </div>
  );
}

function useObjectUrl(file: File): string | null {
  const url = useMemo(() => URL.createObjectURL(file), [file]);
  useEffect(() => () => URL.revokeObjectURL(url), [url]);
  return url;
}
