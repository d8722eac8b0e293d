import path from 'node:path';
import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

const here = path.dirname(fileURLToPath(import.meta.url));

/**
 * The web UI. `src/web` is the Vite root; the build lands in dist/web, which the server serves (hashed files
 * under /assets, index.html for every other non-API path). In development the API runs on :3000 and Vite proxies
 * /api to it; the Host header is kept so the server's same-origin (CSRF) check sees the page's own origin.
 */
export default defineConfig({
  root: path.join(here, 'src/web'),
  plugins: [react()],
  build: {
    outDir: path.join(here, 'dist/web'),
    emptyOutDir: true,
    // antd is large; the chunk warning would fire on the shared vendor chunk and tell us nothing new.
    chunkSizeWarningLimit: 1200,
  },
  server: {
    port: 5173,
    proxy: { '/api': { target: 'http://localhost:3000', changeOrigin: false } },
  },
});
