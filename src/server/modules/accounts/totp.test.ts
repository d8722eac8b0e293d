import { Secret, TOTP } from 'otpauth';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifyAuditChain } from '../../platform/audit/audit';
import { MINUTE } from '../../platform/clock';
import { makeEnterpriseUser, makeStaff } from '../../test/factories';
import { createTestApp, login, sessionCookie, type TestApp } from '../../test/support';
import {
  checkTotpCode,
  groupSecret,
  hashRecoveryCode,
  newRecoveryCodes,
  newTotpSecret,
  normaliseRecoveryCode,
  timeStep,
  totpCodeAt,
  totpUri,
} from './totp';

// ——— the pure rules ———

// RFC 6238 appendix B: the ASCII secret "12345678901234567890", SHA-1; our codes are the last 6 of the 8 digits.
const RFC_SECRET = 'GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ';

describe('TOTP rules', () => {
  it.each([
    [59, '287082'],
    [1111111109, '081804'],
    [1111111111, '050471'],
    [1234567890, '005924'],
    [2000000000, '279037'],
  ])('gives the RFC 6238 code at T=%i', (seconds, code) => {
    expect(totpCodeAt(RFC_SECRET, timeStep(new Date(seconds * 1000)))).toBe(code);
  });

  const at = new Date('2026-03-10T02:00:10.000Z');
  const now = timeStep(at);
  const secret = newTotpSecret();

  it.each([
    [-1, true],
    [0, true],
    [1, true],
    [-2, false],
    [2, false],
  ])('accepts one step of clock drift either side (offset %i → %s)', (offset, ok) => {
    const r = checkTotpCode(secret, totpCodeAt(secret, now + offset), at, null);
    expect(r.ok).toBe(ok);
    if (r.ok) expect(r.step).toBe(now + offset);
  });

  it('refuses a code of the last accepted step or an earlier one (replay)', () => {
    const code = totpCodeAt(secret, now);
    expect(checkTotpCode(secret, code, at, now)).toEqual({ ok: false, reason: 'replayed' });
    expect(checkTotpCode(secret, code, at, now + 1)).toEqual({ ok: false, reason: 'replayed' });
    expect(checkTotpCode(secret, code, at, now - 1)).toEqual({ ok: true, step: now });
    // The previous step's code is no good either once the current one was used.
    expect(checkTotpCode(secret, totpCodeAt(secret, now - 1), at, now)).toEqual({
      ok: false,
      reason: 'replayed',
    });
    // The next step's code still is.
    expect(checkTotpCode(secret, totpCodeAt(secret, now + 1), at, now)).toEqual({ ok: true, step: now + 1 });
  });

  it.each(['', '12345', '1234567', 'abcdef', '12 456'])('refuses the malformed code %j', (code) => {
    expect(checkTotpCode(secret, code, at, null)).toEqual({ ok: false, reason: 'mismatch' });
  });

  it('agrees with an independent implementation (what an authenticator app computes)', () => {
    const app = new TOTP({ secret: Secret.fromBase32(secret) });
    expect(checkTotpCode(secret, app.generate({ timestamp: at.getTime() }), at, null).ok).toBe(true);
    const uri = new URL(totpUri(secret, 'zhang.san'));
    expect(uri.protocol).toBe('otpauth:');
    expect(uri.searchParams.get('secret')).toBe(secret);
    expect(uri.searchParams.get('issuer')).toBe('企服');
    expect(uri.searchParams.get('digits')).toBe('6');
    expect(uri.searchParams.get('period')).toBe('30');
    expect(groupSecret('ABCDEFGHIJ')).toBe('ABCD EFGH IJ');
    expect(secret).toMatch(/^[A-Z2-7]{32}$/);
  });

  it('issues distinct recovery codes and reads them however they are typed', () => {
    const codes = newRecoveryCodes();
    expect(codes).toHaveLength(10);
    expect(new Set(codes).size).toBe(10);
    for (const c of codes) expect(c).toMatch(/^[a-z2-9]{4}-[a-z2-9]{4}-[a-z2-9]{4}$/);
    const c = codes[0]!;
    expect(normaliseRecoveryCode(c.toUpperCase().replaceAll('-', ' '))).toBe(c.replaceAll('-', ''));
    expect(normaliseRecoveryCode('abcd-efgh-jkm')).toBeNull();
    expect(normaliseRecoveryCode('abcd-efgh-jkm0')).toBeNull(); // 0 is not in the alphabet
    expect(hashRecoveryCode('u1', c)).toBe(hashRecoveryCode('u1', c.toUpperCase()));
    expect(hashRecoveryCode('u1', c)).not.toBe(hashRecoveryCode('u2', c));
  });
});

