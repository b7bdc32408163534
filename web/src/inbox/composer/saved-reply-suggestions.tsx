import { Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { CannedReply } from '../../api/types.ts';
import classes from './composer.module.css';

export const SUGGESTIONS_ID = 'canned-replies';

/** The saved replies matching the `/shortcut` being typed; the textarea's arrows move through them. */
export function SavedReplySuggestions({
  replies,
  activeIndex,
  onPick,
}: {
  replies: CannedReply[];
  activeIndex: number;
  onPick(reply: CannedReply): void;
}) {
  const { t } = useTranslation();
  return (
    <div
      className={classes.suggestions}
      role="listbox"
      aria-label={t('composer.savedReplies')}
      id={SUGGESTIONS_ID}
    >
      {replies.map((reply, index) => (
        <div
          key={reply.id}
          role="option"
          tabIndex={-1}
          aria-selected={index === activeIndex}
          className={classes.suggestion}
          data-active={index === activeIndex || undefined}
          onMouseDown={(event) => event.preventDefault()}
          onClick={() => onPick(reply)}
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
  );
}
