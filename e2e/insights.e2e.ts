import fs from 'node:fs';
import ExcelJS from 'exceljs';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import type { Dashboard, PublicInsights } from '../src/shared/insights-api';
import { fullPageShot, journeyFixture, watchPage } from './support';

/**
 * The insights journey (SPEC §2.8) in Chromium against the built app with the demo data: a visitor opens 数据赋能
 * from the home page, checks a table against the API and downloads it as .xlsx; the leader opens 数据看板, changes
 * the period and sees the tables follow.
 */
const journey = journeyFixture();

function expectNoConsoleErrors(errors: string[]) {
  expect(errors.filter((e) => !/Failed to load resource/.test(e))).toEqual([]);
}

/** The 合计 row's cells of the table inside the card titled `title`. */
async function totalRow(page: Page, title: string): Promise<string[]> {
  const card = page.locator('.qifu-ins-card').filter({ has: page.getByText(title, { exact: true }) });
  return card.locator('tbody tr').filter({ hasText: '合计' }).first().locator('td').allInnerTexts();
}

describe('insights', () => {
  it('a visitor opens the statistics from the home page and downloads a table', async () => {
    const base = journey.server.baseUrl;
    const ctx = await journey.browser.newContext({
      viewport: { width: 1280, height: 900 },
      acceptDownloads: true,
    });
    const page = await ctx.newPage();
    const { errors } = watchPage(page);
    await page.goto(base);
    const answer = page.waitForResponse((r) => new URL(r.url()).pathname === '/api/v1/insights/public');
    await page.locator('a.qifu-service-card', { hasText: '数据赋能' }).click();
    await page.waitForURL(/\/services\/statistics$/);
    const data = (await (await answer).json()) as PublicInsights;
    await expect.poll(() => page.getByRole('heading', { name: '数据赋能', level: 2 }).isVisible()).toBe(true);

    // The street table shows what the API says, small cells as "<5".
    const card = page.locator('#ins-ent-street');
    for (const r of data.enterprises.byStreet) {
      const row = card.locator('tbody tr').filter({ hasText: r.label });
      await expect
        .poll(() => row.locator('td').nth(1).textContent())
        .toBe(r.count.suppressed ? '<5' : String(r.count.value));
    }

    const [download] = await Promise.all([
      page.waitForEvent('download'),
      card.getByRole('link', { name: /导出 Excel/ }).click(),
    ]);
    expect(download.suggestedFilename()).toMatch(/^企业按街道分布_.*\.xlsx$/);
    const file = await download.path();
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(fs.readFileSync(file) as unknown as ArrayBuffer);
    const sheet = book.worksheets[0]!;
    expect(String(sheet.getCell('A1').value)).toContain('企业按街道分布（统计期：');
    expect(sheet.getRow(2).values).toEqual([undefined, '街道', '企业数（户）']);
    const first = data.enterprises.byStreet[0]!;
    expect(sheet.getRow(3).values).toEqual([
      undefined,
      first.label,
      first.count.suppressed ? '<5' : first.count.value,
    ]);
    await fullPageShot(page, 'insights-public');
    expectNoConsoleErrors(errors);
    await ctx.close();
  });

  it('the leader opens the dashboard, changes the period and sees the tables change', async () => {
    const base = journey.server.baseUrl;
    const ctx = await journey.browser.newContext({ viewport: { width: 1280, height: 900 } });
    const page = await ctx.newPage();
    const { errors } = watchPage(page);
    // Logged in through the API (the login form has its own journeys), then in through the workbench menu.
    const login = await ctx.request.post(`${base}/api/v1/auth/login`, {
      data: { account: 'leader', password: 'Qifu@Leader2026' },
      headers: { origin: base },
    });
    expect(login.status()).toBe(200);
    await page.goto(`${base}/workbench`);
    const firstAnswer = page.waitForResponse(
      (r) => new URL(r.url()).pathname === '/api/v1/insights/dashboard',
    );
    await page.getByRole('menuitem', { name: '数据看板' }).click();
    await page.waitForURL(/\/workbench\/insights$/);
    const before = (await (await firstAnswer).json()) as Dashboard;
    const title = '诉求办理指标（按主办部门）';
    await expect
      .poll(async () => (await totalRow(page, title))[1])
      .toBe(String(before.appeals.totals.submitted));

    // Last year (a preset of the period picker): every table follows the new period.
    const lastYear = String(Number(before.to.slice(0, 4)) - 1);
    const next = page.waitForResponse((r) => {
      const u = new URL(r.url());
      return (
        u.pathname === '/api/v1/insights/dashboard' && u.searchParams.get('from') === `${lastYear}-01-01`
      );
    });
    await page.locator('.qifu-ins-period .ant-picker').click();
    await page.locator('.ant-picker-presets li', { hasText: `${lastYear} 年` }).click();
    const after = (await (await next).json()) as Dashboard;
    expect(after.to).toBe(`${lastYear}-12-31`);
    expect(after.appeals.totals.submitted).not.toBe(before.appeals.totals.submitted);
    await expect
      .poll(async () => (await totalRow(page, title))[1])
      .toBe(String(after.appeals.totals.submitted));
    const exportHref = await page
      .locator('#ins-appeals-department')
      .getByRole('link', { name: /导出 Excel/ })
      .getAttribute('href');
    expect(exportHref).toContain(`from=${lastYear}-01-01`);
    await fullPageShot(page, 'insights-dashboard');
    expectNoConsoleErrors(errors);
    await ctx.close();
  });
});
