import '@mantine/core/styles.css';
import '@mantine/charts/styles.css';
import './ui/global.css';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app.tsx';
import { startI18n } from './i18n/i18n.ts';
import { en } from './messages/en.ts';
import { fr } from './messages/fr.ts';

startI18n({ en, fr });

const root = document.getElementById('root');
if (root) {
  createRoot(root).render(
    <StrictMode>
      <App />
    </StrictMode>,
  );
}
