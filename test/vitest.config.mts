import path from 'node:path';
import { defineConfig } from 'vitest/config';

const root = path.resolve(import.meta.dirname, '..');

export default defineConfig({
  root,
  resolve: {
    // type-graphql and our code must share one graphql module, or schema building fails.
    alias: {
      graphql: path.join(root, 'node_modules/graphql/index.js'),
      // The console's name for the repository's shared/ (admin/vite.config.mts), for tests that import console code.
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
