import { Group, Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';
import { StandaloneHeader } from '../session/standalone-header.tsx';
import classes from './pharmacy-page.module.css';

/** A page of its own (stock notices, a pharmacy's orders): the top bar, a title, its main action. */
export function PharmacyShell({
  title,
  description,
  action,
  children,
}: {
  title: string;
  description: string;
  action?: ReactNode;
  children: ReactNode;
}) {
  return (
    <div className={classes.shell}>
      <StandaloneHeader />
      <main className={classes.page}>
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
        {children}
      </main>
    </div>
  );
}
