import type { Locator, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { journeyFixture, loginThroughForm, screenshotPath, watchPage } from './support';

/**
 * The buildings journey (SPEC §2.5) an investor and the investment-promotion office walk, in Chromium against the
 * built app with the demo data: a visitor (no account) searches 楼宇资源 with a Chinese keyword, narrows it by a
 * day rent range and an area range, checks the cards against the ranges, opens a building, picks a vacant space
 * and requests a viewing (看房预约); the building editor logs in, finds the request in the workbench queue (and on
 * the notification bell), and marks it 已联系 with a note.
 */
const journey = journeyFixture();

/** In the demo data 13 buildings match 金融 and 7 of them have a vacant space in the ranges below. */
const KEYWORD = '金融';
const RENT = { min: 3, max: 5 }; // 元/㎡·天
const AREA = { min: 200, max: 1000 }; // ㎡

const VISITOR = {
  name: '周雨桐',
  phone: '13912345678',
  company: '青岛澜海数字科技有限公司',
  message: '需要独立卫生间，计划入驻 15 人，希望工作日上午看房。',
};
const NOTE = '已电话联系周女士，约定下周二上午到现场看房。';

function expectNoConsoleErrors(errors: string[]) {
  // Chromium logs every 4xx a page asks for; the journey below triggers none on purpose.
  expect(errors.filter((e) => !/Failed to load resource/.test(e))).toEqual([]);
}

/**
 * The next answer of the search API (GET /api/v1/buildings) to a query with these parameters (null: absent); the
 * page sends it only once it has rendered the new filters.
 */
function searched(page: Page, want: Record<string, string | null>): Promise<{ total: number }> {
  return page
    .waitForResponse((r) => {
      const u = new URL(r.url());
      if (u.pathname !== '/api/v1/buildings' || r.request().method() !== 'GET') return false;
      return Object.entries(want).every(([k, v]) => u.searchParams.get(k) === v);
    })
    .then((r) => {
      expect(r.status()).toBe(200);
      return r.json() as Promise<{ total: number }>;
    });
}

/** "4.50–5.30" or "1,200" (a single value) as [min, max]. */
function parseRange(text: string, unit: RegExp): [number, number] {
  const num = '([\\d,]+(?:\\.\\d+)?)';
  const match = text.match(new RegExp(`${num}(?:\\s*–\\s*${num})?\\s*${unit.source}`));
  if (!match) throw new Error(`no range with ${unit.source} in "${text}"`);
  const lo = Number(match[1]!.replaceAll(',', ''));
  const hi = Number((match[2] ?? match[1]!).replaceAll(',', ''));
  return [lo, hi];
}

const DAY_RENT = /元\/㎡·天/;
const SQM = /㎡(?!·)/;

/** The figure under a term (dt) of a card's fact list. */
function cardFact(card: Locator, term: string): Locator {
  return card
    .locator('dl > div')
    .filter({ has: card.page().getByRole('term').getByText(term, { exact: true }) })
    .getByRole('definition');
}

/** A range [lo, hi] overlaps the filter's [min, max] (day rents are shown rounded to 0.01). */
function overlaps([lo, hi]: [number, number], range: { min: number; max: number }, slack = 0): boolean {
  return lo <= range.max + slack && hi >= range.min - slack;
}

describe('buildings journey', () => {
  it('a visitor finds a building by keyword, rent and area, requests a viewing, and the editor handles it', async () => {
    // 1. A visitor (no account) searches 楼宇资源 with a Chinese keyword.
    const ctx = await journey.browser.newContext({ viewport: { width: 1280, height: 900 } });
    const page = await ctx.newPage();
    const watch = watchPage(page);
    await page.goto(`${journey.server.baseUrl}/services/buildings`);
    await page.getByRole('heading', { name: '楼宇资源' }).waitFor();
    await page.getByText(/^共找到 \d+ 栋楼宇$/).waitFor();
    // Each step waits for the search the page sends with the new filters: the address bar changes before the page
    // re-renders, and a step taken before that render would build on the previous filters.
    let search = searched(page, { q: KEYWORD });
    await page.getByRole('searchbox', { name: '搜索楼宇' }).fill(KEYWORD);
    await page.getByRole('searchbox', { name: '搜索楼宇' }).press('Enter');
    const keywordTotal = (await search).total;
    expect(keywordTotal).toBeGreaterThan(1);
    await page.getByText(`“${KEYWORD}”共找到 ${keywordTotal} 栋楼宇`, { exact: true }).waitFor();
    const results = page.locator('section[aria-live]');
    // The keyword is highlighted on the cards.
    await results.getByRole('article').first().locator('mark').first().waitFor();
    await page.screenshot({ path: screenshotPath('buildings-1-keyword') });

    // 2. Rent in 元/㎡·天 (switching the unit back and forth), then area; each range applies on Enter.
    const unit = page.getByRole('radiogroup', { name: '租金单位' });
    search = searched(page, { q: KEYWORD, rentUnit: 'yuan_per_sqm_month' });
    await unit.getByText('元/㎡·月', { exact: true }).click();
    await search;
    await expect.poll(() => unit.getByRole('radio', { name: '元/㎡·月' }).isChecked()).toBe(true);
    search = searched(page, { q: KEYWORD, rentUnit: null });
    await unit.getByText('元/㎡·天', { exact: true }).click();
    await search;
    await expect.poll(() => unit.getByRole('radio', { name: '元/㎡·天' }).isChecked()).toBe(true);
    const rentQuery = {
      q: KEYWORD,
      rentMin: String(RENT.min),
      rentMax: String(RENT.max),
      rentUnit: 'yuan_per_sqm_day',
    };
    search = searched(page, rentQuery);
    await page.getByLabel('最低租金').fill(String(RENT.min));
    await page.getByLabel('最高租金').fill(String(RENT.max));
    await page.getByLabel('最高租金').press('Enter');
    await search;
    await page.getByText('按所选单位输入，系统自动换算', { exact: false }).waitFor();
    const areaQuery = { ...rentQuery, areaMin: String(AREA.min), areaMax: String(AREA.max) };
    search = searched(page, areaQuery);
    await page.getByLabel('最小面积').fill(String(AREA.min));
    await page.getByLabel('最大面积').fill(String(AREA.max));
    await page.getByLabel('最大面积').press('Enter');
    const total = (await search).total;
    expect(total).toBeGreaterThan(0);
    expect(total).toBeLessThan(keywordTotal);
    await page.getByText(`“${KEYWORD}”共找到 ${total} 栋楼宇`, { exact: true }).waitFor();
    await results.and(page.locator('[aria-busy="false"]')).waitFor();
    const address = new URL(page.url()).searchParams;
    for (const [k, v] of Object.entries(areaQuery)) expect(address.get(k), k).toBe(v);
    expect(Number(await page.getByLabel('最高租金').inputValue())).toBe(RENT.max);

    // 3. Every card shown has a vacant area and a day rent range reaching into the filter's ranges (the card
    // shows the building's whole vacant range; the search keeps a building with a vacant space in both).
    const cards = results.getByRole('article');
    const shown = await cards.count();
    expect(shown).toBe(Math.min(total, 12));
    for (let i = 0; i < shown; i++) {
      const card = cards.nth(i);
      const name = await card.getByRole('heading').textContent();
      const area = parseRange((await cardFact(card, '空置房源').textContent()) ?? '', SQM);
      const rent = parseRange((await cardFact(card, '租金').textContent()) ?? '', DAY_RENT);
      expect(overlaps(area, AREA), `${name}: vacant area ${area.join('–')} ㎡`).toBe(true);
      expect(overlaps(rent, RENT, 0.005), `${name}: rent ${rent.join('–')} 元/㎡·天`).toBe(true);
    }
    await page.screenshot({ path: screenshotPath('buildings-2-filtered'), fullPage: true });

    // 4. Open the first building: its vacant spaces, at least one inside both ranges, with 预约看这套.
    const first = cards.first();
    const building = ((await first.getByRole('heading').textContent()) ?? '').trim();
    await first.getByRole('link', { name: building }).click();
    await page.waitForURL('**/buildings/**');
    await page.getByRole('heading', { name: building }).waitFor();
    const spacesCard = page
      .locator('.ant-card')
      .filter({ hasText: '租金同时显示日租和月租两种单位，便于比较。' });
    const vacantRows = spacesCard
      .getByRole('row')
      .filter({ has: page.getByRole('button', { name: '预约看这套' }) });
    await vacantRows.first().waitFor();
    // The table's own filter narrows the spaces to the wanted size; then look for one in both ranges.
    const before = await vacantRows.count();
    await spacesCard.getByLabel('面积不小于（㎡）').fill(String(AREA.min));
    await expect.poll(() => vacantRows.count()).toBeLessThanOrEqual(before);
    let matchLabel = '';
    let matchIndex = -1;
    for (;;) {
      const rows = await vacantRows.count();
      expect(rows).toBeGreaterThan(0);
      for (let i = 0; i < rows && matchIndex < 0; i++) {
        const row = vacantRows.nth(i);
        const cells = row.getByRole('cell');
        const [area] = parseRange((await cells.nth(2).textContent()) ?? '', SQM);
        const [rent] = parseRange((await cells.nth(3).textContent()) ?? '', DAY_RENT);
        expect(area).toBeGreaterThanOrEqual(AREA.min);
        expect(await row.getByText('待租', { exact: true }).count()).toBe(1);
        if (overlaps([area, area], AREA) && overlaps([rent, rent], RENT, 0.005)) {
          matchIndex = i;
          matchLabel = `${await cells.nth(0).textContent()} ${await cells.nth(1).textContent()}`;
        }
      }
      const next = spacesCard.getByRole('listitem', { name: '下一页' });
      if (
        matchIndex >= 0 ||
        (await next.count()) === 0 ||
        (await next.getAttribute('aria-disabled')) === 'true'
      )
        break;
      await next.click();
    }
    expect(
      matchIndex,
      `${building}: a vacant space of ${AREA.min}–${AREA.max} ㎡ at ${RENT.min}–${RENT.max} 元/㎡·天`,
    ).toBeGreaterThanOrEqual(0);
    await page.screenshot({ path: screenshotPath('buildings-3-detail'), fullPage: true });

    // 5. 预约看房 for that space: name, phone, company, date, message; the dialog confirms.
    await vacantRows.nth(matchIndex).getByRole('button', { name: '预约看这套' }).click();
    const dialog = page.getByRole('dialog', { name: `预约看房 · ${building}` });
    await dialog.waitFor();
    await dialog.getByText(matchLabel, { exact: false }).waitFor();
    await dialog.getByLabel('联系人').fill(VISITOR.name);
    await dialog.getByLabel('手机号').fill(VISITOR.phone);
    await dialog.getByLabel('公司名称').fill(VISITOR.company);
    const date = new Date(Date.now() + 7 * 86_400_000).toISOString().slice(0, 10);
    await dialog.getByLabel('期望看房日期').click();
    await dialog.getByLabel('期望看房日期').fill(date);
    await dialog.getByLabel('期望看房日期').press('Enter');
    expect(await dialog.getByLabel('期望看房日期').inputValue()).toBe(date);
    await dialog.getByLabel('其他需求').fill(VISITOR.message);
    await page.screenshot({ path: screenshotPath('buildings-4-viewing-form') });
    await dialog.getByRole('button', { name: '提交预约' }).click();
    await dialog.getByText('预约已提交', { exact: true }).waitFor();
    await dialog.getByText('招商人员一般会在 1 个工作日内电话联系您', { exact: false }).waitFor();
    // Hovering waits for the dialog's opening animation to end, so the screenshot shows it.
    await dialog.getByRole('button', { name: '知道了' }).hover();
    await page.screenshot({ path: screenshotPath('buildings-5-viewing-sent') });
    await dialog.getByRole('button', { name: '知道了' }).click();
    await dialog.waitFor({ state: 'hidden' });
    expectNoConsoleErrors(watch.errors);
    await ctx.close();

    // 6. The building editor logs in; the bell has unread news, and the 看房预约 queue holds the request.
    const staffCtx = await journey.browser.newContext({ viewport: { width: 1280, height: 900 } });
    const staff = await staffCtx.newPage();
    const staffWatch = watchPage(staff);
    await loginThroughForm(staff, journey.server.baseUrl, 'building_editor', 'Qifu@Building2026');
    await staff.waitForURL('**/workbench');
    await staff
      .getByRole('navigation', { name: '工作台导航' })
      .getByRole('link', { name: '楼宇管理' })
      .click();
    await staff.waitForURL('**/workbench/buildings');
    await staff.getByRole('heading', { name: '楼宇管理' }).waitFor();
    await staff.getByRole('link', { name: /^消息中心，\d+ 条未读$/ }).waitFor();
    await staff.getByRole('link', { name: '看房预约' }).click();
    await staff.waitForURL('**/workbench/buildings/viewings');
    await staff.getByRole('heading', { name: '看房预约' }).waitFor();
    const request = staff
      .getByRole('row')
      .filter({ hasText: VISITOR.name })
      .filter({ hasText: VISITOR.company });
    await request.waitFor();
    await request.getByText(building, { exact: true }).waitFor();
    // The phone is masked in the queue; 查看 reveals it (an audited read) as a tel: link.
    await request.getByText(`${VISITOR.phone.slice(0, 3)}****${VISITOR.phone.slice(-4)}`).waitFor();
    await request.getByRole('button', { name: '查看完整的电话' }).click();
    await request.getByRole('link', { name: VISITOR.phone }).waitFor();
    await request.getByText(date, { exact: true }).waitFor();
    await request.getByText('待联系', { exact: true }).waitFor();
    await staff.screenshot({ path: screenshotPath('buildings-6-queue'), fullPage: true });

    // 7. 处理: 已联系 with a note; the row shows the new status and, unfolded, the visitor's message and the note.
    await request.getByRole('button', { name: '处理' }).click();
    const handle = staff.getByRole('dialog', { name: `处理预约：${VISITOR.name}` });
    await handle.waitFor();
    await handle.getByLabel('处理结果').click();
    // antd's listbox for screen readers is a hidden copy; the visible options are the dropdown's items.
    await staff
      .locator('.ant-select-dropdown .ant-select-item-option')
      .getByText('已联系', { exact: true })
      .click();
    await handle.getByTitle('已联系').waitFor();
    await handle.getByLabel('处理说明').fill(NOTE);
    await handle.getByRole('button', { name: '保存' }).click();
    await handle.waitFor({ state: 'hidden' });
    await staff.getByText('预约状态已更新').waitFor();
    await request.getByText('已联系', { exact: true }).waitFor();
    await request.getByRole('button', { name: /展开/ }).click();
    await staff.getByText(`处理说明：${NOTE}`).waitFor();
    await staff.getByText(`需求说明：${VISITOR.message}`).waitFor();
    await staff.screenshot({ path: screenshotPath('buildings-7-handled'), fullPage: true });

    // 8. The bell leads to the inbox, where the new request is announced with the visitor's name and company.
    await staff.getByRole('link', { name: /^消息中心/ }).click();
    await staff.waitForURL('**/workbench/inbox');
    await staff.getByRole('heading', { name: '消息中心' }).waitFor();
    const note = staff
      .locator('.qifu-inbox-item')
      .filter({ hasText: `新的看房预约：${building}` })
      .filter({ hasText: `${VISITOR.name}（${VISITOR.company}）` });
    await note.first().waitFor();
    await staff.screenshot({ path: screenshotPath('buildings-8-inbox') });
    expectNoConsoleErrors(staffWatch.errors);
    await staffCtx.close();
  });
});
