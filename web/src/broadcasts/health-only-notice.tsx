import { Alert } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Icon } from '../ui/icons.tsx';

/** What a broadcast may be used for, and who receives it: said wherever one is written or listed. */
export function HealthOnlyNotice() {
  const { t } = useTranslation();
  return (
    <Alert
      color="blue"
      variant="light"
      radius="md"
      icon={<Icon name="shield" size={18} />}
      title={t('broadcasts.healthOnlyTitle')}
    >
      {t('broadcasts.healthOnly')}
    </Alert>
  );
}
