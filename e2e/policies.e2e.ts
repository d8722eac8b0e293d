import { describe, expect, it } from 'vitest';
import { journeyFixture, loginThroughForm, screenshotPath, watchPage } from './support';

/**
 * The policies journey (SPEC §2.3) a real company and a real reviewer walk, in Chromium against the built app with
 * the demo data: the company sees its matched programs with the reasons, applies to an open program with a PDF,
 * the market-regulation handler (the reviewing department of that program in the demo data) approves it and
 * records the payment, and the company sees the money: in its claim, in the public notice list and in its inbox.
 */
const journey = journeyFixture();

const COMPANY = '青岛海岳云智能科技有限公司';
/** Open all year, reviewed by 区市场监督管理局 (src/server/db/seed/policies.ts), no claim yet for the company. */
const PROGRAM = '知识产权质押融资贴息';

/**
 * A minimal valid PDF: one empty page, with a correct cross-reference table, so that content sniffing sees a PDF
 * and any reader opens it.
 */
function minimalPdf(): Buffer {
  const objects = [
    '1 0 obj\n<< /Type /Catalog /Pages 2 0 R >>\nendobj\n',
    '2 0 obj\n<< /Type /Pages /Kids [3 0 R] /Count 1 >>\nendobj\n',
    '3 0 obj\n<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] >>\nendobj\n',
  ];
  let body = '%PDF-1.4\n';
  const offsets: number[] = [];
  for (const o of objects) {
    offsets.push(Buffer.byteLength(body));
    body += o;
  }
  const xref = Buffer.byteLength(body);
  body += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`;
  for (const off of offsets) body += `${String(off).padStart(10, '0')} 00000 n \n`;
  body += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return Buffer.from(body, 'latin1');
}

function expectNoConsoleErrors(errors: string[]) {
  // Chromium logs every 4xx a page asks for; the journey below triggers none on purpose.
  expect(errors.filter((e) => !/Failed to load resource/.test(e))).toEqual([]);
}

describe('policies journey', () => {
  it('matches, applies with a PDF, is approved and paid, and the company sees the payment', async () => {
    // 1. The company logs in and opens 政策匹配: programs ranked, each with its conditions and reasons.
    const ctx = await journey.browser.newContext({ viewport: { width: 1280, height: 900 } });
    const page = await ctx.newPage();
    const watch = watchPage(page);
    await loginThroughForm(page, journey.server.baseUrl, '13800000001', 'Qifu@Corp2026');
    await page.goto(`${journey.server.baseUrl}/enterprise/matches`);
    await page.getByRole('heading', { name: '政策匹配' }).waitFor();
    await page.getByText(`根据“${COMPANY}”的企业档案`, { exact: false }).waitFor();
    const firstCard = page.locator('.qifu-match-card').first();
    // Ranked: the first program is one the company qualifies for.
    await firstCard.locator('.ant-card-extra').getByText('符合条件').waitFor();
    await firstCard.getByRole('button', { name: '查看逐条判断' }).click();
    // Every condition is marked with its outcome and the reason in words.
    await firstCard.getByRole('heading', { name: '逐条判断' }).waitFor();
    expect(await firstCard.locator('.qifu-cond-leaf').count()).toBeGreaterThan(0);
    expect(await firstCard.locator('.qifu-cond-reason').count()).toBeGreaterThan(0);
    await page.getByText('补充这些信息，可判定更多政策').waitFor();
    await page.screenshot({ path: screenshotPath('policies-1-matches') });

    // 2. The company opens the program and applies: the form is pre-filled, one PDF per required material.
    const card = page.locator('.qifu-match-card', { hasText: PROGRAM });
    await card.getByRole('link', { name: '在线申请' }).click();
    await page.waitForURL('**/enterprise/apply/**');
    await page.getByRole('heading', { name: '兑现申请' }).waitFor();
    expect(await page.getByLabel('联系人姓名').inputValue()).toBe('李海鹏');
    await page.getByLabel('联系电话').fill('13800000001');
    const materials = page.locator('.qifu-material-list > li');
    const count = await materials.count();
    expect(count).toBeGreaterThan(0);
    const pdf = minimalPdf();
    for (let i = 0; i < count; i++) {
      await materials
        .nth(i)
        .locator('input[type=file]')
        .setInputFiles({ name: `材料${i + 1}.pdf`, mimeType: 'application/pdf', buffer: pdf });
      await materials
        .nth(i)
        .getByText(`材料${i + 1}.pdf`)
        .waitFor();
    }
    await page.screenshot({ path: screenshotPath('policies-2-apply'), fullPage: true });
    await page.getByRole('button', { name: '提交申请' }).click();
    await page.getByRole('tooltip').getByRole('button', { name: '提交申请' }).click();
    await page.waitForURL('**/enterprise/claims/**');
    const claimUrl = page.url();
    await page.getByRole('heading', { name: `兑现申请：${PROGRAM}` }).waitFor();
    await page.locator('.ant-page-header, .qifu-page-header').getByText('审核中').first().waitFor();
    expect(await page.locator('.qifu-file-list li').count()).toBe(count);
    expectNoConsoleErrors(watch.errors);

    // 3. The handler of 区市场监督管理局 finds it in the review queue, approves 5万元 and records the payment.
    const staffCtx = await journey.browser.newContext({ viewport: { width: 1280, height: 900 } });
    const staff = await staffCtx.newPage();
    const staffWatch = watchPage(staff);
    await loginThroughForm(staff, journey.server.baseUrl, 'handler', 'Qifu@Handle2026');
    await staff.goto(`${journey.server.baseUrl}/workbench/claims`);
    await staff.getByRole('heading', { name: '兑现审核' }).waitFor();
    const row = staff.getByRole('row').filter({ hasText: COMPANY }).filter({ hasText: PROGRAM });
    await row.getByRole('link', { name: '审核' }).click();
    await staff.getByRole('heading', { name: COMPANY }).waitFor();
    // The reviewer sees the rule evaluation and the materials before deciding.
    await staff.getByText('条件判断', { exact: true }).waitFor();
    expect(await staff.locator('.qifu-file-list li').count()).toBe(count);
    await staff.getByRole('button', { name: '审核通过', exact: true }).click();
    const approve = staff.getByRole('dialog');
    await approve.getByLabel('核定金额（万元）').fill('5');
    await approve.getByRole('button', { name: '审核通过并核定金额' }).click();
    await approve.waitFor({ state: 'hidden' });
    await staff.locator('.qifu-page-header').getByText('已通过').waitFor();
    await staff.getByRole('button', { name: '登记拨付', exact: true }).click();
    const pay = staff.getByRole('dialog');
    expect(await pay.getByLabel('拨付金额（万元）').inputValue()).toBe('5');
    await pay.getByRole('button', { name: '登记资金拨付' }).click();
    await pay.waitFor({ state: 'hidden' });
    await staff.locator('.qifu-page-header').getByText('已拨付').waitFor();
    await staff.screenshot({ path: screenshotPath('policies-3-paid'), fullPage: true });
    expectNoConsoleErrors(staffWatch.errors);
    await staffCtx.close();

    // 4. The company sees the payment: on the claim, in the public notice list, in the inbox.
    await page.goto(claimUrl);
    await page.getByText(/资金已拨付：5万元/).waitFor();
    await page.screenshot({ path: screenshotPath('policies-4-claim-paid'), fullPage: true });
    await page.getByRole('link', { name: '查看兑现公示' }).click();
    await page.waitForURL('**/policies/notices**');
    const notice = page.getByRole('row').filter({ hasText: COMPANY }).filter({ hasText: PROGRAM });
    await notice.getByText('5万元').waitFor();
    await page.goto(`${journey.server.baseUrl}/inbox`);
    await page.getByRole('heading', { name: '消息中心' }).waitFor();
    const paidNote = page
      .locator('.qifu-inbox-item')
      .filter({ hasText: PROGRAM })
      .filter({ hasText: '资金拨付' });
    await paidNote.first().waitFor();
    // Opening it marks it read and leads back to the claim.
    await paidNote.first().getByRole('button', { name: '查看详情' }).click();
    await page.waitForURL('**/enterprise/claims/**');
    await page.getByText(/资金已拨付：5万元/).waitFor();
    await page.screenshot({ path: screenshotPath('policies-5-inbox-to-claim') });
    expectNoConsoleErrors(watch.errors);
    await ctx.close();
  });
});
