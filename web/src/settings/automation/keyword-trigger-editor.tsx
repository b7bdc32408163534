import { ActionIcon, Group, Paper, SegmentedControl, Stack, TagsInput, Tooltip } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Icon } from '../../ui/icons.tsx';
import type { KeywordDraft } from './trigger-draft.ts';

interface Props {
  keyword: KeywordDraft;
  onChange(keyword: KeywordDraft): void;
  onRemove(): void;
}

/** One keyword trigger: its words in each language, and whether they must be the whole message. */
export function KeywordTriggerEditor({ keyword, onChange, onRemove }: Props) {
  const { t } = useTranslation();
  return (
    <Paper withBorder radius="md" p="sm" bg="gray.0" data-testid="keyword-trigger">
      <Stack gap="xs">
        <Group justify="space-between" wrap="nowrap" gap="xs">
          <SegmentedControl
            size="xs"
            aria-label={t('settings.automation.form.match')}
            value={keyword.match}
            onChange={(value) => onChange({ ...keyword, match: value === 'contains' ? 'contains' : 'exact' })}
            data={[
              { value: 'exact', label: t('settings.automation.form.exact') },
              { value: 'contains', label: t('settings.automation.form.contains') },
            ]}
          />
          <Tooltip label={t('settings.automation.form.removeKeywords')} withArrow>
            <ActionIcon
              variant="subtle"
              color="red"
              onClick={onRemove}
              aria-label={t('settings.automation.form.removeKeywords')}
            >
              <Icon name="trash" size={16} />
            </ActionIcon>
          </Tooltip>
        </Group>
        <TagsInput
          size="sm"
          label={t('settings.automation.form.wordsFr')}
          placeholder={t('settings.automation.form.wordsPlaceholder')}
          value={keyword.fr}
          onChange={(fr) => onChange({ ...keyword, fr })}
          maxTags={50}
        />
        <TagsInput
          size="sm"
          label={t('settings.automation.form.wordsEn')}
          placeholder={t('settings.automation.form.wordsPlaceholder')}
          value={keyword.en}
          onChange={(en) => onChange({ ...keyword, en })}
          maxTags={50}
        />
      </Stack>
    </Paper>
  );
}
