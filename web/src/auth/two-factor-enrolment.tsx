import { Alert, Button, Code, Group, Image, Loader, Stack, Text } from '@mantine/core';
import { useMutation, useQuery } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { describeError } from '../api/describe-error.ts';
import { Icon } from '../ui/icons.tsx';
import { CodeInput } from './code-input.tsx';
import { RecoveryCodes } from './recovery-codes.tsx';
import { twoFactorApi } from './two-factor-api.ts';
import { describeCodeError } from './two-factor-errors.ts';

/**
 * Setting up two-factor sign-in: a QR code (and the key as text) for the authenticator app, a first
 * code to confirm it, then the recovery codes. Used from Settings › Security and, when the clinic
 * requires it, as the only screen of a new session.
 */
export function TwoFactorEnrolment({
  email,
  onDone,
  onCancel,
}: {
  email: string;
  onDone(): void;
  onCancel?: () => void;
}) {
  const { t } = useTranslation();
  const [code, setCode] = useState('');
  // A query, not a mutation: one secret per screen even when React mounts it twice; never refetched,
  // since each fetch makes a new secret and the app would no longer match.
  const start = useQuery({
    queryKey: ['two-factor-enrolment'],
    queryFn: twoFactorApi.startEnrolment,
    staleTime: Number.POSITIVE_INFINITY,
    gcTime: 0,
    retry: false,
    refetchOnWindowFocus: false,
    refetchOnReconnect: false,
  });
  const confirm = useMutation({ mutationFn: (value: string) => twoFactorApi.confirmEnrolment(value) });

  if (confirm.data)
    return <RecoveryCodes codes={confirm.data.recovery_codes} email={email} onDone={onDone} />;
  if (start.isError) {
    return (
      <Alert color="red" variant="light" icon={<Icon name="alert" />} role="alert">
        {describeError(start.error, t)}
      </Alert>
    );
  }
  if (!start.data) return <Loader aria-label={t('common.loading')} />;

  const submit = (event: FormEvent) => {
    event.preventDefault();
    confirm.mutate(code.replace(/\s+/g, ''));
  };

  return (
    <form onSubmit={submit}>
      <Stack gap="md">
        <Text size="sm">{t('twoFactor.scan')}</Text>
        <Group align="flex-start" gap="lg" wrap="wrap">
          <Image src={start.data.qr_code} alt={t('twoFactor.qrAlt')} w={200} h={200} radius="md" />
          <Stack gap={4} style={{ minWidth: 0, flex: 1 }}>
            <Text size="sm" c="dimmed">
              {t('twoFactor.typeKey')}
            </Text>
            <Code block data-testid="totp-secret" style={{ wordBreak: 'break-all' }}>
              {start.data.secret}
            </Code>
          </Stack>
        </Group>
        <CodeInput
          value={code}
          onChange={setCode}
          error={confirm.isError ? describeCodeError(confirm.error, t) : null}
        />
        <Group justify="flex-end" gap="sm">
          {onCancel && (
            <Button variant="default" onClick={onCancel}>
              {t('common.cancel')}
            </Button>
          )}
          <Button type="submit" loading={confirm.isPending}>
            {t('twoFactor.confirm')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
