import { defineConfig } from 'vitest/config';

// One Chromium at a time: the suite must pass on a busy 2-core machine.
export default defineConfig({
  test: {
    environment: 'node',
    env: { RAPPORT_EXTENSION_DIR: '.output/chrome-mv3-e2e' },
    include: ['tests/browser/**/*.test.ts'],
    fileParallelism: false,
    testTimeout: 60_000,
    hookTimeout: 60_000,
  },
});
