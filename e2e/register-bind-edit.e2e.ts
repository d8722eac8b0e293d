import { describe, expect, it } from 'vitest';
import { makeUscc } from '../src/shared/uscc';
import { journeyFixture, logoutThroughMenu, screenshotPath, submitLogin, watchPage } from './support';

/**
 * The foundation journey a real enterprise user walks: register with an SMS code, ask to bind a company, have
 * the binding confirmed by staff, log in again, edit the profile, reload, and see the change kept.
 */
const journey = journeyFixture();

const PHONE = '13955550123';
const PASSWORD = 'Haiyun#2026';
// A fresh company: division code of the district, organisation code unique to this run.
const USCC = makeUscc(`91370202MA${String(Date.now()).slice(-7)}`);
const COMPANY = '青岛浮山湾海洋科技有限公司';

async function expectNoConsoleErrors(errors: string[]) {
  // Chromium logs every 4xx a page asks for; the journey below triggers none on purpose.
  expect(errors.filter((e) => !/Failed to load resource/.test(e))).toEqual([]);
}

describe('enterprise user journey', () => {
  it('registers, binds, is confirmed, edits the profile and sees the change after reload', async () => {
    // 1. A visitor registers.
    const ctx = await journey.browser.newContext({ viewport: { width: 1280, height: 900 } });
    const page = await ctx.newPage();
    const watch = watchPage(page);
    await page.goto(journey.server.baseUrl);
    await page.getByRole('heading', { name: '企业服务智慧平台' }).waitFor();
    await page.getByRole('link', { name: '企业注册' }).first().click();
    await page.waitForURL('**/register');
    await page.getByLabel('手机号').fill(PHONE);
    await page.getByRole('button', { name: '获取验证码' }).click();
    let code: string | null = null;
    // The code reaches the in-memory SMS channel when the request is answered: poll for it (15 s at most).
    for (let i = 0; i < 150 && !code; i++) {
      await page.waitForTimeout(100);
      code = journey.server.smsCodeFor(PHONE);
    }
    expect(code).toMatch(/^\d{6}$/);
    await page.getByLabel('短信验证码').fill(code!);
    await page.getByLabel('设置密码').fill(PASSWORD);
    await page.getByLabel('确认密码').fill(PASSWORD);
    await page.getByLabel('姓名').fill('刘海云');
    await page.getByRole('button', { name: '注册', exact: true }).click();

    // 2. Registered and logged in: the enterprise center asks to bind a company.
    await page.waitForURL('**/enterprise**');
    await page.getByLabel('统一社会信用代码').fill(USCC);
    await page.getByLabel('企业名称').fill(COMPANY);
    await page.getByRole('button', { name: '提交绑定申请' }).click();
    await page.getByText('待确认').first().waitFor();
    await page.screenshot({ path: screenshotPath('journey-1-pending') });
    await expectNoConsoleErrors(watch.errors);

    // 3. The administrator confirms the binding in the workbench.
    const staffCtx = await journey.browser.newContext({ viewport: { width: 1280, height: 900 } });
    const staffPage = await staffCtx.newPage();
    const staffWatch = watchPage(staffPage);
    await submitLogin(staffPage, journey.server.baseUrl, 'admin', 'Qifu@Admin2026');
    await staffPage.waitForURL('**/workbench**');
    await staffPage.goto(`${journey.server.baseUrl}/workbench/bindings`);
    const row = staffPage.getByRole('row', { name: new RegExp(COMPANY) });
    await row.getByRole('button', { name: '确认' }).click();
    await staffPage.getByRole('tooltip').getByRole('button', { name: '确认' }).click();
    await staffPage.getByText(/已确认 刘海云/).waitFor();
    await staffPage.screenshot({ path: screenshotPath('journey-2-confirmed') });
    await expectNoConsoleErrors(staffWatch.errors);
    await staffCtx.close();

    // 4. The user logs out and in again through the form, and sees the company profile.
    // Wait for the logout to be answered: with the session still alive, /login sends a logged-in user onwards.
    await logoutThroughMenu(page);
    await submitLogin(page, journey.server.baseUrl, PHONE, PASSWORD);
    await page.waitForURL((u) => !u.pathname.startsWith('/login'));
    await page.goto(`${journey.server.baseUrl}/enterprise`);
    await page.getByRole('heading', { name: COMPANY }).waitFor();

    // 5. Edit the profile: employees and the registered address.
    await page.getByRole('button', { name: '编辑基本信息' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel('从业人员').fill('128');
    await dialog.getByLabel('注册地址').fill('山东省青岛市市南区东海西路15号英德隆大厦21层');
    await dialog.getByRole('button', { name: '保存' }).click();
    await dialog.waitFor({ state: 'hidden' });

    // 6. Reload: the change is stored, marked as self-reported.
    await page.reload();
    await page.getByRole('heading', { name: COMPANY }).waitFor();
    await page.getByText('128 人').waitFor();
    await page.getByText('东海西路15号英德隆大厦21层', { exact: false }).waitFor();
    await page.screenshot({ path: screenshotPath('journey-3-profile-saved'), fullPage: true });
    await expectNoConsoleErrors(watch.errors);
    await ctx.close();
  });
});
