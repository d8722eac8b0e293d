import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { appealStatsQuerySchema, appealStatsSchema } from '../../../shared/appeals-api';
import type { Role } from '../../../shared/roles';
import type { Platform } from '../../app';
import { contentDisposition } from '../../platform/files';
import { appealStatistics, appealStatsWorkbook, type StatsDeps } from './statistics';

const TAGS = ['appeals'];
/** 督办领导 and the 12345 desk see the district figures; departments see theirs on the workbench, not here. */
const STATS_READERS: readonly Role[] = ['leader', 'dispatcher'];
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

function depsOf(platform: Platform): StatsDeps {
  return { db: platform.database.db, dialect: platform.database.dialect, now: platform.clock.now() };
}

/** Routes of statistics and their .xlsx export (SPEC §2.4: 响应率, 按期办结率, 解决率, 满意率 …). */
export const appealStatsRoutes: FastifyPluginAsyncZod<{ platform: Platform }> = async (app, { platform }) => {
  app.get(
    '/appeals/stats',
    {
      config: { access: STATS_READERS },
      schema: {
        tags: TAGS,
        summary:
          '诉求统计：响应率、按期办结率、解决率、满意率、超期量、重办量、平均办理工作日（按部门、主题或月份），附指标口径',
        querystring: appealStatsQuerySchema,
        response: { 200: appealStatsSchema },
      },
    },
    async (req) => appealStatistics(depsOf(platform), req.query),
  );

  app.get(
    '/appeals/stats/export',
    {
      config: { access: STATS_READERS },
      schema: {
        tags: TAGS,
        summary: '导出诉求统计（.xlsx：汇总、按部门、按主题、按月份、指标口径）',
        querystring: appealStatsQuerySchema,
      },
    },
    async (req, reply) => {
      const { buffer, filename } = await appealStatsWorkbook(depsOf(platform), req.query);
      return reply
        .type(XLSX)
        .header('content-disposition', contentDisposition(filename, false))
        .header('content-length', String(buffer.length))
        .send(buffer);
    },
  );
};
