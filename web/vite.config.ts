/**
 * Vite build of the web planner: `npm run web:build` writes web/dist, which `npm start` serves.
 * `npm run web:dev` serves the sources with hot reload and forwards /api to the API server
 * (API_URL, default http://127.0.0.1:8080).
 */
import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('.', import.meta.url));

export default defineConfig({
  root,
  base: './',
  plugins: [react()],
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    sourcemap: false,
    chunkSizeWarningLimit: 500,
  },
  server: {
    proxy: { '/api': process.env['API_URL'] ?? 'http://127.0.0.1:8080' },
  },
});
