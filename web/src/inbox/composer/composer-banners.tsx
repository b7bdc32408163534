import { Alert, Button, Group, Text } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useFormatters } from '../../format/formatters.ts';
import { Icon, type IconName } from '../../ui/icons.tsx';
import classes from './composer.module.css';

/** A notice above the composer about what can be sent (a status, read out by screen readers). */
export function NoticeBanner({
  color,
  icon,
  title,
  children,
}: {
  color: string;
  icon: IconName;
  title: string;
  children: ReactNode;
}) {
  return (
    <Alert
      className={classes.banner}
      color={color}
      variant="light"
      icon={<Icon name={icon} />}
      title={title}
      role="status"
    >
      {children}
    </Alert>
  );
}

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
    <NoticeBanner color="orange" icon="lock" title={t('window.closedTitle')}>
      <Group justify="space-between" gap="sm" wrap="nowrap">
        <Text size="sm">
          {closesAt ? t('window.closedSince', { time: format.dateTime(closesAt) }) : t('window.closedBody')}
        </Text>
        <Button size="xs" leftSection={<Icon name="template" size={14} />} onClick={onChooseTemplate}>
          {t('composer.chooseTemplate')}
        </Button>
      </Group>
    </NoticeBanner>
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
