import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

/**
 * Every test file runs against PGlite, and again against PostgreSQL when
 * RAPPORT_TEST_DATABASE_URL names a role that may create databases (each file gets its own).
 */
const backends = ['pglite', ...(process.env.RAPPORT_TEST_DATABASE_URL ? ['postgres'] : [])];

export default defineConfig({
  test: {
    // server/, wherever Vitest is started from: the extension's tests are not the server's.
    root: fileURLToPath(new URL('.', import.meta.url)),
    environment: 'node',
    include: ['tests/**/*.test.ts'],
    testTimeout: 30_000,
    hookTimeout: 60_000,
    projects: backends.map((backend) => ({
      extends: true,
      test: { name: backend, env: { RAPPORT_TEST_BACKEND: backend } },
    })),
  },
});
