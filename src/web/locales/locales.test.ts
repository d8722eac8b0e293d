import { describe, expect, it } from 'vitest';
import { ERRORS, type ErrorCode } from '../../shared/errors';
import { en } from './en';
import { zhCN } from './zh-CN';

type Leaf = { path: string; value: unknown };

function leaves(obj: unknown, path = ''): Leaf[] {
  if (obj && typeof obj === 'object') {
    return Object.entries(obj as Record<string, unknown>).flatMap(([k, v]) =>
      leaves(v, path ? `${path}.${k}` : k),
    );
  }
  return [{ path, value: obj }];
}

/** Calls every message function with plausible arguments so its text can be checked too. */
function render(value: unknown, sample = '测试'): string | boolean | undefined {
  if (typeof value === 'function') return String((value as (...a: unknown[]) => unknown)(sample, 3, 5));
  return value as string | boolean | undefined;
}

// Words that may legitimately appear inside Chinese copy: the language switch, formats, product names.
const ALLOWED_LATIN = new Set([
  'English',
  'YYYY',
  'MM',
  'DD',
  'Chrome',
  'Edge',
  'Firefox',
  'Abc',
  'Apache',
  'RSS',
  'Atom',
  'Excel',
  'GB',
  'IP',
  'ID',
  'auth',
  'login',
  'Switch',
  'to',
]);

describe('locales', () => {
  const zh = leaves(zhCN);
  const english = leaves(en);

  it('have the same keys (the errors.byCode translations excepted)', () => {
    const keysOf = (ls: Leaf[]) => ls.map((l) => l.path).filter((p) => !p.startsWith('errors.byCode'));
    expect(keysOf(english)).toEqual(keysOf(zh));
  });

  it('have no empty message', () => {
    for (const l of [...zh, ...english]) {
      const v = render(l.value);
      if (typeof v === 'string') expect(v.trim(), l.path).not.toBe('');
    }
  });

  it('keep English words out of the Chinese copy', () => {
    const offenders: string[] = [];
    for (const l of zh) {
      if (l.path.startsWith('audit.actions') || l.path === 'header.otherLanguage') continue;
      const v = render(l.value);
      if (typeof v !== 'string') continue;
      for (const word of v.match(/[A-Za-z]{2,}/g) ?? []) {
        if (!ALLOWED_LATIN.has(word)) offenders.push(`${l.path}: ${word}`);
      }
    }
    expect(offenders).toEqual([]);
  });

  it('write the English copy in English', () => {
    const offenders = english
      .filter((l) => !['app.emblem', 'header.otherLanguage', 'header.switchLanguage'].includes(l.path))
      .filter((l) => /[\u4e00-\u9fff]/.test(String(render(l.value, 'Acme'))))
      .map((l) => l.path);
    expect(offenders).toEqual([]);
  });

  // The English UI shows `errors.byCode[code]` instead of the server's Chinese message (app/errors.ts): a code
  // without English would reach an English user in Chinese.
  it('translate every error code of the catalogue into English', () => {
    const byCode: Partial<Record<string, string>> = en.errors.byCode;
    const missing = (Object.keys(ERRORS) as ErrorCode[]).filter((code) => !byCode[code]?.trim());
    const unknown = Object.keys(byCode).filter((code) => !(code in ERRORS));
    expect({ missing, unknown }).toEqual({ missing: [], unknown: [] });
  });
});
