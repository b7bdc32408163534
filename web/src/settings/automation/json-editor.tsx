import { Button, Group, Text, Textarea } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Icon } from '../../ui/icons.tsx';
import classes from './automation.module.css';
import type { JsonDraft } from './use-json-draft.ts';

/** A plain monospace editor for the definition, saying where the caret is and whether the text is JSON. */
export function JsonEditor({ draft }: { draft: JsonDraft }) {
  const { t } = useTranslation();
  const { caret } = draft;
  const syntaxShown = draft.refusal === 'syntax' && !draft.reading.ok;
  return (
    <>
      <Textarea
        ref={draft.editor}
        label={t('settings.automation.json.editor')}
        className={classes.editor}
        value={draft.text}
        onChange={(event) => draft.setText(event.currentTarget.value)}
        onSelect={draft.trackCaret}
        onKeyUp={draft.trackCaret}
        onClick={draft.trackCaret}
        error={syntaxShown || draft.refusal === 'notObject'}
        aria-describedby="json-status"
        spellCheck={false}
        autoComplete="off"
        autoCapitalize="off"
        wrap="off"
        styles={{ input: { height: 'calc(100vh - 340px)', minHeight: 420 } }}
        data-testid="json-editor"
      />
      <Group justify="space-between" mt={6} gap="xs" wrap="nowrap">
        <Text size="xs" c={draft.reading.ok ? 'dimmed' : 'orange.8'} id="json-status" aria-live="polite">
          {draft.reading.ok ? (
            <>
              <Icon name="check" size={12} /> JSON ·{' '}
            </>
          ) : (
            <>
              {t('settings.automation.json.syntax', {
                line: draft.reading.line,
                column: draft.reading.column,
              })}{' '}
            </>
          )}
          {caret.line}:{caret.column}
        </Text>
        <Button size="compact-xs" variant="subtle" onClick={draft.format} disabled={!draft.reading.ok}>
          {t('settings.automation.json.format')}
        </Button>
      </Group>
    </>
  );
}
