import path from 'node:path';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

const adminRoot = import.meta.dirname;

/**
 * Builds the console (index.html, served at /admin/) and the offline query explorer
 * (explorer.html, served at /explorer/). Both load their assets from /admin/assets/, which the
 * server serves from admin/dist, so one base fits both pages.
 */
export default defineConfig(({ mode }) => ({
  root: adminRoot,
  base: '/admin/',
  plugins: [react()],
  // The repository's own shared/ (enums, limits) under a name that cannot be mistaken for a path outside the repo.
  resolve: { alias: { '@sway/shared': path.join(adminRoot, '..', 'shared') } },
  define: {
    // Apollo Client keeps its development checks and warnings unless this is false.
    'globalThis.__DEV__': JSON.stringify(mode !== 'production'),
  },
  build: {
    outDir: path.join(adminRoot, 'dist'),
    emptyOutDir: true,
    // The explorer bundles Monaco (several MB, loaded on /explorer/ only); the warning says nothing new.
    chunkSizeWarningLimit: 4096,
    rolldownOptions: {
      onwarn(warning, warn) {
        // GraphiQL's modules start with React Compiler's "use no memo"; bundling drops it harmlessly.
        if (warning.code === 'MODULE_LEVEL_DIRECTIVE') return;
        warn(warning);
      },
      input: {
        console: path.join(adminRoot, 'index.html'),
        explorer: path.join(adminRoot, 'explorer.html'),
      },
    },
  },
  worker: { format: 'es' },
  server: {
    // `npx vite --config admin/vite.config.mts` during development: the API runs on its own port.
    proxy: { '/graphql': process.env.SWAY_API_URL ?? 'http://127.0.0.1:4000' },
  },
}));
