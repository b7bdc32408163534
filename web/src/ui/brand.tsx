import { Group, Text } from '@mantine/core';

/** The Careline mark: a speech bubble carrying a care cross. */
export function BrandMark({ size = 32, inverted = false }: { size?: number; inverted?: boolean }) {
  const green = 'var(--mantine-color-careline-7)';
  return (
    <svg width={size} height={size} viewBox="0 0 32 32" aria-hidden="true" focusable="false">
      <rect width="32" height="32" rx="9" fill={inverted ? '#fff' : green} />
      <path
        d="M16 6.5c-5.5 0-10 3.9-10 8.8 0 2.6 1.3 4.9 3.3 6.5L8.5 26l4.6-2.2c.9.2 1.9.3 2.9.3 5.5 0 10-3.9 10-8.8S21.5 6.5 16 6.5z"
        fill={inverted ? green : '#fff'}
      />
      <path d="M14.6 11h2.8v3h3v2.8h-3v3h-2.8v-3h-3V14h3z" fill={inverted ? '#fff' : green} />
    </svg>
  );
}

export function Brand({ size = 32, inverted = false }: { size?: number; inverted?: boolean }) {
  return (
    <Group gap={10} wrap="nowrap">
      <BrandMark size={size} inverted={inverted} />
      <Text fw={700} fz={size * 0.62} c={inverted ? 'white' : 'dark.8'} style={{ letterSpacing: '-0.02em' }}>
        Careline
      </Text>
    </Group>
  );
}