// ——— through the API, on SQLite or PostgreSQL ———

let t: TestApp;
beforeAll(async () => {
  // Dozens of logins from one address within one (fixed) minute: the per-IP login limit is not under test here.
  // With a secret key, as production should run: every test below goes through sealed TOTP keys.
  t = await createTestApp({ env: { QIFU_LOGIN_RATE_PER_MINUTE: '10000', QIFU_SECRET_KEY: 'a'.repeat(64) } });
});
afterAll(async () => {
  await t.close();
});

const send = (method: 'GET' | 'POST' | 'DELETE', url: string, payload?: unknown, cookie?: string) =>
  t.app.inject({
    method,
    url: `/api/v1${url}`,
    ...(payload !== undefined ? { payload: payload as object } : {}),
    headers: cookie ? { cookie } : {},
  });
const post = (url: string, payload: unknown, cookie?: string) => send('POST', url, payload, cookie);
const get = (url: string, cookie?: string) => send('GET', url, undefined, cookie);

/** What the user's authenticator app shows now (or `offset` steps away), computed independently with otpauth. */
function appCode(secret: string, offset = 0): string {
  return new TOTP({ secret: Secret.fromBase32(secret) }).generate({
    timestamp: t.clock.now().getTime() + offset * 30_000,
  });
}
/** The next time step: a code may be used once, so each use in a test moves the clock on. */
const nextStep = () => t.clock.advance(30_000);

async function enrol(cookie: string, password: string): Promise<{ secret: string; recoveryCodes: string[] }> {
  const start = await post('/auth/totp/enrolment', { password }, cookie);
  expect(start.statusCode).toBe(201);
  const secret = start.json().secret.replaceAll(' ', '');
  const confirm = await post('/auth/totp/enrolment/confirm', { code: appCode(secret) }, cookie);
  expect(confirm.statusCode).toBe(200);
  nextStep();
  return { secret, recoveryCodes: confirm.json().recoveryCodes };
}

async function staffWithFactor(roles: Parameters<typeof makeStaff>[1] = ['handler']) {
  const staff = await makeStaff(t.database, roles);
  const cookie = await login(t.app, staff.username, staff.password);
  const factor = await enrol(cookie, staff.password);
  return { ...staff, cookie, ...factor };
}

async function challengeFor(account: string, password: string): Promise<string> {
  const res = await post('/auth/login', { account, password });
  expect(res.statusCode).toBe(202);
  return res.json().challenge;
}

const count = async (table: 'sessions' | 'loginAttempts' | 'loginChallenges', userId: string) =>
  Number(
    (
      await t.database.db
        .selectFrom(table)
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .where('userId', '=', userId)
        .executeTakeFirstOrThrow()
    ).n,
  );
const failures = (userId: string) =>
  t.database.db
    .selectFrom('loginAttempts')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('userId', '=', userId)
    .where('success', '=', 0)
    .executeTakeFirstOrThrow()
    .then((r) => Number(r.n));
const auditActions = async (userId: string) =>
  (
    await t.database.db
      .selectFrom('auditLog')
      .select(['action', 'result'])
      .where('objectId', '=', userId)
      .orderBy('seq')
      .execute()
  ).map((r) => `${r.action}:${r.result}`);

