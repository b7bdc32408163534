import { Alert, Button, Group, Modal, Select, Stack, Text, Textarea, TextInput } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type FormErrors, formErrorsOf, NO_ERRORS, withoutField } from '../../api/form-errors.ts';
import { settingsApi } from '../../api/settings-api.ts';
import type { SavedReply, SavedReplyDraft } from '../../api/settings-types.ts';
import { languageName, OFFERED_LANGUAGES } from '../../format/language-names.ts';
import { Icon } from '../../ui/icons.tsx';
import { useWhileClosing } from '../../ui/use-while-closing.ts';

/** Select values are strings: this one stands for "any language" (null on the wire). */
const ANY_LANGUAGE = 'any';

type Field = 'shortcut' | 'text' | 'language';
const FIELDS: readonly Field[] = ['shortcut', 'text', 'language'];

/** What the composer accepts after "/": the server's rule, checked here first to say it sooner. */
const SHORTCUT = /^[a-z0-9_-]{1,32}$/;
const TEXT_LIMIT = 4096;

interface Props {
  /** `new` opens an empty form; a reply opens it to edit; null closes it. */
  reply: SavedReply | 'new' | null;
  onClose(): void;
}

/** A saved reply: its /shortcut, its text, and the language it is written in. */
export function SavedReplyDialog({ reply, onClose }: Props) {
  const { t, i18n } = useTranslation();
  const queryClient = useQueryClient();
  const existing = reply !== null && reply !== 'new' ? reply : null;
  const shown = useWhileClosing(reply);
  const shownReply = shown !== null && shown !== 'new' ? shown : null;
  const [shortcut, setShortcut] = useState('');
  const [text, setText] = useState('');
  const [language, setLanguage] = useState<string>(ANY_LANGUAGE);
  const [errors, setErrors] = useState<FormErrors<Field>>(NO_ERRORS);

  useEffect(() => {
    if (reply === null) return;
    setShortcut(existing?.shortcut ?? '');
    setText(existing?.text ?? '');
    setLanguage(existing?.language ?? ANY_LANGUAGE);
    setErrors(NO_ERRORS);
  }, [reply, existing]);

  const save = useMutation({
    mutationFn: (draft: SavedReplyDraft) =>
      existing ? settingsApi.changeSavedReply(existing.id, draft) : settingsApi.createSavedReply(draft),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: ['canned-replies'] });
      onClose();
    },
    onError: (error) =>
      setErrors(formErrorsOf(error, FIELDS, t, { shortcut: t('settings.replies.shortcutTaken') })),
  });

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const found: Partial<Record<Field, string>> = {};
    if (!SHORTCUT.test(shortcut)) found.shortcut = t('settings.replies.shortcutRule');
    if (!text.trim()) found.text = t('settings.errors.required');
    if (Object.keys(found).length > 0) {
      setErrors({ fields: found, general: null });
      return;
    }
    save.mutate({ shortcut, text: text.trim(), language: language === ANY_LANGUAGE ? null : language });
  };

  const locale = i18n.resolvedLanguage ?? 'en';
  const languages = [
    { value: ANY_LANGUAGE, label: t('settings.replies.anyLanguage') },
    ...OFFERED_LANGUAGES,
    // A language set through the API stays choosable.
    ...(existing?.language && !OFFERED_LANGUAGES.some((c) => c.value === existing.language)
      ? [{ value: existing.language, label: languageName(existing.language, locale) }]
      : []),
  ];

  return (
    <Modal
      opened={reply !== null}
      onClose={onClose}
      title={
        shownReply
          ? t('settings.replies.editTitle', { shortcut: shownReply.shortcut })
          : t('settings.replies.newTitle')
      }
      radius="lg"
      size="lg"
      centered
    >
      <form onSubmit={submit} noValidate>
        <Stack gap="md">
          <Group grow align="flex-start">
            <TextInput
              label={t('settings.replies.shortcut')}
              description={t('settings.replies.shortcutHint')}
              leftSection={<Text c="dimmed">/</Text>}
              value={shortcut}
              onChange={(event) => {
                setShortcut(event.currentTarget.value.toLowerCase().replace(/^\//, ''));
                setErrors((all) => withoutField(all, 'shortcut'));
              }}
              error={errors.fields.shortcut}
              maxLength={32}
              required
              data-autofocus
            />
            <Select
              label={t('settings.replies.language')}
              description={t('settings.replies.languageHint')}
              data={languages}
              value={language}
              onChange={(value) => setLanguage(value ?? ANY_LANGUAGE)}
              allowDeselect={false}
              error={errors.fields.language}
              comboboxProps={{ withinPortal: true }}
            />
          </Group>
          <Textarea
            label={t('settings.replies.text')}
            value={text}
            onChange={(event) => {
              setText(event.currentTarget.value);
              setErrors((all) => withoutField(all, 'text'));
            }}
            error={errors.fields.text}
            autosize
            minRows={4}
            maxRows={12}
            maxLength={TEXT_LIMIT}
            required
            description={`${text.length}/${TEXT_LIMIT}`}
            inputWrapperOrder={['label', 'input', 'description', 'error']}
          />
          {errors.general && (
            <Alert color="red" variant="light" icon={<Icon name="alert" />} role="alert">
              {errors.general}
            </Alert>
          )}
          <Group justify="flex-end" gap="sm">
            <Button variant="default" onClick={onClose}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" loading={save.isPending}>
              {shownReply ? t('settings.save') : t('settings.replies.create')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
