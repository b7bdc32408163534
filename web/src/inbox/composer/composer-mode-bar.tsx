import { Group, Kbd, SegmentedControl, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Icon } from '../../ui/icons.tsx';
import classes from './composer.module.css';
import type { ComposerMode } from './use-composer.ts';

/** Reply or internal note, with what the chosen mode means. */
export function ComposerModeBar({
  mode,
  onChange,
}: {
  mode: ComposerMode;
  onChange(mode: ComposerMode): void;
}) {
  const { t } = useTranslation();
  return (
    <Group justify="space-between" gap="xs" className={classes.top}>
      <SegmentedControl
        size="xs"
        radius="xl"
        aria-label={t('composer.mode')}
        value={mode}
        onChange={(value) => onChange(value === 'note' ? 'note' : 'reply')}
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
  );
}