describe('enrolment', () => {
  it('enrols a staff user: password, pending secret as QR + text, confirmed by a first code, recovery codes once', async () => {
    const staff = await makeStaff(t.database, ['dispatcher']);
    const cookie = await login(t.app, staff.username, staff.password);
    expect((await get('/auth/totp', cookie)).json()).toEqual({
      enabled: false,
      enabledAt: null,
      recoveryCodesRemaining: 0,
    });

    const wrongPassword = await post('/auth/totp/enrolment', { password: 'Not#thePassword1' }, cookie);
    expect(wrongPassword.statusCode).toBe(401);
    expect(wrongPassword.json().error).toMatchObject({ code: 'INVALID_CREDENTIALS' });
    expect(
      await t.database.db.selectFrom('userTotp').selectAll().where('userId', '=', staff.id).execute(),
    ).toEqual([]);

    const start = await post('/auth/totp/enrolment', { password: staff.password }, cookie);
    expect(start.statusCode).toBe(201);
    const body = start.json();
    expect(body.secret).toMatch(/^([A-Z2-7]{4} ){7}[A-Z2-7]{4}$/);
    const secret = body.secret.replaceAll(' ', '');
    // Stored sealed under QIFU_SECRET_KEY, not as the key the app was shown.
    const sealed = await t.database.db
      .selectFrom('userTotp')
      .select('secret')
      .where('userId', '=', staff.id)
      .executeTakeFirstOrThrow();
    expect(sealed.secret).toMatch(/^enc1:/);
    expect(sealed.secret).not.toContain(secret);
    expect(body.qrCode).toMatch(/^data:image\/png;base64,[A-Za-z0-9+/=]{200,}$/);
    const uri = new URL(body.otpauthUri);
    expect(uri.protocol).toBe('otpauth:');
    expect(uri.searchParams.get('secret')).toBe(secret);
    expect(decodeURIComponent(uri.pathname)).toContain(staff.username);
    expect(body.accountName).toBe(staff.username);

    // Pending is not active: the password alone still logs in, and the status says off.
    expect((await get('/auth/totp', cookie)).json().enabled).toBe(false);
    expect(
      (await post('/auth/login', { account: staff.username, password: staff.password })).statusCode,
    ).toBe(200);

    const wrong = await post('/auth/totp/enrolment/confirm', { code: appCode(secret, 3) }, cookie);
    expect(wrong.statusCode).toBe(401);
    expect(wrong.json().error).toMatchObject({ code: 'TOTP_CODE_INCORRECT' });
    expect(wrong.json().error.details.fields[0].field).toBe('code');
    expect((await get('/auth/totp', cookie)).json().enabled).toBe(false);

    const confirm = await post('/auth/totp/enrolment/confirm', { code: appCode(secret) }, cookie);
    expect(confirm.statusCode).toBe(200);
    const { recoveryCodes, enabledAt } = confirm.json();
    expect(enabledAt).toBe(t.clock.now().toISOString());
    expect(recoveryCodes).toHaveLength(10);
    for (const c of recoveryCodes) expect(c).toMatch(/^[a-z2-9]{4}-[a-z2-9]{4}-[a-z2-9]{4}$/);

    const status = await get('/auth/totp', cookie);
    expect(status.json()).toEqual({ enabled: true, enabledAt, recoveryCodesRemaining: 10 });
    // The secret and the codes are never answered again, and the codes are stored as hashes only.
    expect(status.body).not.toContain(secret);
    const stored = await t.database.db
      .selectFrom('userRecoveryCodes')
      .select('codeHash')
      .where('userId', '=', staff.id)
      .execute();
    expect(stored).toHaveLength(10);
    for (const { codeHash } of stored) {
      expect(codeHash).toMatch(/^[0-9a-f]{64}$/);
      expect(recoveryCodes.join()).not.toContain(codeHash);
    }
    const again = await post('/auth/totp/enrolment', { password: staff.password }, cookie);
    expect(again.statusCode).toBe(409);
    expect(again.json().error.code).toBe('TOTP_ALREADY_ENABLED');
    const reconfirm = await post('/auth/totp/enrolment/confirm', { code: appCode(secret, 1) }, cookie);
    expect(reconfirm.json().error.code).toBe('TOTP_ALREADY_ENABLED');

    expect(await auditActions(staff.id)).toEqual(
      expect.arrayContaining([
        'auth.totp.enrol_start:failure',
        'auth.totp.enrol_start:success',
        'auth.totp.enable:failure',
        'auth.totp.enable:success',
      ]),
    );
  });

  it('lets a pending enrolment expire after 15 minutes, and a new start replace the secret', async () => {
    const staff = await makeStaff(t.database, ['handler']);
    const cookie = await login(t.app, staff.username, staff.password);
    const first = (await post('/auth/totp/enrolment', { password: staff.password }, cookie)).json();
    const second = (await post('/auth/totp/enrolment', { password: staff.password }, cookie)).json();
    expect(second.secret).not.toBe(first.secret);
    // The first secret's code no longer confirms anything.
    const stale = await post(
      '/auth/totp/enrolment/confirm',
      { code: appCode(first.secret.replaceAll(' ', '')) },
      cookie,
    );
    expect(stale.json().error.code).toBe('TOTP_CODE_INCORRECT');
    t.clock.advance(16 * MINUTE);
    const late = await post(
      '/auth/totp/enrolment/confirm',
      { code: appCode(second.secret.replaceAll(' ', '')) },
      cookie,
    );
    expect(late.statusCode).toBe(409);
    expect(late.json().error.code).toBe('TOTP_ENROLMENT_EXPIRED');
    expect((await get('/auth/totp', cookie)).json().enabled).toBe(false);
  });

  it('is for staff only: an enterprise user is refused with 403 and nothing is stored', async () => {
    const ent = await makeEnterpriseUser(t.database, '13912349901');
    const cookie = await login(t.app, ent.phone, ent.password);
    for (const res of [
      await get('/auth/totp', cookie),
      await post('/auth/totp/enrolment', { password: ent.password }, cookie),
      await post('/auth/totp/enrolment/confirm', { code: '123456' }, cookie),
      await post('/auth/totp/disable', { password: ent.password, code: '123456' }, cookie),
    ]) {
      expect(res.statusCode).toBe(403);
      expect(res.json().error.code).toBe('FORBIDDEN');
    }
    expect(
      await t.database.db.selectFrom('userTotp').selectAll().where('userId', '=', ent.id).execute(),
    ).toEqual([]);
    // And without a session, 401.
    expect((await get('/auth/totp')).statusCode).toBe(401);
  });
});

