import { Alert, Button, Code, CopyButton, Group, Modal, Stack, Text, Tooltip } from '@mantine/core';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Icon } from '../../ui/icons.tsx';

export interface SignInDetails {
  name: string;
  email: string;
  password: string;
}

/** A member's e-mail and new password, shown this once so the administrator can pass them on. */
export function PasswordRevealDialog({
  details,
  onClose,
}: {
  details: SignInDetails | null;
  onClose(): void;
}) {
  const { t } = useTranslation();
  // Kept while the dialog fades out (so it does not empty itself on the way), then forgotten.
  const [shown, setShown] = useState(details);
  useEffect(() => {
    if (details) setShown(details);
  }, [details]);
  return (
    <Modal
      opened={details !== null}
      onClose={onClose}
      title={t('settings.reveal.title', { name: shown?.name ?? '' })}
      radius="lg"
      size="lg"
      centered
      closeOnClickOutside={false}
      onExitTransitionEnd={() => setShown(null)}
    >
      {shown && (
        <Stack gap="md">
          <Alert color="yellow" variant="light" icon={<Icon name="lock" />}>
            {t('settings.reveal.once')}
          </Alert>
          <Secret label={t('settings.staff.email')} value={shown.email} />
          <Secret label={t('settings.staff.password')} value={shown.password} />
          <Group justify="flex-end">
            <Button onClick={onClose} data-autofocus>
              {t('settings.reveal.done')}
            </Button>
          </Group>
        </Stack>
      )}
    </Modal>
  );
}

function Secret({ label, value }: { label: string; value: string }) {
  const { t } = useTranslation();
  return (
    <div>
      <Text size="sm" fw={500} mb={4}>
        {label}
      </Text>
      <Group gap="xs" wrap="nowrap">
        <Code block style={{ flex: 1, fontSize: 15 }} aria-label={label}>
          {value}
        </Code>
        <CopyButton value={value}>
          {({ copied, copy }) => (
            <Tooltip label={copied ? t('settings.reveal.copied') : t('settings.reveal.copy')} withArrow>
              <Button
                variant="light"
                onClick={copy}
                leftSection={copied ? <Icon name="check" size={16} /> : <Icon name="copy" size={16} />}
                aria-label={t('settings.reveal.copyWhat', { what: label })}
              >
                {copied ? t('settings.reveal.copied') : t('settings.reveal.copy')}
              </Button>
            </Tooltip>
          )}
        </CopyButton>
      </Group>
    </div>
  );
}
