import {
  Alert,
  Badge,
  Button,
  Group,
  Modal,
  Paper,
  SegmentedControl,
  Skeleton,
  Stack,
  Text,
  Title,
} from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { describeError } from '../../api/describe-error.ts';
import { ApiError } from '../../api/http-client.ts';
import { queryKeys } from '../../api/inbox-api.ts';
import { RecoveryCodes } from '../../auth/recovery-codes.tsx';
import {
  TWO_FACTOR_POLICIES,
  type TwoFactorPolicy,
  twoFactorApi,
  twoFactorKeys,
} from '../../auth/two-factor-api.ts';
import { TwoFactorEnrolment } from '../../auth/two-factor-enrolment.tsx';
import { describeCodeError } from '../../auth/two-factor-errors.ts';
import { useFormatters } from '../../format/formatters.ts';
import { sessionCan } from '../../session/permissions.ts';
import { useSignedIn } from '../../session/session-context.tsx';
import { Icon } from '../../ui/icons.tsx';
import { useNotify } from '../../ui/toasts.tsx';
import { CodeDialog } from './code-dialog.tsx';

type Dialog = 'enrol' | 'disable' | 'newCodes' | null;

/**
 * One's two-factor sign-in (set up, new recovery codes, turn off) and what the clinic requires; an
 * administrator chooses the latter here too.
 */
export function TwoFactorSection() {
  const { t } = useTranslation();
  const session = useSignedIn();
  const { user } = session;
  const format = useFormatters(user.org.time_zone);
  const notify = useNotify();
  const queryClient = useQueryClient();
  const [dialog, setDialog] = useState<Dialog>(null);
  const [freshCodes, setFreshCodes] = useState<string[] | null>(null);
  const status = useQuery({ queryKey: twoFactorKeys.status, queryFn: twoFactorApi.status });
  const refresh = () => {
    void queryClient.invalidateQueries({ queryKey: twoFactorKeys.status });
    void queryClient.invalidateQueries({ queryKey: queryKeys.session });
  };
  const disable = useMutation({
    mutationFn: twoFactorApi.disable,
    onSuccess: () => {
      setDialog(null);
      notify(t('settings.security.twoFactor.turnedOff'), 'careline');
      refresh();
    },
  });
  const newCodes = useMutation({
    mutationFn: twoFactorApi.newRecoveryCodes,
    onSuccess: ({ recovery_codes: codes }) => {
      setDialog(null);
      setFreshCodes(codes);
      refresh();
    },
  });
  const open = (next: Dialog) => {
    disable.reset();
    newCodes.reset();
    setDialog(next);
  };
  const data = status.data;

  return (
    <Paper withBorder radius="lg" p="md" mb="lg" data-testid="two-factor-section">
      <Stack gap="sm">
        <Group justify="space-between" wrap="wrap" gap="sm">
          <Group gap="sm">
            <Icon name="lock" size={24} />
            <Title order={2} size="h4">
              {t('settings.security.twoFactor.title')}
            </Title>
            {data && (
              <Badge variant="light" color={data.enabled ? 'careline' : 'gray'}>
                {data.enabled ? t('settings.security.twoFactor.on') : t('settings.security.twoFactor.off')}
              </Badge>
            )}
          </Group>
          {data && !data.enabled && (
            <Button onClick={() => open('enrol')} leftSection={<Icon name="lock" size={16} />}>
              {t('settings.security.twoFactor.setUp')}
            </Button>
          )}
          {data?.enabled && (
            <Group gap="xs">
              <Button
                variant="default"
                onClick={() => open('newCodes')}
                leftSection={<Icon name="refresh" size={16} />}
              >
                {t('settings.security.twoFactor.newCodes')}
              </Button>
              {!data.required && (
                <Button variant="light" color="red" onClick={() => open('disable')}>
                  {t('settings.security.twoFactor.turnOff')}
                </Button>
              )}
            </Group>
          )}
        </Group>
        {status.isPending && <Skeleton height={40} />}
        {status.isError && (
          <Alert color="red" variant="light" icon={<Icon name="alert" />}>
            {describeError(status.error, t)}
          </Alert>
        )}
        {data && (
          <Text size="sm" c="dimmed">
            {data.enabled
              ? t('settings.security.twoFactor.onSince', {
                  when: data.enabled_at ? format.dateTime(data.enabled_at) : '',
                  count: data.recovery_codes_left,
                })
              : t('settings.security.twoFactor.explain')}
          </Text>
        )}
        {data && (
          <Text size="sm" data-testid="two-factor-clinic-policy">
            {t(`settings.security.twoFactor.clinic.${data.clinic_policy}`, { clinic: user.org.name })}
          </Text>
        )}
        {sessionCan(session, 'settings.manage') && data && (
          <PolicyChoice current={data.clinic_policy} enrolled={data.enabled} />
        )}
      </Stack>

      <Modal
        opened={dialog === 'enrol'}
        onClose={() => setDialog(null)}
        title={t('settings.security.twoFactor.setUpTitle')}
        radius="lg"
        centered
        size="lg"
      >
        {dialog === 'enrol' && (
          <TwoFactorEnrolment
            email={user.email}
            onCancel={() => setDialog(null)}
            onDone={() => {
              setDialog(null);
              notify(t('settings.security.twoFactor.turnedOn'), 'careline');
              refresh();
            }}
          />
        )}
      </Modal>
      <CodeDialog
        opened={dialog === 'disable'}
        title={t('settings.security.twoFactor.turnOffTitle')}
        body={t('settings.security.twoFactor.turnOffBody')}
        confirmLabel={t('settings.security.twoFactor.turnOff')}
        danger
        busy={disable.isPending}
        error={disable.isError ? describeCodeError(disable.error, t) : null}
        onConfirm={(code) => disable.mutate(code)}
        onClose={() => setDialog(null)}
      />
      <CodeDialog
        opened={dialog === 'newCodes'}
        title={t('settings.security.twoFactor.newCodesTitle')}
        body={t('settings.security.twoFactor.newCodesBody')}
        confirmLabel={t('settings.security.twoFactor.newCodes')}
        busy={newCodes.isPending}
        error={newCodes.isError ? describeCodeError(newCodes.error, t) : null}
        onConfirm={(code) => newCodes.mutate(code)}
        onClose={() => setDialog(null)}
      />
      <Modal
        opened={freshCodes !== null}
        onClose={() => setFreshCodes(null)}
        title={t('settings.security.twoFactor.newCodesTitle')}
        radius="lg"
        centered
      >
        {freshCodes && (
          <RecoveryCodes codes={freshCodes} email={user.email} onDone={() => setFreshCodes(null)} />
        )}
      </Modal>
    </Paper>
  );
}

