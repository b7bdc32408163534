import { Button, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { queryKeys } from '../api/inbox-api.ts';
import { useSession, useSignedIn } from '../session/session-context.tsx';
import { Brand } from '../ui/brand.tsx';
import { LanguageSwitch } from '../ui/language-switch.tsx';
import { TwoFactorEnrolment } from './two-factor-enrolment.tsx';

/**
 * The only screen of a session whose clinic requires two-factor sign-in that this person has not set
 * up yet (the server refuses everything else with 403 until then).
 */
export function TwoFactorRequiredPage() {
  const { t } = useTranslation();
  const { user } = useSignedIn();
  const { signOut } = useSession();
  const queryClient = useQueryClient();
  return (
    <Stack align="center" p="lg" mih="100vh" justify="center">
      <Paper withBorder shadow="sm" radius="lg" p="xl" maw={560} w="100%">
        <Stack gap="md">
          <Group justify="space-between">
            <Brand size={28} />
            <LanguageSwitch />
          </Group>
          <div>
            <Title order={1} size="h3">
              {t('twoFactor.requiredTitle')}
            </Title>
            <Text c="dimmed" size="sm" mt={4}>
              {t('twoFactor.requiredBody', { clinic: user.org.name })}
            </Text>
          </div>
          <TwoFactorEnrolment
            email={user.email}
            onDone={() => void queryClient.invalidateQueries({ queryKey: queryKeys.session })}
          />
          <Group justify="flex-start">
            <Button variant="subtle" size="xs" onClick={() => void signOut()}>
              {t('twoFactor.signOutInstead')}
            </Button>
          </Group>
        </Stack>
      </Paper>
    </Stack>
  );
}
