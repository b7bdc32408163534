import { Alert, Button, Group, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useFormatters } from '../../format/formatters.ts';
import { Icon } from '../../ui/icons.tsx';
import classes from './composer.module.css';

/** The 24-hour window is closed: says since when, and offers the only way to write, a template. */
export function WindowClosedBanner({
  closesAt,
  timeZone,
  onChooseTemplate,
}: {
  closesAt: string | null;
  timeZone: string;
  onChooseTemplate(): void;
}) {
  const { t } = useTranslation();
  const format = useFormatters(timeZone);
  return (
    <Alert
      className={classes.banner}
      color="orange"
      variant="light"
      icon={<Icon name="lock" />}
      title={t('window.closedTitle')}
      role="status"
    >
      <Group justify="space-between" gap="sm" wrap="nowrap">
        <Text size="sm">
          {closesAt ? t('window.closedSince', { time: format.dateTime(closesAt) }) : t('window.closedBody')}
        </Text>
        <Button size="xs" leftSection={<Icon name="template" size={14} />} onClick={onChooseTemplate}>
          {t('composer.chooseTemplate')}
        </Button>
      </Group>
    </Alert>
  );
}

export function SendErrorBanner({ error, onClose }: { error: string; onClose(): void }) {
  const { t } = useTranslation();
  return (
    <Alert
      className={classes.banner}
      color="red"
      variant="light"
      icon={<Icon name="alert" />}
      withCloseButton
      closeButtonLabel={t('common.close')}
      onClose={onClose}
      role="alert"
    >
      {error}
    </Alert>
  );
}
