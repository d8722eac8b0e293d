import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from './config';

describe('configuration', () => {
  it('has working defaults', () => {
    const c = loadConfig({});
    expect(c.port).toBe(3000);
    expect(c.databaseUrl).toBeUndefined();
    expect(c.sqliteFile).toMatch(/data[/\\]qifu\.sqlite$/);
    expect(c.lockout).toEqual({ threshold: 5, windowMinutes: 15, lockMinutes: 15 });
    expect(c.password).toMatchObject({
      minLength: 8,
      minClasses: 3,
      staffExpiryDays: 90,
      enterpriseExpiryDays: 0,
    });
  });

  it('reads the documented variables', () => {
    const c = loadConfig({
      PORT: '8080',
      DATABASE_URL: 'postgres://u@db:5432/qifu',
      QIFU_DATA_DIR: '/srv/qifu',
      QIFU_SEED_DEMO: 'false',
    });
    expect(c).toMatchObject({
      port: 8080,
      databaseUrl: 'postgres://u@db:5432/qifu',
      dataDir: '/srv/qifu',
      seedDemo: false,
    });
  });

  it.each([
    [{ PORT: 'eighty' }, 'PORT'],
    [{ PORT: '70000' }, 'PORT'],
    [{ DATABASE_URL: 'not a url' }, 'DATABASE_URL'],
    [{ QIFU_SEED_DEMO: 'maybe' }, 'QIFU_SEED_DEMO'],
    [{ QIFU_PASSWORD_MIN_CLASSES: '5' }, 'QIFU_PASSWORD_MIN_CLASSES'],
  ])('refuses %j naming the variable', (env, name) => {
    expect(() => loadConfig(env)).toThrow(ConfigError);
    expect(() => loadConfig(env)).toThrow(name);
  });
});
