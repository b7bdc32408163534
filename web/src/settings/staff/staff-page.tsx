import {
  ActionIcon,
  Alert,
  Avatar,
  Badge,
  Button,
  Group,
  Paper,
  Skeleton,
  Table,
  Text,
  Tooltip,
  VisuallyHidden,
} from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { describeError } from '../../api/describe-error.ts';
import { queryKeys } from '../../api/inbox-api.ts';
import { settingsApi, settingsKeys } from '../../api/settings-api.ts';
import type { StaffMember } from '../../api/settings-types.ts';
import { twoFactorApi } from '../../auth/two-factor-api.ts';
import { avatarColor, initialsOf } from '../../format/people.ts';
import { useSignedIn } from '../../session/session-context.tsx';
import { Icon } from '../../ui/icons.tsx';
import { useNotify } from '../../ui/toasts.tsx';
import { useWhileClosing } from '../../ui/use-while-closing.ts';
import { ConfirmDialog } from '../confirm-dialog.tsx';
import { PageHeader } from '../page-header.tsx';
import { AddStaffDialog } from './add-staff-dialog.tsx';
import { EditStaffDialog } from './edit-staff-dialog.tsx';
import { PasswordRevealDialog, type SignInDetails } from './password-reveal-dialog.tsx';
import { staffErrorOf } from './staff-errors.ts';
import { TeamVisibilitySwitch } from './team-visibility-switch.tsx';

type Pending = { kind: 'deactivate' | 'reactivate'; member: StaffMember };

