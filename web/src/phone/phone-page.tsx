import {
  Alert,
  Anchor,
  Button,
  Center,
  Group,
  Loader,
  SegmentedControl,
  Stack,
  Text,
  Title,
} from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { Brand } from '../ui/brand.tsx';
import { Icon } from '../ui/icons.tsx';
import { LanguageSwitch } from '../ui/language-switch.tsx';
import { AppChat } from './app-chat-screen.tsx';
import { PhoneChat } from './phone-chat-screen.tsx';
import classes from './phone-page.module.css';
import { type Identity, PhoneSetup, readIdentity, saveIdentity } from './phone-setup.tsx';
import { type PhoneAppAccount, simulatorApi } from './simulator-api.ts';

/**
 * The demo's patient: a WhatsApp-like phone that writes to the clinic through the built-in simulator.
 * No sign-in; only there when Careline runs with its simulator.
 */
export function PhonePage() {
  const { t } = useTranslation();
  const numbers = useQuery({
    queryKey: ['simulator', 'numbers'],
    queryFn: simulatorApi.numbers,
    retry: false,
  });
  const [identity, setIdentity] = useState<Identity | null>(readIdentity);
  const available = numbers.data?.numbers ?? [];
  const number = available.find((n) => n.phoneNumberId === identity?.phoneNumberId) ?? available[0];
  // The other apps the simulator plays (Telegram, Messenger, Instagram): the same person may write from each.
  const apps = useQuery({ queryKey: ['simulator', 'apps'], queryFn: simulatorApi.apps, retry: false });
  const [appChoice, setAppChoice] = useState(readAppChoice);
  const appAccount = apps.data?.accounts.find((account) => appKey(account) === appChoice);
  const pickApp = (value: string) => {
    setAppChoice(value);
    saveAppChoice(value);
  };

  return (
    <div className={classes.page}>
      <header className={classes.header}>
        <Anchor component={Link} to="/inbox" underline="never" aria-label={t('phone.toInbox')}>
          <Brand size={28} />
        </Anchor>
        <LanguageSwitch />
      </header>
      <div className={classes.stage}>
        <section className={classes.intro}>
          <Text className={classes.eyebrow}>{t('phone.eyebrow')}</Text>
          <Title order={1} className={classes.title}>
            {t('phone.title')}
          </Title>
          <Text c="dimmed" size="lg" maw={460}>
            {t('phone.intro')}
          </Text>
          <ol className={classes.steps}>
            <li>{t('phone.step1')}</li>
            <li>{t('phone.step2')}</li>
            <li>{t('phone.step3')}</li>
          </ol>
          {(apps.data?.accounts.length ?? 0) > 0 && (
            <Stack gap={6} className={classes.appPicker}>
              <Text size="sm" fw={600}>
                {t('phone.appPicker')}
              </Text>
              <SegmentedControl
                aria-label={t('phone.appPicker')}
                value={appAccount ? appChoice : WHATSAPP}
                onChange={pickApp}
                data={[
                  { value: WHATSAPP, label: t('phone.apps.whatsapp') },
                  ...(apps.data?.accounts ?? []).map((account) => ({
                    value: appKey(account),
                    label: t(`phone.apps.${account.app}`),
                  })),
                ]}
              />
            </Stack>
          )}
          <Group gap="sm">
            <Button
              component={Link}
              to="/inbox"
              target="_blank"
              leftSection={<Icon name="inbox" size={16} />}
            >
              {t('phone.openInbox')}
            </Button>
            {identity && (
              <Button
                variant="default"
                onClick={() => {
                  saveIdentity(null);
                  setIdentity(null);
                }}
              >
                {t('phone.changePatient')}
              </Button>
            )}
          </Group>
        </section>
        <div className={classes.device} data-testid="phone">
          <div className={classes.notch} />
          <div className={classes.screen}>
            {numbers.isPending ? (
              <Center h="100%">
                <Loader color="white" aria-label={t('common.loading')} />
              </Center>
            ) : numbers.isError || !number ? (
              <Center h="100%" p="lg" className={classes.unavailable}>
                <Stack align="center" gap="sm">
                  <div className={classes.unavailableIcon}>
                    <Icon name="phone" size={28} />
                  </div>
                  <Text fw={700} ta="center">
                    {t('phone.unavailableTitle')}
                  </Text>
                  <Text size="sm" ta="center" c="dimmed">
                    {t('phone.unavailableBody')}
                  </Text>
                  <Alert variant="light" color="gray" p="xs" className={classes.code}>
                    SIMULATOR=on npm start
                  </Alert>
                </Stack>
              </Center>
            ) : identity && appAccount ? (
              <AppChat identity={identity} account={appAccount} />
            ) : identity ? (
              <PhoneChat identity={{ ...identity, phoneNumberId: number.phoneNumberId }} number={number} />
            ) : (
              <PhoneSetup
                numbers={available}
                onStart={(next) => {
                  saveIdentity(next);
                  setIdentity(next);
                }}
              />
            )}
          </div>
        </div>
      </div>
    </div>
  );
}

const WHATSAPP = 'whatsapp';
const APP_STORAGE_KEY = 'careline.phone.app';

/** `telegram:7000000001`: an app and the account the phone writes to there. */
function appKey(account: PhoneAppAccount): string {
  return `${account.app}:${account.accountId}`;
}

function readAppChoice(): string {
  try {
    return localStorage.getItem(APP_STORAGE_KEY) ?? WHATSAPP;
  } catch {
    return WHATSAPP;
  }
}

function saveAppChoice(value: string): void {
  try {
    localStorage.setItem(APP_STORAGE_KEY, value);
  } catch {
    // Private mode: the choice lasts for this page only.
  }
}
