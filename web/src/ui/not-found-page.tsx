import { Button, Center, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { BrandMark } from './brand.tsx';

export function NotFoundPage() {
  const { t } = useTranslation();
  return (
    <Center h="100vh" bg="gray.0">
      <Stack align="center" gap="sm">
        <BrandMark size={48} />
        <Title order={1} size="h2">
          {t('notFound.title')}
        </Title>
        <Text c="dimmed">{t('notFound.body')}</Text>
        <Button component={Link} to="/inbox" variant="light">
          {t('notFound.back')}
        </Button>
      </Stack>
    </Center>
  );
}
