import type { FastifyReply } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  DASHBOARD_TABLES,
  dashboardSchema,
  insightsPeriodQuerySchema,
  PUBLIC_TABLES,
  publicInsightsSchema,
} from '../../../shared/insights-api';
import type { Role } from '../../../shared/roles';
import { AppError } from '../../platform/errors';
import { contentDisposition } from '../../platform/files';
import { dashboardTable, publicTable, tableFilename, tableWorkbook } from './export';
import type { InsightsService } from './service';

const TAGS = ['insights'];
/** 区领导 read the dashboard; the admin too (he runs the platform and answers for its figures). */
export const DASHBOARD_ROLES: readonly Role[] = ['leader', 'admin'];
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

function send(reply: FastifyReply, buffer: Buffer, filename: string) {
  return reply
    .type(XLSX)
    .header('content-disposition', contentDisposition(filename, false))
    .header('content-length', String(buffer.length))
    .send(buffer);
}

/** Routes of the insights (SPEC §2.8): the public figures, the dashboard, and every table as .xlsx. */
export const insightsRoutes: FastifyPluginAsyncZod<{ service: InsightsService }> = async (
  app,
  { service },
) => {
  app.get(
    '/insights/public',
    {
      config: { access: 'public' },
      schema: {
        tags: TAGS,
        summary:
          '公开统计：企业分布与增长、近 12 个月诉求四率、政策兑现、楼宇空置与亿元楼、热门楼宇、热门搜索词（小于 5 的单元格不公开）',
        response: { 200: publicInsightsSchema },
      },
    },
    async () => service.publicInsights(),
  );

  app.get(
    '/insights/dashboard',
    {
      config: { access: DASHBOARD_ROLES },
      schema: {
        tags: TAGS,
        summary:
          '数据驾驶舱：按部门和月份的诉求四率、各事项兑现、各街道楼宇、企业增长、各范围热门搜索词（统计区间最长 5 年）',
        querystring: insightsPeriodQuerySchema,
        response: { 200: dashboardSchema },
      },
    },
    async (req) => service.dashboard(req.query),
  );

  // One static route per table, so each declares who may call it; anything else under /export is a 400.
  for (const table of PUBLIC_TABLES)
    app.get(
      `/insights/export/${table}.xlsx`,
      {
        config: { access: 'public' },
        schema: { tags: TAGS, summary: `导出公开统计表 ${table}（.xlsx）` },
      },
      async (_req, reply) => {
        const data = await service.publicInsights();
        const spec = publicTable(table, data);
        const period = `${data.from} 至 ${data.to}`;
        const buffer = await tableWorkbook(spec, period, data.asOf);
        return send(reply, buffer, tableFilename(spec.title, period));
      },
    );

  for (const table of DASHBOARD_TABLES)
    app.get(
      `/insights/export/${table}.xlsx`,
      {
        config: { access: DASHBOARD_ROLES },
        schema: {
          tags: TAGS,
          summary: `导出数据驾驶舱统计表 ${table}（.xlsx）`,
          querystring: insightsPeriodQuerySchema,
        },
      },
      async (req, reply) => {
        const data = await service.dashboard(req.query);
        const spec = dashboardTable(table, data);
        const period = `${data.from} 至 ${data.to}`;
        const buffer = await tableWorkbook(spec, period, data.asOf);
        return send(reply, buffer, tableFilename(spec.title, period));
      },
    );

  app.get(
    '/insights/export/:file',
    {
      config: { access: 'public' },
      schema: {
        tags: TAGS,
        summary: '未知的统计表（400 UNKNOWN_INSIGHTS_TABLE）',
        params: z.object({ file: z.string().max(200) }),
      },
    },
    async (req) => {
      throw new AppError(
        'UNKNOWN_INSIGHTS_TABLE',
        `没有这张统计表：${req.params.file.slice(0, 60)}；可导出：${[...PUBLIC_TABLES, ...DASHBOARD_TABLES].map((t) => `${t}.xlsx`).join('、')}`,
      );
    },
  );
};
