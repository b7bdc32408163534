import { Alert, Anchor, Button, Stack, Text, TextInput, Title } from '@mantine/core';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../api/http-client.ts';
import type { Session } from '../api/types.ts';
import { Icon } from '../ui/icons.tsx';
import { CodeInput } from './code-input.tsx';
import { type SecondFactorRequired, twoFactorApi } from './two-factor-api.ts';

/**
 * The sign-in's second step: the code the authenticator app shows, or one of the recovery codes. An
 * expired step (five minutes) goes back to the password.
 */
export function SecondFactorStep(props: {
  challenge: SecondFactorRequired;
  onSignedIn(session: Session): void;
  onRestart(message: string): void;
  describeError(error: unknown): string;
}) {
  const { t } = useTranslation();
  const [recovery, setRecovery] = useState(false);
  const [code, setCode] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      const factor = recovery ? { recovery_code: code.trim() } : { code: code.replace(/\s+/g, '') };
      props.onSignedIn(await twoFactorApi.secondStep(props.challenge.challenge_token, factor));
    } catch (caught) {
      if (caught instanceof ApiError && caught.status === 401) {
        if (caught.fieldErrors.length === 0) props.onRestart(t('login.twoFactor.expired'));
        else setError(recovery ? t('login.twoFactor.wrongRecoveryCode') : t('twoFactor.wrongCode'));
      } else setError(props.describeError(caught));
      setCode('');
    } finally {
      setBusy(false);
    }
  };

  return (
    <form onSubmit={submit}>
      <Stack gap="md">
        <div>
          <Title order={1} size="h2">
            {t('login.twoFactor.title')}
          </Title>
          <Text c="dimmed" size="sm" mt={4}>
            {recovery ? t('login.twoFactor.recoverySubtitle') : t('login.twoFactor.subtitle')}
          </Text>
        </div>
        {error && (
          <Alert color="red" variant="light" icon={<Icon name="alert" />} role="alert">
            {error}
          </Alert>
        )}
        {recovery ? (
          <TextInput
            label={t('login.twoFactor.recoveryCode')}
            autoComplete="off"
            autoCapitalize="none"
            spellCheck={false}
            required
            autoFocus
            value={code}
            onChange={(event) => setCode(event.currentTarget.value)}
            styles={{ input: { fontFamily: 'var(--mantine-font-family-monospace)' } }}
          />
        ) : (
          <CodeInput value={code} onChange={setCode} autoFocus />
        )}
        <Button type="submit" loading={busy} size="md" fullWidth>
          {t('login.twoFactor.submit')}
        </Button>
        <Anchor
          component="button"
          type="button"
          size="sm"
          onClick={() => {
            setRecovery(!recovery);
            setCode('');
            setError(null);
          }}
        >
          {recovery ? t('login.twoFactor.useApp') : t('login.twoFactor.useRecovery')}
        </Anchor>
      </Stack>
    </form>
  );
}