describe('login with a second factor', () => {
  it('asks for the code after the password, counts a wrong one, and opens the session on the right one', async () => {
    const staff = await staffWithFactor();
    const sessionsBefore = await count('sessions', staff.id);

    const first = await post('/auth/login', { account: staff.username, password: staff.password });
    expect(first.statusCode).toBe(202);
    expect(first.cookies).toEqual([]);
    const { challenge, expiresAt, secondFactorRequired } = first.json();
    expect(secondFactorRequired).toBe(true);
    expect(new Date(expiresAt).getTime() - t.clock.now().getTime()).toBe(5 * MINUTE);
    expect(await count('sessions', staff.id)).toBe(sessionsBefore);
    // The challenge is in the database (shared by every instance), as a hash.
    const stored = await t.database.db
      .selectFrom('loginChallenges')
      .selectAll()
      .where('userId', '=', staff.id)
      .execute();
    expect(stored).toHaveLength(1);
    expect(stored[0]!.id).not.toBe(challenge);

    const failuresBefore = await failures(staff.id);
    const wrong = await post('/auth/login/second-factor', { challenge, code: appCode(staff.secret, 5) });
    expect(wrong.statusCode).toBe(401);
    expect(wrong.json().error.code).toBe('TOTP_CODE_INCORRECT');
    expect(wrong.cookies).toEqual([]);
    expect(await failures(staff.id)).toBe(failuresBefore + 1);

    const right = await post('/auth/login/second-factor', { challenge, code: appCode(staff.secret) });
    expect(right.statusCode).toBe(200);
    expect(right.json()).toMatchObject({ id: staff.id, kind: 'staff' });
    const cookie = sessionCookie(right);
    expect((await get('/auth/me', cookie)).json().user.id).toBe(staff.id);
    expect(await count('sessions', staff.id)).toBe(sessionsBefore + 1);
    expect(await count('loginChallenges', staff.id)).toBe(0);

    // The challenge was for one login only.
    nextStep();
    const reuse = await post('/auth/login/second-factor', { challenge, code: appCode(staff.secret) });
    expect(reuse.statusCode).toBe(401);
    expect(reuse.json().error.code).toBe('LOGIN_CHALLENGE_INVALID');

    const actions = await auditActions(staff.id);
    expect(actions).toEqual(
      expect.arrayContaining([
        'auth.login.challenge:success',
        'auth.login.second_factor:failure',
        'auth.login.second_factor:success',
      ]),
    );
  });

  it('refuses a code used before, even on a new challenge, and accepts the next one', async () => {
    const staff = await staffWithFactor();
    const code = appCode(staff.secret);
    const ok = await post('/auth/login/second-factor', {
      challenge: await challengeFor(staff.username, staff.password),
      code,
    });
    expect(ok.statusCode).toBe(200);
    const replay = await post('/auth/login/second-factor', {
      challenge: await challengeFor(staff.username, staff.password),
      code,
    });
    expect(replay.statusCode).toBe(401);
    expect(replay.json().error.code).toBe('TOTP_CODE_INCORRECT');
    expect(replay.cookies).toEqual([]);
    const step = (
      await t.database.db
        .selectFrom('userTotp')
        .select('lastUsedStep')
        .where('userId', '=', staff.id)
        .executeTakeFirstOrThrow()
    ).lastUsedStep;
    expect(step).toBe(Math.floor(t.clock.now().getTime() / 30_000));
    // A phone whose clock runs 30 s fast shows the next step's code: accepted once.
    const challenge = await challengeFor(staff.username, staff.password);
    const ahead = await post('/auth/login/second-factor', { challenge, code: appCode(staff.secret, 1) });
    expect(ahead.statusCode).toBe(200);
    // Two steps away is too far.
    const far = await post('/auth/login/second-factor', {
      challenge: await challengeFor(staff.username, staff.password),
      code: appCode(staff.secret, 3),
    });
    expect(far.json().error.code).toBe('TOTP_CODE_INCORRECT');
  });

  it('accepts each recovery code once, however it is typed', async () => {
    const staff = await staffWithFactor();
    const recovery = staff.recoveryCodes[3]!;
    const typed = recovery.toUpperCase().replaceAll('-', ' ');
    const ok = await post('/auth/login/second-factor', {
      challenge: await challengeFor(staff.username, staff.password),
      recoveryCode: typed,
    });
    expect(ok.statusCode).toBe(200);
    const cookie = sessionCookie(ok);
    expect((await get('/auth/totp', cookie)).json().recoveryCodesRemaining).toBe(9);

    const failuresBefore = await failures(staff.id);
    const again = await post('/auth/login/second-factor', {
      challenge: await challengeFor(staff.username, staff.password),
      recoveryCode: recovery,
    });
    expect(again.statusCode).toBe(401);
    expect(again.json().error).toMatchObject({ code: 'TOTP_CODE_INCORRECT' });
    expect(again.json().error.details.fields[0].field).toBe('recoveryCode');
    expect(await failures(staff.id)).toBe(failuresBefore + 1);
    const detail = await t.database.db
      .selectFrom('auditLog')
      .select('details')
      .where('objectId', '=', staff.id)
      .where('action', '=', 'auth.login.second_factor')
      .where('result', '=', 'success')
      .executeTakeFirstOrThrow();
    expect(JSON.parse(detail.details!)).toEqual({ method: 'recovery_code', recoveryCodesRemaining: 9 });
  });

  it('counts wrong codes toward the lock-out with wrong passwords, and drops the challenge when it locks', async () => {
    const staff = await staffWithFactor();
    for (let i = 0; i < 2; i++) {
      const r = await post('/auth/login', { account: staff.username, password: `Wrong#pass${i}` });
      expect(r.json().error.code).toBe('INVALID_CREDENTIALS');
    }
    const challenge = await challengeFor(staff.username, staff.password);
    for (let i = 0; i < 2; i++) {
      const r = await post('/auth/login/second-factor', { challenge, code: appCode(staff.secret, 4 + i) });
      expect(r.json().error.code).toBe('TOTP_CODE_INCORRECT');
    }
    const fifth = await post('/auth/login/second-factor', { challenge, code: appCode(staff.secret, 7) });
    expect(fifth.statusCode).toBe(403);
    expect(fifth.json().error.code).toBe('ACCOUNT_LOCKED');
    expect(fifth.json().error.message).toContain('连续 5 次登录验证失败');
    expect(await count('loginChallenges', staff.id)).toBe(0);
    // The right code on the old challenge, and the right password, are refused while locked.
    const late = await post('/auth/login/second-factor', { challenge, code: appCode(staff.secret) });
    expect(late.json().error.code).toBe('LOGIN_CHALLENGE_INVALID');
    const pw = await post('/auth/login', { account: staff.username, password: staff.password });
    expect(pw.json().error.code).toBe('ACCOUNT_LOCKED');
    expect(await count('sessions', staff.id)).toBe(1); // the enrolment's own session only
    t.clock.advance(16 * MINUTE);
    const after = await post('/auth/login/second-factor', {
      challenge: await challengeFor(staff.username, staff.password),
      code: appCode(staff.secret),
    });
    expect(after.statusCode).toBe(200);
  });

  it('answers bad input with a clear code and changes nothing', async () => {
    const staff = await staffWithFactor();
    const challenge = await challengeFor(staff.username, staff.password);
    const failuresBefore = await failures(staff.id);
    const cases: [unknown, number, string, string][] = [
      [{ challenge, code: '12a456' }, 400, 'TOTP_CODE_MALFORMED', 'code'],
      [{ challenge, code: '12345' }, 400, 'TOTP_CODE_MALFORMED', 'code'],
      [{ challenge, recoveryCode: 'abcd-efgh' }, 400, 'RECOVERY_CODE_MALFORMED', 'recoveryCode'],
      [{ challenge }, 400, 'TOTP_CODE_MALFORMED', 'code'],
      [{ challenge, code: '123456', recoveryCode: 'abcd-efgh-jkmn' }, 400, 'TOTP_CODE_MALFORMED', 'code'],
      [{ challenge, code: '123456', remember: true }, 400, 'UNKNOWN_FIELD', 'remember'],
      [{ code: '123456' }, 400, 'VALIDATION_FAILED', 'challenge'],
    ];
    for (const [body, status, code, field] of cases) {
      const res = await post('/auth/login/second-factor', body);
      expect(res.statusCode, JSON.stringify(body)).toBe(status);
      expect(res.json().error.code, JSON.stringify(body)).toBe(code);
      expect(res.json().error.details.fields.map((f: { field: string }) => f.field)).toContain(field);
      expect(res.json().error.message).toMatch(/[\u4e00-\u9fa5]/);
    }
    expect(await failures(staff.id)).toBe(failuresBefore);
    const row = await t.database.db
      .selectFrom('loginChallenges')
      .select('attempts')
      .where('userId', '=', staff.id)
      .executeTakeFirstOrThrow();
    expect(row.attempts).toBe(0);

    // An unknown and an expired challenge get the same answer, and count against nobody.
    const bogus = await post('/auth/login/second-factor', { challenge: 'no-such-challenge', code: '123456' });
    t.clock.advance(5 * MINUTE);
    const expired = await post('/auth/login/second-factor', { challenge, code: appCode(staff.secret) });
    for (const res of [bogus, expired]) {
      expect(res.statusCode).toBe(401);
      expect(res.json().error).toMatchObject({
        code: 'LOGIN_CHALLENGE_INVALID',
        message: bogus.json().error.message,
      });
      expect(res.cookies).toEqual([]);
    }
    expect(await failures(staff.id)).toBe(failuresBefore);
    expect(await count('sessions', staff.id)).toBe(1);
    const { lastUsedStep } = await t.database.db
      .selectFrom('userTotp')
      .select('lastUsedStep')
      .where('userId', '=', staff.id)
      .executeTakeFirstOrThrow();
    expect(lastUsedStep).toBeLessThan(Math.floor(t.clock.now().getTime() / 30_000));
  });
});

