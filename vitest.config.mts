import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/unit/**/*.test.ts', 'test/integration/**/*.test.ts', 'test/contract/**/*.test.ts'],
    environment: 'node',
    testTimeout: 30_000,
    hookTimeout: 30_000,
    pool: 'forks',
    // The core must never need Electron: make any accidental import fail loudly instead of downloading it.
    alias: { electron: new URL('./test/support/no-electron.ts', import.meta.url).pathname },
  },
});
