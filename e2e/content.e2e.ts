import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { fullPageShot, journeyFixture, loginThroughForm, screenshotPath, watchPage } from './support';

/**
 * The content journey (SPEC §2.6 信息资讯) in Chromium against the built app with the demo data: the content editor
 * writes a notice and publishes it; a visitor finds it on 信息资讯 by a two-character search and reads it, opens a
 * 办事指南 and the 行动方案 and filters its measures by status; the editor records a measure's progress with a note,
 * and the visitor reads that note under the measure.
 */
const journey = journeyFixture();

const ARTICLE = {
  title: '关于举办海洋经济企业政策宣讲周的通知',
  summary: '面向海洋科技、港航物流企业集中解读扶持政策，现场受理咨询。',
  source: '区发展和改革局',
  body: '宣讲周期间每天上午九点开始，地点在区政务服务中心三楼会议室。\n\n请提前一天通过电话报名。',
};
/** Two characters of the title, as a reader would type them. */
const QUERY = '海洋';
const NOTE = `已完成第三季度督导，窗口办理时间压缩至 1 个工作日（${Date.now() % 100000}）`;

function expectNoConsoleErrors(errors: string[]) {
  // Chromium logs every 4xx a page asks for; none of the steps below asks for one on purpose.
  expect(errors.filter((e) => !/Failed to load resource/.test(e))).toEqual([]);
}

/** The next answer of a GET to `path` whose query has these parameters. */
function answered(page: Page, path: string, want: Record<string, string> = {}) {
  return page.waitForResponse((r) => {
    const u = new URL(r.url());
    if (u.pathname !== path || r.request().method() !== 'GET') return false;
    return Object.entries(want).every(([k, v]) => u.searchParams.get(k) === v);
  });
}

