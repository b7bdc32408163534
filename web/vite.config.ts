import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

const webRoot = fileURLToPath(new URL('.', import.meta.url));

/**
 * The agent inbox and the demo phone, built to web/dist and served by Careline itself
 * (src/platform/http/web-app.ts). In development, `npx vite web` proxies the API to a running Careline.
 */
export default defineConfig({
  root: webRoot,
  base: '/',
  plugins: [react()],
  build: {
    outDir: fileURLToPath(new URL('./dist', import.meta.url)),
    emptyOutDir: true,
    assetsDir: 'assets',
    chunkSizeWarningLimit: 1200,
  },
  server: {
    proxy: {
      '/api': { target: process.env.CARELINE_URL ?? 'http://localhost:3000', changeOrigin: false },
      '/simulator': { target: process.env.CARELINE_URL ?? 'http://localhost:3000', changeOrigin: false },
    },
  },
});
