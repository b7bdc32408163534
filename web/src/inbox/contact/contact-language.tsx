import { Select } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { describeError } from '../../api/describe-error.ts';
import { ApiError } from '../../api/http-client.ts';
import type { ContactDetails } from '../../api/types.ts';
import { languageName, OFFERED_LANGUAGES } from '../../format/language-names.ts';
import { useContactUpdate } from './use-contact-update.ts';

/** Select values are strings: this one stands for the clinic's default (null on the wire). */
const CLINIC_DEFAULT = 'default';

/** The language the clinic answers this patient in: French, English, or the clinic's default. */
export function ContactLanguage({ contact }: { contact: ContactDetails }) {
  const { t, i18n } = useTranslation();
  const update = useContactUpdate(contact.id);
  const current = contact.language;
  const options = [
    { value: CLINIC_DEFAULT, label: t('contact.clinicDefault') },
    ...OFFERED_LANGUAGES,
    // A language the patient got elsewhere (the API, a flow) is kept and shown by its name.
    ...(current && !OFFERED_LANGUAGES.some((o) => o.value === current)
      ? [{ value: current, label: languageName(current, i18n.resolvedLanguage ?? 'en') }]
      : []),
  ];
  const error = update.error
    ? update.error instanceof ApiError
      ? (update.error.fieldMessage('language') ?? describeError(update.error, t))
      : describeError(update.error, t)
    : undefined;
  return (
    <Select
      aria-label={t('contact.language')}
      data={options}
      value={update.isPending ? (update.variables?.language ?? CLINIC_DEFAULT) : (current ?? CLINIC_DEFAULT)}
      onChange={(value) => {
        const language = value === null || value === CLINIC_DEFAULT ? null : value;
        if (language !== current) update.mutate({ language });
      }}
      allowDeselect={false}
      size="xs"
      error={error}
      disabled={update.isPending}
      comboboxProps={{ withinPortal: true }}
    />
  );
}