/** Who works in the clinic's inbox: add people, change their role and capacity, deactivate them. */
export function StaffPage() {
  const { t } = useTranslation();
  const { user: me } = useSignedIn();
  const queryClient = useQueryClient();
  const notify = useNotify();
  const staff = useQuery({ queryKey: settingsKeys.staff, queryFn: settingsApi.staff });
  const [adding, setAdding] = useState(false);
  const [editing, setEditing] = useState<StaffMember | null>(null);
  const [pending, setPending] = useState<Pending | null>(null);
  const [reveal, setReveal] = useState<SignInDetails | null>(null);
  const [signingOut, setSigningOut] = useState<StaffMember | null>(null);
  const [resettingTwoFactor, setResettingTwoFactor] = useState<StaffMember | null>(null);

  const activation = useMutation({
    mutationFn: ({ kind, member }: Pending) =>
      settingsApi.changeStaff(member.id, { active: kind === 'reactivate' }),
    onSuccess: (changed, { kind, member }) => {
      setPending(null);
      void queryClient.invalidateQueries({ queryKey: ['users'] });
      void queryClient.invalidateQueries({ queryKey: queryKeys.teams });
      void queryClient.invalidateQueries({ queryKey: queryKeys.conversations });
      const name = displayName(member);
      if (kind === 'reactivate' && changed.generated_password) {
        setReveal({ name, email: changed.email, password: changed.generated_password });
      } else notify(t('settings.staff.deactivated', { name }), 'careline');
    },
  });

  const signOutEverywhere = useMutation({
    mutationFn: (member: StaffMember) => settingsApi.signOutEverywhere(member.id),
    onSuccess: ({ signed_out: count }, member) => {
      setSigningOut(null);
      notify(t('settings.staff.signedOutEverywhere', { name: displayName(member), count }), 'careline');
    },
  });

  // A lost phone: the person's two-factor sign-in is turned off and their browsers signed out.
  const resetTwoFactor = useMutation({
    mutationFn: (member: StaffMember) => twoFactorApi.resetOf(member.id),
    onSuccess: (_nothing, member) => {
      setResettingTwoFactor(null);
      notify(t('settings.staff.twoFactorReset', { name: displayName(member) }), 'careline');
    },
  });

  const confirming = useWhileClosing(pending);
  const confirmingReset = useWhileClosing(resettingTwoFactor);
  const confirmingSignOut = useWhileClosing(signingOut);
  const members = [...(staff.data?.data ?? [])].sort(
    (a, b) => Number(Boolean(a.deactivated_at)) - Number(Boolean(b.deactivated_at)),
  );

  return (
    <>
      <PageHeader
        title={t('settings.staff.title')}
        description={t('settings.staff.description')}
        action={
          <Button leftSection={<Icon name="plus" size={16} />} onClick={() => setAdding(true)}>
            {t('settings.staff.addButton')}
          </Button>
        }
      />
      {staff.isError && (
        <Alert color="red" variant="light" icon={<Icon name="alert" />}>
          {describeError(staff.error, t)}
        </Alert>
      )}
      <Paper withBorder radius="lg">
        <Table.ScrollContainer minWidth={760}>
          <Table verticalSpacing="sm" horizontalSpacing="md" highlightOnHover>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('settings.staff.member')}</Table.Th>
                <Table.Th>{t('settings.staff.role')}</Table.Th>
                <Table.Th>{t('settings.staff.status')}</Table.Th>
                <Table.Th ta="right">{t('settings.staff.open')}</Table.Th>
                <Table.Th ta="right">{t('settings.staff.capacity')}</Table.Th>
                <Table.Th w={140}>
                  <VisuallyHidden>{t('settings.actions')}</VisuallyHidden>
                </Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {staff.isPending && <LoadingRows />}
              {members.map((member) => (
                <StaffRow
                  key={member.id}
                  member={member}
                  isMe={member.id === me.id}
                  onEdit={() => setEditing(member)}
                  onActivation={(kind) => {
                    activation.reset();
                    setPending({ kind, member });
                  }}
                  onSignOutEverywhere={() => {
                    signOutEverywhere.reset();
                    setSigningOut(member);
                  }}
                  onResetTwoFactor={() => {
                    resetTwoFactor.reset();
                    setResettingTwoFactor(member);
                  }}
                />
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      </Paper>
      <TeamVisibilitySwitch />

      <AddStaffDialog
        opened={adding}
        onClose={() => setAdding(false)}
        onAdded={(member, password) => {
          setAdding(false);
          setReveal({ name: displayName(member), email: member.email, password });
        }}
      />
      <EditStaffDialog
        member={editing}
        onClose={() => {
          // Someone who changed their own role sees the settings their new role allows.
          if (editing?.id === me.id) void queryClient.invalidateQueries({ queryKey: queryKeys.session });
          setEditing(null);
        }}
      />
      <ConfirmDialog
        opened={pending !== null}
        title={t(
          confirming?.kind === 'reactivate'
            ? 'settings.staff.reactivateTitle'
            : 'settings.staff.deactivateTitle',
          { name: confirming ? displayName(confirming.member) : '' },
        )}
        body={
          confirming?.kind === 'reactivate'
            ? t('settings.staff.reactivateBody')
            : t('settings.staff.deactivateBody', { count: confirming?.member.open_conversations ?? 0 })
        }
        confirmLabel={t(
          confirming?.kind === 'reactivate' ? 'settings.staff.reactivate' : 'settings.staff.deactivate',
        )}
        danger={confirming?.kind === 'deactivate'}
        busy={activation.isPending}
        error={activation.isError ? staffErrorOf(activation.error, t) : null}
        onConfirm={() => pending && activation.mutate(pending)}
        onClose={() => setPending(null)}
      />
      <ConfirmDialog
        opened={signingOut !== null}
        title={t('settings.staff.signOutEverywhereTitle', {
          name: confirmingSignOut ? displayName(confirmingSignOut) : '',
        })}
        body={t('settings.staff.signOutEverywhereBody')}
        confirmLabel={t('settings.staff.signOutEverywhere')}
        danger
        busy={signOutEverywhere.isPending}
        error={signOutEverywhere.isError ? staffErrorOf(signOutEverywhere.error, t) : null}
        onConfirm={() => signingOut && signOutEverywhere.mutate(signingOut)}
        onClose={() => setSigningOut(null)}
      />
      <ConfirmDialog
        opened={resettingTwoFactor !== null}
        title={t('settings.staff.resetTwoFactorTitle', {
          name: confirmingReset ? displayName(confirmingReset) : '',
        })}
        body={t('settings.staff.resetTwoFactorBody')}
        confirmLabel={t('settings.staff.resetTwoFactor')}
        danger
        busy={resetTwoFactor.isPending}
        error={resetTwoFactor.isError ? staffErrorOf(resetTwoFactor.error, t) : null}
        onConfirm={() => resettingTwoFactor && resetTwoFactor.mutate(resettingTwoFactor)}
        onClose={() => setResettingTwoFactor(null)}
      />
      <PasswordRevealDialog details={reveal} onClose={() => setReveal(null)} />
    </>
  );
}

function StaffRow(props: {
  member: StaffMember;
  isMe: boolean;
  onEdit(): void;
  onActivation(kind: 'deactivate' | 'reactivate'): void;
  onSignOutEverywhere(): void;
  onResetTwoFactor(): void;
}) {
  const { t } = useTranslation();
  const { member } = props;
  const name = displayName(member);
  const deactivated = Boolean(member.deactivated_at);
  return (
    <Table.Tr data-testid="staff-row" style={deactivated ? { opacity: 0.6 } : undefined}>
      <Table.Td>
        <Group gap="sm" wrap="nowrap">
          <Avatar size={36} radius="xl" color={avatarColor(member.id)} variant="light">
            {initialsOf(name)}
          </Avatar>
          <div style={{ minWidth: 0 }}>
            <Text size="sm" fw={600} truncate>
              {name}
              {props.isMe && (
                <Text span c="dimmed" fw={400}>
                  {' '}
                  ({t('assign.you')})
                </Text>
              )}
              {member.two_factor_enabled && (
                <Tooltip label={t('settings.staff.twoFactorOn')} withArrow>
                  <Text span c="careline" ml={6} aria-label={t('settings.staff.twoFactorOn')}>
                    <Icon name="lock" size={14} />
                  </Text>
                </Tooltip>
              )}
            </Text>
            <Text size="xs" c="dimmed" truncate>
              {member.email}
            </Text>
          </div>
        </Group>
      </Table.Td>
      <Table.Td>
        <Badge variant="light" color={member.role === 'admin' ? 'grape' : 'gray'}>
          {t(`settings.roles.${member.role}`)}
        </Badge>
      </Table.Td>
      <Table.Td>
        <StatusBadge member={member} />
      </Table.Td>
      <Table.Td ta="right">{member.open_conversations}</Table.Td>
      <Table.Td ta="right">{member.capacity}</Table.Td>
      <Table.Td>
        <Group gap={4} justify="flex-end" wrap="nowrap">
          <Tooltip label={t('settings.staff.edit', { name })} withArrow>
            <ActionIcon
              variant="subtle"
              color="gray"
              aria-label={t('settings.staff.edit', { name })}
              onClick={props.onEdit}
            >
              <Icon name="pencil" size={16} />
            </ActionIcon>
          </Tooltip>
          {!deactivated && (
            <Tooltip label={t('settings.staff.signOutEverywhereName', { name })} withArrow>
              <ActionIcon
                variant="subtle"
                color="gray"
                aria-label={t('settings.staff.signOutEverywhereName', { name })}
                onClick={props.onSignOutEverywhere}
              >
                <Icon name="logout" size={16} />
              </ActionIcon>
            </Tooltip>
          )}
          {!deactivated && !props.isMe && member.two_factor_enabled && (
            <Tooltip label={t('settings.staff.resetTwoFactorName', { name })} withArrow>
              <ActionIcon
                variant="subtle"
                color="gray"
                aria-label={t('settings.staff.resetTwoFactorName', { name })}
                onClick={props.onResetTwoFactor}
              >
                <Icon name="lock" size={16} />
              </ActionIcon>
            </Tooltip>
          )}
          {deactivated ? (
            <Tooltip label={t('settings.staff.reactivateName', { name })} withArrow>
              <ActionIcon
                variant="subtle"
                color="careline"
                aria-label={t('settings.staff.reactivateName', { name })}
                onClick={() => props.onActivation('reactivate')}
              >
                <Icon name="userCheck" size={16} />
              </ActionIcon>
            </Tooltip>
          ) : (
            <Tooltip label={t('settings.staff.deactivateName', { name })} withArrow>
              <ActionIcon
                variant="subtle"
                color="red"
                aria-label={t('settings.staff.deactivateName', { name })}
                onClick={() => props.onActivation('deactivate')}
              >
                <Icon name="userOff" size={16} />
              </ActionIcon>
            </Tooltip>
          )}
        </Group>
      </Table.Td>
    </Table.Tr>
  );
}

function StatusBadge({ member }: { member: StaffMember }) {
  const { t } = useTranslation();
  if (member.deactivated_at) {
    return (
      <Badge variant="outline" color="gray">
        {t('settings.staff.deactivatedStatus')}
      </Badge>
    );
  }
  return (
    <Badge variant="dot" color={member.online ? 'careline' : 'gray'}>
      {t(member.online ? 'assign.online' : 'assign.offline')}
    </Badge>
  );
}

function LoadingRows() {
  return [1, 2, 3].map((row) => (
    <Table.Tr key={row}>
      <Table.Td colSpan={6}>
        <Skeleton height={28} />
      </Table.Td>
    </Table.Tr>
  ));
}

function displayName(member: { name: string | null; email: string }): string {
  return member.name ?? member.email;
}
