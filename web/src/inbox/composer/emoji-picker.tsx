import { ActionIcon, Popover, SimpleGrid, Tooltip, UnstyledButton } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Icon } from '../../ui/icons.tsx';
import classes from './composer.module.css';

/** A fixed set, drawn by the system's emoji font: nothing to download. */
const EMOJI = [
  '😊',
  '🙂',
  '😀',
  '😉',
  '🙏',
  '👍',
  '👌',
  '👋',
  '❤️',
  '💚',
  '🤗',
  '😌',
  '😔',
  '😷',
  '🤒',
  '🤕',
  '💊',
  '💉',
  '🩺',
  '🩹',
  '🌡️',
  '🏥',
  '🚑',
  '🧪',
  '📅',
  '⏰',
  '🕘',
  '📍',
  '📞',
  '📄',
  '✅',
  '❌',
  '⚠️',
  '❗',
  '❓',
  'ℹ️',
  '👶',
  '🤰',
  '💪',
  '🌿',
  '☀️',
  '🌙',
  '🎉',
  '🙌',
  '👏',
  '😢',
  '😅',
  '🤞',
];

export function EmojiPicker({ onPick, disabled }: { onPick(emoji: string): void; disabled?: boolean }) {
  const { t } = useTranslation();
  const [opened, setOpened] = useState(false);
  return (
    <Popover opened={opened} onChange={setOpened} position="top-start" shadow="md" trapFocus withArrow>
      <Popover.Target>
        <Tooltip label={t('composer.emoji')} withArrow disabled={opened}>
          <ActionIcon
            variant="subtle"
            color="gray"
            size="lg"
            aria-label={t('composer.emoji')}
            aria-expanded={opened}
            onClick={() => setOpened((o) => !o)}
            disabled={disabled}
          >
            <Icon name="smile" size={20} />
          </ActionIcon>
        </Tooltip>
      </Popover.Target>
      <Popover.Dropdown p={6}>
        <SimpleGrid cols={8} spacing={2} verticalSpacing={2} role="group" aria-label={t('composer.emoji')}>
          {EMOJI.map((emoji) => (
            <UnstyledButton
              key={emoji}
              className={classes.emoji}
              onClick={() => {
                onPick(emoji);
                setOpened(false);
              }}
            >
              {emoji}
            </UnstyledButton>
          ))}
        </SimpleGrid>
      </Popover.Dropdown>
    </Popover>
  );
}
