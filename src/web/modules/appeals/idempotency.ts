import { useState } from 'react';

/** The server accepts 8–64 characters of [A-Za-z0-9_-]. */
export const IDEMPOTENCY_KEY_PATTERN = /^[A-Za-z0-9_-]{8,64}$/;

/** A fresh key: a UUID where the browser has crypto.randomUUID (secure contexts), random hex otherwise. */
export function newIdempotencyKey(): string {
  const c = globalThis.crypto;
  if (c && typeof c.randomUUID === 'function') return c.randomUUID();
  const bytes = new Uint8Array(16);
  if (c && typeof c.getRandomValues === 'function') c.getRandomValues(bytes);
  else for (let i = 0; i < bytes.length; i++) bytes[i] = Math.floor(Math.random() * 256);
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}

/** One key for the life of a form: every retry or double click sends the same one; `renew` after a success. */
export class IdempotencyKey {
  private key: string;
  constructor(private readonly make: () => string = newIdempotencyKey) {
    this.key = make();
  }
  get value(): string {
    return this.key;
  }
  renew(): string {
    this.key = this.make();
    return this.key;
  }
}

/** The form instance's key holder, created once per mount. */
export function useIdempotencyKey(): IdempotencyKey {
  const [holder] = useState(() => new IdempotencyKey());
  return holder;
}
