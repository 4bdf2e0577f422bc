import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

const root = fileURLToPath(new URL('.', import.meta.url));
const serverUrl = process.env.ESSAIM_SERVER_URL ?? 'http://localhost:4000';

/** Paths served by apps/server; in dev, Vite forwards them so the browser sees a single origin. */
const proxied = ['/api', '/healthz', '/readyz', '/docs'];

export default defineConfig({
  root,
  plugins: [react()],
  css: { postcss: root },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    sourcemap: true,
    rolldownOptions: {
      output: {
        // Long-lived vendor chunks: they change less often than app code, so browsers keep them cached.
        codeSplitting: {
          groups: [
            { name: 'react', test: /node_modules[\\/](react|react-dom|scheduler)[\\/]/ },
            { name: 'mantine', test: /node_modules[\\/]@mantine[\\/]/ },
            { name: 'vendor', test: /node_modules[\\/]/ },
          ],
        },
      },
    },
  },
  server: {
    port: 5173,
    proxy: {
      ...Object.fromEntries(proxied.map((path) => [path, { target: serverUrl, changeOrigin: true }])),
      '/ws': { target: serverUrl, ws: true, changeOrigin: true },
    },
  },
  preview: { port: 4173 },
});
