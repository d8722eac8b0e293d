import { Secret, TOTP } from 'otpauth';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import {
  chooseFromAccountMenu,
  fullPageShot,
  journeyFixture,
  loginThroughForm,
  logoutThroughMenu,
  submitLogin,
  watchPage,
} from './support';

/**
 * Two-step verification as a staff member walks it: turn it on from the account menu (scan — here: read the key
 * and compute the code as the phone would), keep the recovery codes, log out, and log in with password + code;
 * then once more with a recovery code instead of the phone.
 */
const journey = journeyFixture();

const ACCOUNT = 'handler';
const PASSWORD = 'Qifu@Handle2026';
/** What the authenticator app shows for this key right now. */
const appCode = (secret: string) => new TOTP({ secret: Secret.fromBase32(secret) }).generate();
const stepNow = () => Math.floor(Date.now() / 30_000);

const passwordStep = (page: Page) => submitLogin(page, journey.server.baseUrl, ACCOUNT, PASSWORD);

describe('two-step verification journey', () => {
  it('enrols from the account menu, then logs in with password + code, and with a recovery code', async () => {
    const ctx = await journey.browser.newContext({ viewport: { width: 1280, height: 900 } });
    const page = await ctx.newPage();
    const watch = watchPage(page);

    // 1. A staff member logs in with the password alone and opens 两步验证 beside 修改密码 in the account menu.
    await passwordStep(page);
    await page.waitForURL('**/workbench**');
    await chooseFromAccountMenu(page, '两步验证');
    await page.waitForURL('**/account/two-factor');
    await page.getByText('未启用').waitFor();

    // 2. Password again, then the QR code and the key; the "phone" computes the code from the key.
    await page.getByLabel('当前密码').fill(PASSWORD);
    await page.getByRole('button', { name: /下一步/ }).click();
    const qr = page.getByRole('img', { name: '用身份验证器扫描此二维码' });
    await qr.waitFor();
    expect(await qr.getAttribute('src')).toMatch(/^data:image\/png;base64,/);
    const secret = ((await page.getByTestId('totp-secret').textContent()) ?? '').replace(/\s/g, '');
    expect(secret).toMatch(/^[A-Z2-7]{32}$/);
    await fullPageShot(page, 'totp-enrol');
    await page.getByLabel('动态码', { exact: true }).fill(appCode(secret));
    const confirmStep = stepNow();
    await page.getByRole('button', { name: '确认启用' }).click();

    // 3. The recovery codes, shown once.
    await page.getByText('请保存恢复码').waitFor();
    const codes = await page.getByRole('list', { name: '恢复码' }).getByRole('listitem').allInnerTexts();
    expect(codes).toHaveLength(10);
    await fullPageShot(page, 'totp-recovery-codes');
    await page.getByRole('button', { name: '我已保存恢复码' }).click();
    await page.getByText('已启用', { exact: true }).waitFor();
    await page.getByText('10 个').waitFor();
    await fullPageShot(page, 'totp-enabled');

    // 4. Log out; the password now leads to the code step, and a wrong code is refused there.
    await logoutThroughMenu(page);
    await passwordStep(page);
    await page.getByText('请输入身份验证器中的 6 位动态码').waitFor();
    expect(new URL(page.url()).pathname).toBe('/login');
    await fullPageShot(page, 'totp-login-step');
    const wrong = appCode(secret) === '000000' ? '111111' : '000000';
    await page.getByLabel('动态码', { exact: true }).fill(wrong);
    await page.getByRole('button', { name: '验证并登录' }).click();
    await page.getByText('动态码不正确或已使用过', { exact: false }).first().waitFor();

    // A code may be used once: wait for the step after the one the confirmation used.
    while (stepNow() <= confirmStep) await page.waitForTimeout(500);
    await page.getByLabel('动态码', { exact: true }).fill(appCode(secret));
    await page.getByRole('button', { name: '验证并登录' }).click();
    await page.waitForURL('**/workbench**');
    await page.getByRole('button', { name: /账号菜单/ }).waitFor();

    // 5. Without the phone: a recovery code instead, once.
    await logoutThroughMenu(page);
    await passwordStep(page);
    await page.getByRole('button', { name: '无法使用身份验证器？使用恢复码' }).click();
    await page.getByLabel('恢复码').fill(codes[0]!.toUpperCase());
    await page.getByRole('button', { name: '验证并登录' }).click();
    await page.waitForURL('**/workbench**');
    await page.goto(`${journey.server.baseUrl}/account/two-factor`);
    await page.getByText('9 个').waitFor();

    // Chromium logs the refused code's 401 as a failed resource; nothing else may appear.
    expect(watch.errors.filter((e) => !/Failed to load resource/.test(e))).toEqual([]);

    // 6. The phone is lost for good: the administrator resets the second factor from 用户管理.
    const adminCtx = await journey.browser.newContext({ viewport: { width: 1280, height: 900 } });
    const admin = await adminCtx.newPage();
    await loginThroughForm(admin, journey.server.baseUrl, 'admin', 'Qifu@Admin2026');
    await admin.waitForURL('**/workbench**');
    await admin.goto(`${journey.server.baseUrl}/workbench/users`);
    await admin.getByPlaceholder('姓名、用户名或手机号').fill(ACCOUNT);
    await admin.getByPlaceholder('姓名、用户名或手机号').press('Enter');
    const row = admin.getByRole('row', { name: new RegExp(`\\b${ACCOUNT}\\b`) });
    await row.getByText('两步验证', { exact: true }).waitFor();
    await row.getByRole('button', { name: '重置两步验证' }).click();
    const confirm = admin.getByRole('tooltip').getByRole('button', { name: '重置两步验证' });
    await confirm.waitFor();
    await admin.waitForTimeout(300); // the pop-over's opening animation, for the screenshot
    await fullPageShot(admin, 'totp-admin-reset');
    await confirm.click();
    await admin.getByText(/已重置 .+ 的两步验证/).waitFor();
    await adminCtx.close();

    // The user's session ended with the reset; the password alone logs in again.
    await page.goto(`${journey.server.baseUrl}/account/two-factor`);
    await page.waitForURL('**/login**');
    await passwordStep(page);
    await page.waitForURL('**/workbench**');
    await page.goto(`${journey.server.baseUrl}/account/two-factor`);
    await page.getByText('未启用').waitFor();
    await ctx.close();
  });
});
