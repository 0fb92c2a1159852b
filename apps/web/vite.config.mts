import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

const api = process.env.GESIT_API_URL ?? 'http://localhost:3000';

// Built into dist/web, which the API serves at /. In development (`npm run web:dev`) Vite proxies the API.
export default defineConfig({
  root: fileURLToPath(new URL('.', import.meta.url)),
  base: '/',
  build: {
    outDir: '../../dist/web',
    emptyOutDir: true,
    manifest: true,
    sourcemap: false,
    chunkSizeWarningLimit: 1500,
    rolldownOptions: {
      // Mantine marks its modules 'use client' for React Server Components, which mean nothing in a SPA.
      onwarn(warning, warn) {
        if (warning.code !== 'MODULE_LEVEL_DIRECTIVE') warn(warning);
      },
    },
  },
  server: {
    proxy: {
      '/graphql': { target: api, ws: true },
      '/files': api,
      '/verify': api,
    },
  },
});
