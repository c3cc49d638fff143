import { describe, expect, it } from 'vitest';
import { DEFAULT_DATA_DIR, loadConfig } from '../src/config';

describe('settings from the environment', () => {
  it('serves on 127.0.0.1:8787 from PGlite in server/data by default', () => {
    const config = loadConfig({});

    expect(config).toEqual({
      port: 8787,
      host: '127.0.0.1',
      database: { kind: 'pglite', dataDir: DEFAULT_DATA_DIR },
      rateLimit: { max: 600, windowMs: 60_000 },
      trustProxy: false,
      logLevel: 'info',
    });
    expect(DEFAULT_DATA_DIR).toMatch(/server\/data$/);
  });

  it('reads every setting', () => {
    const config = loadConfig({
      PORT: '9000',
      HOST: '0.0.0.0',
      DATABASE_URL: 'postgres://rapport:secret@db.internal:5432/rapport',
      RAPPORT_RATE_LIMIT_MAX: '5000',
      RAPPORT_RATE_LIMIT_WINDOW_MS: '1000',
      RAPPORT_TRUST_PROXY: 'true',
      LOG_LEVEL: 'warn',
    });

    expect(config).toEqual({
      port: 9000,
      host: '0.0.0.0',
      database: { kind: 'postgres', url: 'postgres://rapport:secret@db.internal:5432/rapport' },
      rateLimit: { max: 5000, windowMs: 1000 },
      trustProxy: true,
      logLevel: 'warn',
    });
  });

  it('finds a relative data folder from where the command was typed', () => {
    const config = loadConfig({ RAPPORT_DATA_DIR: 'sync-data', INIT_CWD: '/srv/rapport' });

    expect(config.database).toEqual({ kind: 'pglite', dataDir: '/srv/rapport/sync-data' });
  });

  it('treats an empty variable as unset', () => {
    expect(loadConfig({ PORT: '', DATABASE_URL: '' }).port).toBe(8787);
    expect(loadConfig({ DATABASE_URL: '' }).database.kind).toBe('pglite');
  });

  it.each([
    ['PORT', 'eighty'],
    ['PORT', '70000'],
    ['DATABASE_URL', 'mysql://localhost/rapport'],
    ['RAPPORT_RATE_LIMIT_MAX', '0'],
    ['RAPPORT_TRUST_PROXY', 'maybe'],
    ['LOG_LEVEL', 'loud'],
  ])('refuses %s=%s, naming it', (name, value) => {
    expect(() => loadConfig({ [name]: value })).toThrow(name);
  });
});
