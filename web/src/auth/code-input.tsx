import { TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';

/** The six digits of an authenticator app: numeric keyboard on phones, and the OS may fill it in. */
export function CodeInput(props: {
  value: string;
  onChange(value: string): void;
  error?: string | null | undefined;
  autoFocus?: boolean;
}) {
  const { t } = useTranslation();
  return (
    <TextInput
      label={t('twoFactor.codeLabel')}
      description={t('twoFactor.codeHint')}
      inputMode="numeric"
      autoComplete="one-time-code"
      pattern="[0-9 ]*"
      maxLength={7}
      required
      autoFocus={props.autoFocus}
      value={props.value}
      error={props.error ?? undefined}
      onChange={(event) => props.onChange(event.currentTarget.value)}
      styles={{ input: { fontFamily: 'var(--mantine-font-family-monospace)', letterSpacing: '0.2em' } }}
    />
  );
}