describe('content journey', () => {
  it('an editor publishes a notice and records progress; a visitor finds, reads and follows them', async () => {
    const base = journey.server.baseUrl;

    // 1. The content editor writes a notice in the workbench and publishes it at once.
    const editorCtx = await journey.browser.newContext({ viewport: { width: 1280, height: 900 } });
    const editor = await editorCtx.newPage();
    const editorWatch = watchPage(editor);
    await loginThroughForm(editor, base, 'content_editor', 'Qifu@Content2026');
    await editor.goto(`${base}/workbench/content`);
    await editor.getByRole('heading', { name: '内容管理' }).waitFor();
    await editor.getByRole('link', { name: '新建资讯' }).click();
    await editor.waitForURL('**/workbench/content/articles/new');
    await editor.getByRole('heading', { name: '新建资讯' }).waitFor();
    await editor.getByLabel('标题', { exact: true }).fill(ARTICLE.title);
    await editor.getByLabel('摘要', { exact: true }).fill(ARTICLE.summary);
    await editor.getByLabel('来源', { exact: true }).fill(ARTICLE.source);
    await editor.getByLabel('正文', { exact: true }).fill(ARTICLE.body);
    await editor.getByRole('button', { name: '纯文本转段落' }).click();
    await editor.getByRole('button', { name: '保存', exact: true }).click();
    await editor.waitForURL((u) => /\/workbench\/content\/articles\/(?!new)[^/]+$/.test(u.pathname));
    await editor.getByRole('heading', { name: `编辑资讯：${ARTICLE.title}` }).waitFor();
    await editor.getByText('草稿', { exact: true }).first().waitFor();
    await editor.getByRole('button', { name: '立即发布' }).click();
    const confirm = editor.locator('.ant-popconfirm').filter({ hasText: '确定立即发布吗' });
    await confirm.getByRole('button', { name: '立即发布' }).click();
    await editor.getByText('已发布', { exact: true }).first().waitFor();
    await editor.getByRole('button', { name: '撤回为草稿' }).waitFor();
    await fullPageShot(editor, 'content-1-editor-published');

    // 2. A visitor searches 信息资讯 with two characters and finds the notice, the match highlighted.
    const ctx = await journey.browser.newContext({ viewport: { width: 1280, height: 900 } });
    const page = await ctx.newPage();
    const watch = watchPage(page);
    await page.goto(`${base}/services/news`);
    await page.getByRole('heading', { name: '信息资讯', level: 2 }).waitFor();
    const search = answered(page, '/api/v1/content/articles', { q: QUERY });
    await page.getByRole('searchbox', { name: '搜索资讯' }).fill(QUERY);
    await page.getByRole('searchbox', { name: '搜索资讯' }).press('Enter');
    expect((await search).status()).toBe(200);
    const hit = page.getByRole('article').filter({ hasText: ARTICLE.title });
    await hit.waitFor();
    await hit.locator('mark', { hasText: QUERY }).first().waitFor();
    await page.getByText(new RegExp(`^“${QUERY}”共找到 \\d+ 条资讯$`)).waitFor();
    await fullPageShot(page, 'content-2-news-search');

    // 3. The notice: channel, source, the body as paragraphs, a way back.
    await hit.getByRole('link', { name: ARTICLE.title }).click();
    await page.waitForURL('**/services/news/**');
    await page.getByRole('link', { name: '返回信息资讯' }).waitFor();
    await page.getByRole('heading', { name: ARTICLE.title, level: 2 }).waitFor();
    await page.locator('.qifu-page-header').getByText('通知公告', { exact: true }).waitFor();
    await page.getByText(`来源：${ARTICLE.source}`, { exact: false }).waitFor();
    await page.locator('.qifu-rich-text p').filter({ hasText: '请提前一天通过电话报名。' }).waitFor();
    await fullPageShot(page, 'content-3-article');

    // 4. A service guide: its steps, its materials, and where, when and whom to call.
    await page.goto(`${base}/services/guides`);
    await page.getByRole('heading', { name: '办事指南', level: 2 }).waitFor();
    const firstGuide = page.getByRole('article').first().getByRole('heading').getByRole('link');
    const guideTitle = ((await firstGuide.textContent()) ?? '').trim();
    expect(guideTitle).not.toBe('');
    await firstGuide.click();
    await page.getByRole('link', { name: '返回办事指南' }).waitFor();
    await page.getByRole('heading', { name: guideTitle, level: 2 }).waitFor();
    for (const section of ['办理流程', '申请材料', '办理须知', '办理依据', '表格下载'])
      await page.getByText(section, { exact: true }).first().waitFor();
    for (const fact of ['办理时限', '收费标准', '办理地点', '咨询电话'])
      await page.getByText(fact, { exact: true }).first().waitFor();
    await page.getByRole('button', { name: '打印指南' }).waitFor();
    await fullPageShot(page, 'content-4-guide');

    // 5. The action plan, filtered to the measures behind schedule: every one shown is 滞后.
    const planLoaded = answered(page, '/api/v1/content/action-plans');
    await page.goto(`${base}/services/action-plan`);
    await planLoaded;
    await page.getByRole('heading', { name: '行动方案', level: 2 }).waitFor();
    await page.getByText(/^共 \d+ 项举措$/).waitFor();
    const measures = page.locator('article.qifu-cnt-measure');
    const total = await measures.count();
    expect(total).toBeGreaterThan(0);
    await page.getByRole('button', { name: /滞后/ }).click();
    await expect.poll(() => new URL(page.url()).searchParams.get('status')).toBe('delayed');
    await expect.poll(() => measures.count()).toBeLessThan(total);
    const delayed = await measures.count();
    for (let i = 0; i < delayed; i++) {
      await measures.nth(i).locator('.ant-tag', { hasText: '滞后' }).waitFor();
    }
    await page.getByText(`显示 ${delayed} 项举措，共 ${total} 项`).waitFor();
    await page.evaluate(() => window.scrollTo(0, 0));
    await page.screenshot({ path: screenshotPath('content-5-plan-delayed') });

    // 6. The editor records progress on the first measure: status, progress, and the note the public will read.
    await editor.goto(`${base}/workbench/content?tab=plan`);
    await editor.locator('article.qifu-cnt-measure').first().waitFor();
    // A measure under way (a finished one is recorded at 100 %).
    await editor.getByRole('combobox', { name: '按状态筛选' }).click();
    await editor
      .locator('.ant-select-dropdown .ant-select-item-option')
      .getByText('推进中', { exact: true })
      .click();
    await editor.getByText(/^显示 \d+ 项举措，共 40 项$/).waitFor();
    const first = editor.locator('article.qifu-cnt-measure').first();
    await first.locator('.ant-tag', { hasText: '推进中' }).waitFor();
    const measureTitle = ((await first.getByRole('heading').textContent()) ?? '').trim();
    await first.getByRole('button', { name: /更新进展/ }).click();
    const dialog = editor.getByRole('dialog', { name: /更新进展/ });
    await dialog.waitFor();
    await dialog.getByRole('button', { name: '保存' }).click();
    await dialog.getByText('请填写进展说明（至少 2 个字）').waitFor();
    await dialog.getByRole('spinbutton', { name: '完成进度' }).fill('80');
    await dialog.getByLabel('进展说明').fill(NOTE);
    await editor.screenshot({ path: screenshotPath('content-6-progress-dialog') });
    await dialog.getByRole('button', { name: '保存' }).click();
    await dialog.waitFor({ state: 'hidden' });
    await editor.getByText('进展已更新').waitFor();
    expectNoConsoleErrors(editorWatch.errors);
    await editorCtx.close();

    // 7. The visitor, back on the plan, unfolds that measure's notes and reads the new one first.
    await page.goto(`${base}/services/action-plan`);
    const measure = page.locator('article.qifu-cnt-measure').filter({
      has: page.getByRole('heading', { name: measureTitle, exact: true }),
    });
    await measure.waitFor();
    await measure.getByText('80%').waitFor();
    await measure.getByRole('button', { name: /进展说明/ }).click();
    const notes = measure.locator('.qifu-cnt-note-list > li');
    await notes.first().getByText(NOTE).waitFor();
    await measure.scrollIntoViewIfNeeded();
    await page.screenshot({ path: screenshotPath('content-7-plan-note') });
    expectNoConsoleErrors(watch.errors);
    await ctx.close();
  });
});
