import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';

/**
 * Secrets the server must read back in clear (a TOTP key, to compute the expected code) are sealed with AES-256-GCM
 * under a key that lives outside the database (`QIFU_SECRET_KEY`), so a copy of the database or of a backup does
 * not hand them out. Sealed values read `enc1:` + base64(iv ‖ tag ‖ ciphertext); the tag also detects a changed
 * value. Without a key, values are stored as they are (development, and deployments that have not set one yet);
 * a value stored that way stays readable after a key is set, and is sealed when next written.
 */
const PREFIX = 'enc1:';
const IV_BYTES = 12;
const TAG_BYTES = 16;

export class SecretBoxError extends Error {}

export class SecretBox {
  constructor(private readonly key: Buffer | null) {
    if (key && key.length !== 32) throw new TypeError('the secret key must be 32 bytes');
  }

  /** Whether values are sealed (a key is configured). */
  get sealing(): boolean {
    return this.key !== null;
  }

  seal(plain: string): string {
    if (!this.key) return plain;
    const iv = randomBytes(IV_BYTES);
    const cipher = createCipheriv('aes-256-gcm', this.key, iv);
    const body = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
    return PREFIX + Buffer.concat([iv, cipher.getAuthTag(), body]).toString('base64');
  }

  /** The clear value; a sealed one needs the key it was sealed with (SecretBoxError otherwise). */
  open(stored: string): string {
    if (!stored.startsWith(PREFIX)) return stored;
    if (!this.key) throw new SecretBoxError('a sealed secret was read, but QIFU_SECRET_KEY is not set');
    const raw = Buffer.from(stored.slice(PREFIX.length), 'base64');
    if (raw.length < IV_BYTES + TAG_BYTES) throw new SecretBoxError('a sealed secret is truncated');
    const decipher = createDecipheriv('aes-256-gcm', this.key, raw.subarray(0, IV_BYTES));
    decipher.setAuthTag(raw.subarray(IV_BYTES, IV_BYTES + TAG_BYTES));
    try {
      return Buffer.concat([decipher.update(raw.subarray(IV_BYTES + TAG_BYTES)), decipher.final()]).toString(
        'utf8',
      );
    } catch {
      throw new SecretBoxError(
        'a sealed secret does not open with QIFU_SECRET_KEY (another key, or changed)',
      );
    }
  }
}

/** `QIFU_SECRET_KEY`: 32 bytes as 64 hex digits or as base64 (`openssl rand -base64 32`); null when unset. */
export function parseSecretKey(value: string | undefined): Buffer | null {
  if (value === undefined || value === '') return null;
  if (/^[0-9a-fA-F]{64}$/.test(value)) return Buffer.from(value, 'hex');
  if (/^[A-Za-z0-9+/]{43}=?$/.test(value)) {
    const key = Buffer.from(value, 'base64');
    if (key.length === 32) return key;
  }
  throw new TypeError(
    'must be 32 bytes: 64 hex digits, or base64 such as the output of `openssl rand -base64 32`',
  );
}
