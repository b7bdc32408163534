import { Alert, Anchor, Button, Center, Group, Loader, Stack, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { Brand } from '../ui/brand.tsx';
import { Icon } from '../ui/icons.tsx';
import { LanguageSwitch } from '../ui/language-switch.tsx';
import { PhoneChat } from './phone-chat-screen.tsx';
import classes from './phone-page.module.css';
import { type Identity, PhoneSetup, readIdentity, saveIdentity } from './phone-setup.tsx';
import { simulatorApi } from './simulator-api.ts';

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
