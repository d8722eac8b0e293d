import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeStaff } from '../../test/factories';
import { createTestApp, login, type TestApp } from '../../test/support';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => {
  await t.close();
});

const get = (url: string) => t.app.inject({ method: 'GET', url: `/api/v1/calendar${url}` });

describe('working-day endpoints (SPEC §3)', () => {
  it.each([
    ['2025-01-24', 1, '2025-01-26'], // Friday → Sunday make-up day before the Spring Festival
    ['2025-01-27', 1, '2025-02-05'], // across the 2025 Spring Festival
    ['2025-09-30', 1, '2025-10-09'], // across National Day + Mid-Autumn 2025
    ['2026-02-13', 1, '2026-02-14'], // Saturday make-up day 2026
    ['2026-02-14', 1, '2026-02-24'],
    ['2025-12-31', 1, '2026-01-04'], // New Year 2026 with its Sunday make-up day
    ['2026-09-30', 3, '2026-10-10'], // 10-1..10-7 off; 10-8 (Thu), 10-9 (Fri), 10-10 (make-up Saturday)
    ['2026-09-30', 4, '2026-10-12'], // 10-11 is an ordinary Sunday
  ])('add-workdays from %s + %i → %s', async (from, days, expected) => {
    const res = await get(`/add-workdays?from=${from}&days=${days}`);
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ date: expected });
  });

  it.each([
    ['2025-01-26', true],
    ['2025-01-28', false],
    ['2026-02-28', true],
    ['2026-10-07', false],
    ['2026-11-26', true],
    ['2026-11-28', false],
  ])('is-workday %s → %s', async (date, workday) => {
    const res = await get(`/is-workday?date=${date}`);
    expect(res.json()).toEqual({ date, workday });
  });

  it.each([
    ['/add-workdays?from=2025-02-29&days=1', 'INVALID_DATE'],
    ['/add-workdays?from=2025-13-01&days=1', 'INVALID_DATE'],
    ['/add-workdays?from=2025/01/01&days=1', 'INVALID_DATE'],
    ['/add-workdays?from=2025-01-01&days=0', 'VALIDATION_FAILED'],
    ['/add-workdays?from=2025-01-01&days=1.5', 'VALIDATION_FAILED'],
    ['/add-workdays?from=2025-01-01&days=abc', 'VALIDATION_FAILED'],
    ['/add-workdays?from=2025-01-01', 'VALIDATION_FAILED'],
    ['/is-workday?date=2026-02-30', 'INVALID_DATE'],
  ])('refuses %s with %s', async (url, code) => {
    const res = await get(url);
    expect(res.statusCode).toBe(400);
    expect(res.json().error.code).toBe(code);
    expect(res.body).not.toContain('    at ');
  });
});

describe('admins add a year', () => {
  const year2027 = {
    year: 2027,
    source: '国务院办公厅关于2027年部分节假日安排的通知（测试数据）',
    holidays: [
      { date: '2027-01-01', name: '元旦' },
      { date: '2027-02-05', name: '春节' },
    ],
    makeupWorkdays: [{ date: '2027-02-13', name: '春节' }],
  };

  it('only the admin may add, bad data is refused with reasons, and the new year is used at once', async () => {
    const admin = await makeStaff(t.database, ['admin']);
    const leader = await makeStaff(t.database, ['leader']);
    const adminCookie = await login(t.app, admin.username, admin.password);
    const leaderCookie = await login(t.app, leader.username, leader.password);
    const post = (body: unknown, cookie: string) =>
      t.app.inject({
        method: 'POST',
        url: '/api/v1/calendar/years',
        payload: body as object,
        headers: { cookie },
      });

    expect((await post(year2027, leaderCookie)).statusCode).toBe(403);
    const weekday = await post(
      { ...year2027, makeupWorkdays: [{ date: '2027-02-10', name: '春节' }] },
      adminCookie,
    );
    expect(weekday.statusCode).toBe(400);
    expect(weekday.json().error.code).toBe('INVALID_CALENDAR');
    const outside = await post(
      { ...year2027, holidays: [{ date: '2026-12-31', name: '元旦' }] },
      adminCookie,
    );
    expect(outside.json().error.code).toBe('INVALID_CALENDAR');
    const badDate = await post(
      { ...year2027, holidays: [{ date: '2027-02-29', name: '春节' }] },
      adminCookie,
    );
    expect(badDate.json().error.code).toBe('INVALID_DATE');
    expect((await get('/is-workday?date=2027-02-05')).json().workday).toBe(true);

    const ok = await post(year2027, adminCookie);
    expect(ok.statusCode).toBe(201);
    expect((await get('/is-workday?date=2027-02-05')).json().workday).toBe(false);
    expect((await get('/is-workday?date=2027-02-13')).json().workday).toBe(true);
    const dup = await post(year2027, adminCookie);
    expect(dup.statusCode).toBe(409);
    expect(dup.json().error.code).toBe('CALENDAR_YEAR_EXISTS');
    const years = (await get('/years')).json().items.map((y: { year: number }) => y.year);
    expect(years).toEqual([2024, 2025, 2026, 2027]);
  });
});
