import { createTheme, type MantineColorsTuple } from '@mantine/core';

/** Careline green: calm, close to WhatsApp's so patients' and agents' screens feel related. */
const careline: MantineColorsTuple = [
  '#e7f8f2',
  '#d2efe5',
  '#a3ddca',
  '#70caad',
  '#47ba95',
  '#2daf86',
  '#1ba97e',
  '#0b8a6f',
  '#007a5f',
  '#006a50',
];

export const theme = createTheme({
  primaryColor: 'careline',
  primaryShade: 7,
  colors: { careline },
  defaultRadius: 'md',
  fontFamily:
    'system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", "Noto Sans", "Liberation Sans", Arial, sans-serif, "Apple Color Emoji", "Segoe UI Emoji", "Noto Color Emoji"',
  headings: { fontWeight: '650' },
  cursorType: 'pointer',
});
