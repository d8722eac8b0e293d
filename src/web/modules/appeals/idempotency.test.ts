import { describe, expect, it } from 'vitest';
import { IDEMPOTENCY_KEY_PATTERN as SERVER_PATTERN } from '../../../shared/appeals-api';
import { IDEMPOTENCY_KEY_PATTERN, IdempotencyKey, newIdempotencyKey } from './idempotency';

describe('idempotency keys', () => {
  it('are accepted by the server', () => {
    expect(IDEMPOTENCY_KEY_PATTERN.source).toBe(SERVER_PATTERN.source);
    for (let i = 0; i < 20; i++) expect(newIdempotencyKey()).toMatch(SERVER_PATTERN);
  });

  it('differ between forms', () => {
    expect(new IdempotencyKey().value).not.toBe(new IdempotencyKey().value);
  });

  it('stay the same for every attempt of one form, and change only when renewed', () => {
    let n = 0;
    const holder = new IdempotencyKey(() => `key-${++n}-abcdef`);
    const first = holder.value;
    expect(holder.value).toBe(first);
    expect(holder.value).toBe(first);
    expect(holder.renew()).toBe('key-2-abcdef');
    expect(holder.value).toBe('key-2-abcdef');
  });

  it('fall back to random hex without crypto.randomUUID', () => {
    const original = globalThis.crypto.randomUUID;
    try {
      Object.defineProperty(globalThis.crypto, 'randomUUID', { value: undefined, configurable: true });
      const key = newIdempotencyKey();
      expect(key).toMatch(/^[0-9a-f]{32}$/);
    } finally {
      Object.defineProperty(globalThis.crypto, 'randomUUID', { value: original, configurable: true });
    }
  });
});