/** Who in the clinic must sign in with a code: administrators only choose. */
function PolicyChoice({ current, enrolled }: { current: TwoFactorPolicy; enrolled: boolean }) {
  const { t } = useTranslation();
  const notify = useNotify();
  const queryClient = useQueryClient();
  const save = useMutation({
    mutationFn: twoFactorApi.setPolicy,
    onSuccess: () => {
      notify(t('settings.security.twoFactor.policySaved'), 'careline');
      void queryClient.invalidateQueries({ queryKey: twoFactorKeys.status });
    },
  });
  return (
    <Stack gap={6} mt="xs">
      <Text size="sm" fw={600} id="two-factor-policy-label">
        {t('settings.security.twoFactor.policyLabel')}
      </Text>
      <SegmentedControl
        aria-labelledby="two-factor-policy-label"
        value={current}
        disabled={save.isPending}
        onChange={(value) => {
          const policy = TWO_FACTOR_POLICIES.find((p) => p === value);
          if (policy) save.mutate(policy);
        }}
        data={TWO_FACTOR_POLICIES.map((policy) => ({
          value: policy,
          label: t(`settings.security.twoFactor.policy.${policy}`),
        }))}
      />
      {!enrolled && (
        <Text size="xs" c="dimmed">
          {t('settings.security.twoFactor.policyNeedsYours')}
        </Text>
      )}
      {save.isError && (
        <Text size="xs" c="red" role="alert">
          {save.error instanceof ApiError && save.error.status === 409
            ? t('settings.security.twoFactor.policyNeedsYours')
            : describeError(save.error, t)}
        </Text>
      )}
    </Stack>
  );
}
