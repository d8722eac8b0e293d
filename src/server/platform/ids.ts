import { randomBytes } from 'node:crypto';

const ALPHABET = '0123456789abcdefghjkmnpqrstvwxyz';

/**
 * Identifiers: 10 characters of millisecond time (so keys insert in order) + 12 random characters.
 * Not guessable, so an id seen in one place says nothing about its neighbours.
 */
export function newId(now = Date.now()): string {
  let t = now;
  let time = '';
  for (let i = 0; i < 10; i++) {
    time = ALPHABET[t % 32] + time;
    t = Math.floor(t / 32);
  }
  const bytes = randomBytes(12);
  let rand = '';
  for (const b of bytes) rand += ALPHABET[b % 32];
  return time + rand;
}

/** A URL-safe secret token (session cookies). */
export function newToken(): string {
  return randomBytes(32).toString('base64url');
}
