import { Group, Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';

/** A settings screen's title, what it is for, and its main action. */
export function PageHeader({
  title,
  description,
  action,
}: {
  title: string;
  description: string;
  action?: ReactNode;
}) {
  return (
    <Group justify="space-between" align="flex-end" gap="md" mb="lg">
      <div>
        <Title order={1} size="h2">
          {title}
        </Title>
        <Text c="dimmed" size="sm" mt={4} maw={640}>
          {description}
        </Text>
      </div>
      {action}
    </Group>
  );
}
