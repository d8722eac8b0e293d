import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../config';
import { parseSecretKey, SecretBox, SecretBoxError } from './secret-box';

const KEY = randomBytes(32);
const SECRET = 'JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP';

describe('SecretBox', () => {
  it('seals with a key, differently each time, and opens what it sealed', () => {
    const box = new SecretBox(KEY);
    const a = box.seal(SECRET);
    const b = box.seal(SECRET);
    expect(a).toMatch(/^enc1:[A-Za-z0-9+/=]+$/);
    expect(a).not.toContain(SECRET);
    expect(a).not.toBe(b);
    expect(box.open(a)).toBe(SECRET);
    expect(box.open(b)).toBe(SECRET);
  });

  it('stores as is without a key, and reads a value stored that way after a key is set', () => {
    const plain = new SecretBox(null);
    expect(plain.sealing).toBe(false);
    expect(plain.seal(SECRET)).toBe(SECRET);
    expect(new SecretBox(KEY).open(SECRET)).toBe(SECRET);
  });

  it('refuses a changed value, another key, and a sealed value without a key', () => {
    const sealed = new SecretBox(KEY).seal(SECRET);
    const raw = Buffer.from(sealed.slice(5), 'base64');
    raw[raw.length - 1]! ^= 1;
    expect(() => new SecretBox(KEY).open(`enc1:${raw.toString('base64')}`)).toThrow(SecretBoxError);
    expect(() => new SecretBox(randomBytes(32)).open(sealed)).toThrow(/another key/);
    expect(() => new SecretBox(null).open(sealed)).toThrow(/QIFU_SECRET_KEY is not set/);
    expect(() => new SecretBox(KEY).open('enc1:AAAA')).toThrow(/truncated/);
  });
});

describe('QIFU_SECRET_KEY', () => {
  it('takes 32 bytes as hex or base64, nothing else', () => {
    expect(parseSecretKey(undefined)).toBeNull();
    expect(parseSecretKey('')).toBeNull();
    expect(parseSecretKey(KEY.toString('hex'))).toEqual(KEY);
    expect(parseSecretKey(KEY.toString('base64'))).toEqual(KEY);
    for (const bad of [
      'abc',
      KEY.toString('hex').slice(2),
      randomBytes(16).toString('base64'),
      'z'.repeat(64),
    ])
      expect(() => parseSecretKey(bad)).toThrow(/32 bytes/);
  });

  it('stops the configuration naming the variable when it is malformed', () => {
    expect(loadConfig({ QIFU_SECRET_KEY: KEY.toString('base64') }).secretKey).toEqual(KEY);
    expect(loadConfig({}).secretKey).toBeNull();
    expect(() => loadConfig({ QIFU_SECRET_KEY: 'short' })).toThrow(/QIFU_SECRET_KEY: must be 32 bytes/);
  });
});
