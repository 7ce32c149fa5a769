import path from 'node:path';
import { defineConfig } from 'vitest/config';

const root = path.resolve(import.meta.dirname, '..');

export default defineConfig({
  root,
  resolve: {
    // type-graphql and our code must share one graphql module, or schema building fails.
    alias: {
      graphql: path.join(root, 'node_modules/graphql/index.js'),
      // The repository's own shared/ folder: `#shared/…` for the server and tests (package.json "imports"
      // maps it to the compiled dist/shared at run time), `@sway/shared` for console code (admin/vite.config.mts).
      '#shared': path.join(root, 'shared'),
      '@sway/shared': path.join(root, 'shared'),
    },
  },
  test: {
    include: ['test/**/*.test.ts'],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    pool: 'forks',
    setupFiles: ['test/support/setup.ts'],
    // expect.poll waits for a condition, not a deadline: 1 s (the default) is too short for a cold
    // console page on a loaded machine. Still no test asserts how long anything takes.
    expect: { poll: { timeout: 10_000 } },
  },
});