describe('managing the second factor', () => {
  it('regenerates the recovery codes against a current code; the old ones stop working', async () => {
    const staff = await staffWithFactor();
    const wrong = await post('/auth/totp/recovery-codes', { code: appCode(staff.secret, 5) }, staff.cookie);
    expect(wrong.json().error.code).toBe('TOTP_CODE_INCORRECT');
    const malformed = await post('/auth/totp/recovery-codes', { code: 'x' }, staff.cookie);
    expect(malformed.statusCode).toBe(400);
    const res = await post('/auth/totp/recovery-codes', { code: appCode(staff.secret) }, staff.cookie);
    expect(res.statusCode).toBe(200);
    const fresh: string[] = res.json().recoveryCodes;
    expect(fresh).toHaveLength(10);
    expect(fresh.some((c) => staff.recoveryCodes.includes(c))).toBe(false);
    const old = await post('/auth/login/second-factor', {
      challenge: await challengeFor(staff.username, staff.password),
      recoveryCode: staff.recoveryCodes[0],
    });
    expect(old.json().error.code).toBe('TOTP_CODE_INCORRECT');
    const ok = await post('/auth/login/second-factor', {
      challenge: await challengeFor(staff.username, staff.password),
      recoveryCode: fresh[0],
    });
    expect(ok.statusCode).toBe(200);
    expect(await auditActions(staff.id)).toContain('auth.totp.recovery_codes.regenerate:success');
  });

  it('disables with the password and a current code, after which the password alone logs in', async () => {
    const staff = await staffWithFactor(['policy_editor']);
    const missing = await post('/auth/totp/disable', { password: staff.password }, staff.cookie);
    expect(missing.statusCode).toBe(400);
    const wrongPw = await post(
      '/auth/totp/disable',
      { password: 'Wrong#pass9', code: appCode(staff.secret) },
      staff.cookie,
    );
    expect(wrongPw.statusCode).toBe(401);
    expect(wrongPw.json().error.details.fields[0].field).toBe('password');
    const wrongCode = await post(
      '/auth/totp/disable',
      { password: staff.password, code: appCode(staff.secret, -3) },
      staff.cookie,
    );
    expect(wrongCode.json().error.code).toBe('TOTP_CODE_INCORRECT');
    expect((await get('/auth/totp', staff.cookie)).json().enabled).toBe(true);

    const off = await post(
      '/auth/totp/disable',
      { password: staff.password, code: appCode(staff.secret) },
      staff.cookie,
    );
    expect(off.statusCode).toBe(200);
    expect((await get('/auth/totp', staff.cookie)).json()).toEqual({
      enabled: false,
      enabledAt: null,
      recoveryCodesRemaining: 0,
    });
    expect(
      await t.database.db
        .selectFrom('userRecoveryCodes')
        .select('id')
        .where('userId', '=', staff.id)
        .execute(),
    ).toEqual([]);
    const pw = await post('/auth/login', { account: staff.username, password: staff.password });
    expect(pw.statusCode).toBe(200);
    expect(await auditActions(staff.id)).toEqual(
      expect.arrayContaining(['auth.totp.disable:failure', 'auth.totp.disable:success']),
    );
    const again = await post(
      '/auth/totp/disable',
      { password: staff.password, code: appCode(staff.secret, 1) },
      staff.cookie,
    );
    expect(again.statusCode).toBe(409);
    expect(again.json().error.code).toBe('TOTP_NOT_ENABLED');
  });

  it('disables with a recovery code when the phone is gone', async () => {
    const staff = await staffWithFactor();
    const off = await post(
      '/auth/totp/disable',
      { password: staff.password, recoveryCode: staff.recoveryCodes[9] },
      staff.cookie,
    );
    expect(off.statusCode).toBe(200);
    expect((await get('/auth/totp', staff.cookie)).json().enabled).toBe(false);
  });

  it('lets the administrator reset a user’s second factor, ending the user’s sessions, audited', async () => {
    const staff = await staffWithFactor(['leader']);
    const admin = await makeStaff(t.database, ['admin']);
    const adminCookie = await login(t.app, admin.username, admin.password);
    const listed = async () =>
      (await get(`/admin/users?search=${staff.username}`, adminCookie)).json().items[0].totpEnabled;
    expect(await listed()).toBe(true);

    // Only the administrator, and only for a user who has one.
    const byLeader = await send('DELETE', `/admin/users/${staff.id}/totp`, undefined, staff.cookie);
    expect(byLeader.statusCode).toBe(403);
    expect((await send('DELETE', '/admin/users/nobody/totp', undefined, adminCookie)).statusCode).toBe(404);
    const plain = await makeStaff(t.database, ['handler']);
    const none = await send('DELETE', `/admin/users/${plain.id}/totp`, undefined, adminCookie);
    expect(none.statusCode).toBe(409);
    expect(none.json().error.code).toBe('TOTP_NOT_ENABLED');
    const self = await send('DELETE', `/admin/users/${admin.id}/totp`, undefined, adminCookie);
    expect(self.statusCode).toBe(409);

    const reset = await send('DELETE', `/admin/users/${staff.id}/totp`, undefined, adminCookie);
    expect(reset.statusCode).toBe(200);
    expect(await listed()).toBe(false);
    expect((await get('/auth/me', staff.cookie)).json().user).toBeNull();
    const pw = await post('/auth/login', { account: staff.username, password: staff.password });
    expect(pw.statusCode).toBe(200);
    const record = await t.database.db
      .selectFrom('auditLog')
      .select(['actorId', 'result'])
      .where('action', '=', 'user.totp.reset')
      .where('objectId', '=', staff.id)
      .executeTakeFirstOrThrow();
    expect(record).toEqual({ actorId: admin.id, result: 'success' });
  });

  it('keeps the audit chain intact through all of it', async () => {
    expect(await verifyAuditChain(t.database.db)).toMatchObject({ ok: true });
  });
});
