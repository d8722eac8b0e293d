import type { Locator, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { fullPageShot, journeyFixture, loginThroughForm, watchPage } from './support';

/**
 * The appeals journey (SPEC §2.4) an enterprise, the district's dispatcher and the market-regulation handler walk,
 * in Chromium against the built app with the demo data: the enterprise writes its problem (the similar appeals and
 * the knowledge base show up while it types) and submits it; the dispatcher finds it in his queue, accepts it and
 * dispatches it to 区市场监督管理局 with the routing suggestion; the handler signs and replies; the enterprise reads
 * the reply and rates it 满意. Both timelines then show every step, in order.
 */
const journey = journeyFixture();

const COMPANY = '青岛海岳云智能科技有限公司';
const MARKET = '区市场监督管理局';
/** A topic of the demo catalogue (src/server/db/seed/appeal-catalogue.ts) led by market regulation. */
const TOPIC = '经营异常与信用修复';
/** Written for this run, so that the queues find exactly this appeal. */
const TITLE = `补报年报后仍在经营异常名录中，影响投标（${Date.now().toString(36)}）`;
const CONTENT =
  '我公司因财务人员离职，2025年度年报未在6月30日前报送，被列入经营异常名录。7月已通过国家企业信用信息公示系统补报年报，' +
  '并提交了移出经营异常名录的申请，但至今公示系统仍显示“列入经营异常名录”，导致我公司无法参加下月市南区智慧园区项目的投标。' +
  '请问移出申请目前办理到哪一步，还需要补充哪些材料，能否尽快办理？';
const REPLY =
  '经核查，贵公司已于7月补报2025年度年报，移出申请因提交时未附住所使用证明被退回，系统未能及时提示。' +
  '我局已电话联系贵公司补充材料，并于今日作出移出经营异常名录的决定，公示系统将在1个工作日内更新，不影响投标。';
/** The demo dispatcher and handler (src/server/db/seed/accounts.ts): the enterprise never sees staff names. */
const STAFF_NAMES = ['姜晓雯', '曲明辉'];
/** The timeline's words for submit, accept, dispatch, sign, reply and rate (appeals.zh-CN.ts, appeals-staff.zh-CN.ts). */
const STEPS = ['提交诉求', '受理', '派单', '签收', '答复', '评价'];

function expectNoConsoleErrors(errors: string[]) {
  // Chromium logs every 4xx a page asks for; the journey below triggers none on purpose.
  expect(errors.filter((e) => !/Failed to load resource/.test(e))).toEqual([]);
}

/** The card whose title is `title` (antd cards have no heading role). */
function card(page: Page, title: string): Locator {
  return page
    .locator('.ant-card')
    .filter({ has: page.locator('.ant-card-head-title').getByText(title, { exact: true }) });
}

/** The step labels of a timeline card, top to bottom. */
async function timelineSteps(page: Page, title: string): Promise<string[]> {
  const items = card(page, title).getByRole('listitem');
  const n = await items.count();
  const steps: string[] = [];
  for (let i = 0; i < n; i++)
    steps.push((await items.nth(i).locator('strong').first().textContent())?.trim() ?? '');
  return steps;
}

/** Pick a radio (antd hides the input itself): click its label, then check it took. */
async function choose(scope: Page | Locator, name: string) {
  const radio = scope.getByRole('radio', { name, exact: true });
  // `has` is evaluated inside each label, so its locator starts from the page, not from the scope.
  const page = 'page' in scope ? scope.page() : scope;
  await scope
    .locator('label')
    .filter({ has: page.getByRole('radio', { name, exact: true }) })
    .click();
  expect(await radio.isChecked()).toBe(true);
}

/** Run a workflow action of the workbench: its button in the action panel, then the dialog's OK. */
async function staffAction(page: Page, action: string, fill?: (dialog: Locator) => Promise<void>) {
  await card(page, '办理操作').getByRole('button', { name: action, exact: true }).click();
  const dialog = page.getByRole('dialog', { name: action });
  await dialog.waitFor();
  if (fill) await fill(dialog);
  await dialog.getByRole('button', { name: action, exact: true }).click();
  await dialog.waitFor({ state: 'hidden' });
}

/** Open the appeal from the workbench queue: the tab, a search by its code, the row's link. */
async function openFromQueue(page: Page, tab: string, code: string) {
  // Staff land on the workbench (the login page may pass through the portal first).
  await page.waitForURL('**/workbench**');
  await page.getByRole('navigation', { name: '工作台导航' }).getByRole('link', { name: '诉求办理' }).click();
  await page.waitForURL('**/workbench/appeals**');
  await page.getByRole('heading', { name: '诉求办理' }).waitFor();
  await page.getByRole('tab', { name: tab, exact: true }).click();
  await page.getByRole('searchbox', { name: '编号、标题或内容' }).fill(code);
  await page.getByRole('searchbox', { name: '编号、标题或内容' }).press('Enter');
  const row = page.getByRole('row').filter({ hasText: code });
  await row.getByText(COMPANY).waitFor();
  await row.getByRole('link', { name: TITLE }).click();
  await page.waitForURL('**/workbench/appeals/**');
  await page.getByRole('heading', { name: TITLE }).waitFor();
}

describe('appeals journey', () => {
  it('submits, is accepted, dispatched, signed, replied and rated, with every step on both timelines', async () => {
    // 1. The enterprise logs in, opens 我的诉求 → 我要提诉求 and writes its problem.
    const ctx = await journey.browser.newContext({ viewport: { width: 1280, height: 900 } });
    const page = await ctx.newPage();
    const watch = watchPage(page);
    await loginThroughForm(page, journey.server.baseUrl, '13800000001', 'Qifu@Corp2026');
    await page.getByRole('navigation', { name: '主导航' }).getByRole('link', { name: '企业中心' }).click();
    await page.waitForURL('**/enterprise');
    await card(page, '我的诉求')
      .getByRole('link', { name: /^全部诉求/ })
      .click();
    await page.waitForURL('**/enterprise/appeals');
    await page.getByRole('heading', { name: '我的诉求' }).waitFor();
    await page.getByRole('link', { name: '我要提诉求' }).first().click();
    await page.waitForURL('**/enterprise/appeals/new');
    await page.getByRole('heading', { name: '提交诉求' }).waitFor();
    await page.getByText('填写标题或内容后，这里会显示相似的诉求和常见问题答复。').waitFor();

    await choose(page, '求助');
    const topic = page.getByLabel('诉求事项');
    await topic.fill('经营异常');
    await page.getByTitle(TOPIC).waitFor();
    await topic.press('Enter');
    await page.getByText(`默认承办单位：${MARKET}`).waitFor();
    await page.getByLabel('标题').fill(TITLE);
    await page.getByLabel('诉求内容').fill(CONTENT);
    await page.getByLabel('联系电话').fill('13800000001');

    // The panel beside the form finds the knowledge base answer on the same problem.
    const similar = card(page, '提交前先看看');
    await similar.getByText('根据您填写的内容，找到以下可能相关的信息：').waitFor();
    await similar.getByRole('heading', { name: '知识库答复' }).waitFor();
    await similar
      .getByRole('link', { name: /经营异常名录/ })
      .first()
      .waitFor();
    await fullPageShot(page, 'appeals-1-new');

    await page.getByRole('button', { name: '提交诉求' }).click();
    await page.waitForURL((u) => /^\/enterprise\/appeals\/(?!new)[^/]+$/.test(u.pathname));
    const appealUrl = page.url();
    await page.getByRole('heading', { name: TITLE }).waitFor();
    await page.getByText('诉求已提交，分拨中心将在受理时限内审核。').waitFor();
    const code = ((await card(page, '诉求信息').textContent()) ?? '').match(/诉求编号\s*(SQ\w+)/)?.[1];
    expect(code).toBeTruthy();
    expect(await timelineSteps(page, '办理过程')).toEqual(STEPS.slice(0, 1));
    expectNoConsoleErrors(watch.errors);

    // 2. The dispatcher finds it in 待受理, accepts it and dispatches it to market regulation (the suggestion).
    const deskCtx = await journey.browser.newContext({ viewport: { width: 1280, height: 900 } });
    const desk = await deskCtx.newPage();
    const deskWatch = watchPage(desk);
    await loginThroughForm(desk, journey.server.baseUrl, 'dispatcher', 'Qifu@Desk2026');
    await openFromQueue(desk, '待受理', code!);
    await desk.getByText(CONTENT.slice(0, 20)).waitFor();
    await staffAction(desk, '受理');
    await card(desk, '办理操作').getByRole('button', { name: '派单', exact: true }).waitFor();
    expect(await timelineSteps(desk, '办理记录')).toEqual(STEPS.slice(0, 2));
    const suggestion = card(desk, '智能分拨建议');
    const market = suggestion.getByRole('listitem').filter({ hasText: MARKET }).first();
    await market.getByText(TOPIC).waitFor();
    await fullPageShot(desk, 'appeals-2-accepted');
    await market.getByRole('button', { name: '采用' }).click();
    const dispatch = desk.getByRole('dialog', { name: '派单' });
    await dispatch.waitFor();
    await dispatch.getByTitle(MARKET).waitFor();
    await dispatch
      .getByLabel('说明（可选）')
      .fill('企业信用修复事项，请市场监管局核实移出申请办理情况后答复企业。');
    await dispatch.getByRole('button', { name: '派单', exact: true }).click();
    await dispatch.waitFor({ state: 'hidden' });
    await card(desk, '承办单位').getByText(MARKET).waitFor();
    expectNoConsoleErrors(deskWatch.errors);

    // 3. The handler of 区市场监督管理局 signs it in 待签收 and replies: solved, not public.
    const handlerCtx = await journey.browser.newContext({ viewport: { width: 1280, height: 900 } });
    const handler = await handlerCtx.newPage();
    const handlerWatch = watchPage(handler);
    await loginThroughForm(handler, journey.server.baseUrl, 'handler', 'Qifu@Handle2026');
    await openFromQueue(handler, '待签收', code!);
    await staffAction(handler, '签收');
    await card(handler, '办理操作').getByRole('button', { name: '答复', exact: true }).waitFor();
    await staffAction(handler, '答复', async (dialog) => {
      await dialog.getByLabel('答复内容').fill(REPLY);
      await choose(dialog, '已解决');
      await choose(dialog, '不公开');
    });
    await card(handler, '答复').getByText(REPLY).waitFor();
    await fullPageShot(handler, 'appeals-3-replied');
    expectNoConsoleErrors(handlerWatch.errors);
    await handlerCtx.close();

    // 4. The enterprise finds it 已答复 in 我的诉求, reads the reply and rates it 满意.
    await page.reload();
    await page
      .getByRole('navigation', { name: '政策与兑现' })
      .getByRole('link', { name: '我的诉求' })
      .click();
    await page.waitForURL('**/enterprise/appeals');
    const mine = page.getByRole('row').filter({ hasText: TITLE });
    await mine.getByText('已答复').waitFor();
    await mine.getByRole('link', { name: '去评价' }).click();
    await page.waitForURL(appealUrl);
    await page.getByRole('heading', { name: TITLE }).waitFor();
    const reply = card(page, '答复');
    await reply.getByText(REPLY).waitFor();
    await reply.getByText('已解决').waitFor();
    const rate = card(page, '评价办理结果');
    await choose(rate, '满意');
    await choose(rate, '已解决');
    await rate.getByLabel('评价意见').fill('答复及时清楚，当天就完成了移出，感谢市场监管局。');
    await rate.getByRole('button', { name: '提交评价' }).click();
    await rate.waitFor({ state: 'hidden' });
    await reply.getByText('您的评价').waitFor();
    await reply.getByText('满意', { exact: true }).waitFor();

    // 5. Every step, in order, on the enterprise's timeline and on the dispatcher's.
    expect(await timelineSteps(page, '办理过程')).toEqual(STEPS);
    const timeline = card(page, '办理过程');
    await timeline.getByRole('listitem').filter({ hasText: '签收' }).getByText(MARKET).waitFor();
    for (const name of STAFF_NAMES) expect(await timeline.textContent()).not.toContain(name);
    await fullPageShot(page, 'appeals-4-rated');
    expectNoConsoleErrors(watch.errors);

    await desk.reload();
    await desk.getByRole('heading', { name: TITLE }).waitFor();
    await card(desk, '企业评价').getByText('满意', { exact: true }).waitFor();
    expect(await timelineSteps(desk, '办理记录')).toEqual(STEPS);
    await fullPageShot(desk, 'appeals-5-desk-timeline');
    expectNoConsoleErrors(deskWatch.errors);
    await deskCtx.close();
    await ctx.close();
  });
});
