import { ActionIcon, FileButton, Group, Tooltip } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Icon, type IconName } from '../../ui/icons.tsx';
import { EmojiPicker } from './emoji-picker.tsx';
import type { ComposerState } from './use-composer.ts';

/** Emoji, a file, reply buttons, a template: what a reply can hold besides words. */
export function ComposerTools({ composer, accept }: { composer: ComposerState; accept: string | undefined }) {
  const { t } = useTranslation();
  const { freeTextBlocked, mode, windowClosed, windowAllows } = composer;
  const replyOnly = freeTextBlocked || mode === 'note';
  return (
    <Group gap={2}>
      <EmojiPicker onPick={composer.insert} disabled={freeTextBlocked} />
      <FileButton onChange={composer.setAttachment} accept={accept} disabled={replyOnly}>
        {(props) => <Tool {...props} icon="paperclip" label={t('composer.attach')} disabled={replyOnly} />}
      </FileButton>
      <Tool
        icon="buttons"
        label={t('composer.buttons')}
        onClick={() => composer.setDialog('buttons')}
        disabled={replyOnly}
      />
      <Tool
        icon="template"
        label={t('composer.template')}
        onClick={() => composer.setDialog('template')}
        disabled={mode === 'note' || windowAllows === 'nothing'}
        // While the window is closed a template is the way to write: it stands out.
        highlighted={windowClosed}
      />
    </Group>
  );
}

function Tool({
  icon,
  label,
  onClick,
  disabled,
  highlighted = false,
}: {
  icon: IconName;
  label: string;
  onClick(): void;
  disabled: boolean;
  highlighted?: boolean;
}) {
  return (
    <Tooltip label={label} withArrow>
      <ActionIcon
        variant={highlighted ? 'light' : 'subtle'}
        color={highlighted ? 'careline' : 'gray'}
        size="lg"
        aria-label={label}
        onClick={onClick}
        disabled={disabled}
      >
        <Icon name={icon} size={20} />
      </ActionIcon>
    </Tooltip>
  );
}
