import { SegmentedControl, VisuallyHidden } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { asLanguage, chooseLanguage, currentLanguage, LANGUAGES } from '../i18n/i18n.ts';

const NAMES = { en: 'English', fr: 'Français' } as const;

/** FR | EN, in the header of every page; the choice is remembered in this browser. */
export function LanguageSwitch({ size = 'xs' }: { size?: 'xs' | 'sm' }) {
  const { t, i18n } = useTranslation();
  return (
    <SegmentedControl
      size={size}
      radius="xl"
      aria-label={t('common.language')}
      value={asLanguage(i18n.resolvedLanguage) ?? currentLanguage()}
      onChange={(value) => {
        const language = asLanguage(value);
        if (language) chooseLanguage(language);
      }}
      data={LANGUAGES.map((language) => ({
        value: language,
        label: (
          <>
            <VisuallyHidden>{NAMES[language]}</VisuallyHidden>
            <span aria-hidden="true">{language.toUpperCase()}</span>
          </>
        ),
      }))}
    />
  );
}
