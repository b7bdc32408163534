import { Alert, Button, CopyButton, Group, Paper, SimpleGrid, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Icon } from '../ui/icons.tsx';

/**
 * The ten recovery codes, shown this once (only their hashes are kept): copy them or download them
 * as a text file, then carry on.
 */
export function RecoveryCodes({ codes, email, onDone }: { codes: string[]; email: string; onDone(): void }) {
  const { t } = useTranslation();
  const text = `${t('twoFactor.recoveryFileTitle', { email })}\n\n${codes.join('\n')}\n`;
  const download = () => {
    const url = URL.createObjectURL(new Blob([text], { type: 'text/plain;charset=utf-8' }));
    const link = document.createElement('a');
    link.href = url;
    link.download = 'careline-recovery-codes.txt';
    link.click();
    URL.revokeObjectURL(url);
  };
  return (
    <Stack gap="md" data-testid="recovery-codes">
      <Text fw={600}>{t('twoFactor.recoveryTitle')}</Text>
      <Alert color="yellow" variant="light" icon={<Icon name="alert" />}>
        {t('twoFactor.recoveryBody')}
      </Alert>
      <Paper withBorder radius="md" p="md">
        <SimpleGrid cols={2} spacing="xs">
          {codes.map((code) => (
            <Text key={code} ff="monospace" size="sm" data-testid="recovery-code">
              {code}
            </Text>
          ))}
        </SimpleGrid>
      </Paper>
      <Group gap="sm">
        <CopyButton value={text}>
          {({ copied, copy }) => (
            <Button
              variant="light"
              onClick={copy}
              leftSection={<Icon name={copied ? 'check' : 'note'} size={16} />}
            >
              {copied ? t('twoFactor.copied') : t('twoFactor.copy')}
            </Button>
          )}
        </CopyButton>
        <Button variant="light" onClick={download} leftSection={<Icon name="download" size={16} />}>
          {t('twoFactor.download')}
        </Button>
      </Group>
      <Group justify="flex-end">
        <Button onClick={onDone}>{t('twoFactor.recoverySaved')}</Button>
      </Group>
    </Stack>
  );
}
