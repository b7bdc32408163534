import {
  Alert,
  Anchor,
  Box,
  Button,
  Group,
  Paper,
  PasswordInput,
  Stack,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import type { TFunction } from 'i18next';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, Navigate, useLocation } from 'react-router';
import { ApiError, NETWORK_ERROR_STATUS } from '../api/http-client.ts';
import { useSession } from '../session/session-context.tsx';
import { Brand } from '../ui/brand.tsx';
import { Icon } from '../ui/icons.tsx';
import { LanguageSwitch } from '../ui/language-switch.tsx';
import classes from './login-page.module.css';
import { SecondFactorStep } from './second-factor-step.tsx';
import { needsSecondFactor, type SecondFactorRequired, twoFactorApi } from './two-factor-api.ts';

/**
 * Sign-in for the care team: e-mail and password (then a code for those with two-factor sign-in),
 * then back to the page they were going to.
 */
export function LoginPage() {
  const { t, i18n } = useTranslation();
  const { session, expired, signedIn } = useSession();
  const location = useLocation();
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [challenge, setChallenge] = useState<SecondFactorRequired | null>(null);
  const from = fromOf(location.state);

  if (session) return <Navigate to={from} replace />;

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      const answer = await twoFactorApi.login(email.trim(), password);
      if (needsSecondFactor(answer)) {
        setChallenge(answer);
        setPassword('');
      } else signedIn(answer);
    } catch (caught) {
      setError(describeLoginError(caught, t, i18n.language));
    } finally {
      setBusy(false);
    }
  };

  return (
    <div className={classes.page}>
      <aside className={classes.hero} aria-hidden="true">
        <Brand size={36} inverted />
        <div className={classes.heroChat}>
          <div className={`${classes.heroBubble} ${classes.heroIn}`}>{t('login.heroPatient')}</div>
          <div className={`${classes.heroBubble} ${classes.heroOut}`}>
            {t('login.heroClinic')}
            <span className={classes.heroTicks}>
              <Icon name="checks" size={16} />
            </span>
          </div>
          <div className={`${classes.heroBubble} ${classes.heroIn}`}>{t('login.heroThanks')}</div>
        </div>
        <Text className={classes.heroTagline}>{t('login.tagline')}</Text>
      </aside>
      <main className={classes.formSide}>
        <Group justify="flex-end" className={classes.topBar}>
          <LanguageSwitch />
        </Group>
        {challenge ? (
          <Paper className={classes.card} withBorder shadow="sm" radius="lg">
            <SecondFactorStep
              challenge={challenge}
              onSignedIn={signedIn}
              onRestart={(message) => {
                setChallenge(null);
                setError(message);
              }}
              describeError={(caught) => describeLoginError(caught, t, i18n.language)}
            />
          </Paper>
        ) : (
          <Paper
            component="form"
            onSubmit={submit}
            className={classes.card}
            withBorder
            shadow="sm"
            radius="lg"
          >
            <Stack gap="md">
              <Box className={classes.mobileBrand}>
                <Brand size={30} />
              </Box>
              <div>
                <Title order={1} size="h2">
                  {t('login.title')}
                </Title>
                <Text c="dimmed" size="sm" mt={4}>
                  {t('login.subtitle')}
                </Text>
              </div>
              {expired && !error && (
                <Alert color="yellow" variant="light" icon={<Icon name="clock" />}>
                  {t('login.expired')}
                </Alert>
              )}
              {error && (
                <Alert color="red" variant="light" icon={<Icon name="alert" />} role="alert">
                  {error}
                </Alert>
              )}
              <TextInput
                label={t('login.email')}
                type="email"
                autoComplete="username"
                required
                autoFocus
                value={email}
                onChange={(event) => setEmail(event.currentTarget.value)}
              />
              <PasswordInput
                label={t('login.password')}
                autoComplete="current-password"
                visibilityToggleButtonProps={{ 'aria-label': t('login.showPassword') }}
                required
                value={password}
                onChange={(event) => setPassword(event.currentTarget.value)}
              />
              <Button type="submit" loading={busy} size="md" fullWidth>
                {t('login.submit')}
              </Button>
            </Stack>
          </Paper>
        )}
        <Text size="sm" c="dimmed" ta="center" mt="lg">
          {t('login.demoHint')}{' '}
          <Anchor component={Link} to="/phone">
            {t('login.demoPhone')}
          </Anchor>
        </Text>
      </main>
    </div>
  );
}

function fromOf(state: unknown): string {
  if (typeof state === 'object' && state !== null && 'from' in state && typeof state.from === 'string') {
    return state.from.startsWith('/') && !state.from.startsWith('/login') ? state.from : '/inbox';
  }
  return '/inbox';
}

function describeLoginError(error: unknown, t: TFunction, language: string): string {
  if (!(error instanceof ApiError)) return t('login.errors.unexpected');
  if (error.status === 401) return t('login.errors.wrongCredentials');
  if (error.status === 423) {
    const until = typeof error.body.locked_until === 'string' ? new Date(error.body.locked_until) : null;
    if (until && !Number.isNaN(until.getTime())) {
      const time = new Intl.DateTimeFormat(language, { hour: '2-digit', minute: '2-digit' }).format(until);
      return t('login.errors.lockedUntil', { time });
    }
    return t('login.errors.locked');
  }
  if (error.status === 429) return t('login.errors.tooManyRequests');
  if (error.status === NETWORK_ERROR_STATUS) return t('login.errors.network');
  if (error.status === 400) return error.fieldErrors[0]?.message ?? error.detail;
  return t('login.errors.unavailable', { status: error.status });
}
