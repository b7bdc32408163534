import { Button, Checkbox, Group, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Icon } from '../../ui/icons.tsx';
import type { ComposerState } from './use-composer.ts';

/** Near the channel's length limit, how many characters are used of how many. */
const COUNTER_FROM = 0.9;

/** The send (or add note) button, the medical mark of a note, and the length counter near the limit. */
export function ComposerSendGroup({ composer }: { composer: ComposerState }) {
  const { t } = useTranslation();
  const { mode, text, limits } = composer;
  const textLimit = limits?.text_length;
  return (
    <Group gap="xs">
      {mode === 'note' && composer.writesMedical && (
        <Checkbox
          size="xs"
          label={t('note.markMedical')}
          checked={composer.medical}
          onChange={(event) => composer.setMedical(event.currentTarget.checked)}
        />
      )}
      {textLimit !== undefined && text.length > textLimit * COUNTER_FROM && (
        <Text size="xs" c="orange.8">
          {text.length}/{textLimit}
        </Text>
      )}
      <Button
        onClick={() => void composer.submit()}
        loading={composer.busy}
        disabled={!composer.canSubmit}
        rightSection={<Icon name={mode === 'note' ? 'note' : 'send'} size={16} />}
        color={mode === 'note' ? 'yellow.7' : 'careline'}
        radius="xl"
      >
        {mode === 'note' ? t('composer.addNote') : t('composer.send')}
      </Button>
    </Group>
  );
}
