import fastifyMultipart from '@fastify/multipart';
import type { FastifyPluginAsync } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  buildingManageQuerySchema,
  importCommitResultSchema,
  importPreviewSchema,
  importRowsQuerySchema,
  importRowsSchema,
} from '../../../shared/buildings-api';
import type { Platform } from '../../app';
import { shanghaiDate } from '../../platform/calendar/workdays';
import { AppError } from '../../platform/errors';
import { cleanFileName, contentDisposition } from '../../platform/files/store';
import { buildExport } from './export';
import { BuildingImportService } from './import';
import { buildTemplate } from './template';
import { tooLargeError } from './xlsx-reader';

const TAGS = ['buildings-import'];
const EDITORS = ['building_editor' as const];
const XLSX_MIME = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const idParam = z.object({ id: z.string().min(1).max(64) });

/**
 * Routes of the spreadsheet template, import (preview → commit) and export (SPEC §2.5). Multipart is accepted only
 * inside this plugin (the parser is registered in its scope), and only on POST /buildings/import.
 */
export const buildingImportRoutes: FastifyPluginAsync<{ platform: Platform }> = async (
  parent,
  { platform },
) => {
  const app = parent.withTypeProvider<ZodTypeProvider>();
  const service = new BuildingImportService(platform);
  const maxBytes = platform.config.buildings.importMaxBytes;
  await app.register(fastifyMultipart, {
    limits: { fileSize: maxBytes, files: 1, fields: 5, parts: 6, headerPairs: 100 },
  });

  app.get(
    '/buildings/import/template',
    {
      config: { access: EDITORS },
      schema: {
        tags: TAGS,
        summary: '下载楼宇/房源导入模板（.xlsx：楼宇表、房源表、填写说明，含下拉选项和示例行）',
      },
    },
    async (_req, reply) => {
      const streets = await platform.database.db
        .selectFrom('streets')
        .select(['code', 'name'])
        .orderBy('sortOrder')
        .execute();
      const data = await buildTemplate(streets);
      return reply
        .type(XLSX_MIME)
        .header('content-disposition', contentDisposition('楼宇房源导入模板.xlsx'))
        .header('content-length', String(data.length))
        .send(data);
    },
  );

  app.post(
    '/buildings/import',
    {
      config: { access: EDITORS },
      schema: {
        tags: TAGS,
        summary:
          '上传楼宇/房源表格（multipart/form-data，字段名 file，.xlsx），逐行校验、规范化并查重，生成导入预览（尚未入库）',
        consumes: ['multipart/form-data'],
        response: { 201: importPreviewSchema },
      },
    },
    async (req, reply) => {
      if (!req.isMultipart())
        throw new AppError('UNSUPPORTED_MEDIA_TYPE', '请以 multipart/form-data 上传文件（字段名 file）');
      let data: Buffer;
      let filename: string;
      try {
        const part = await req.file();
        if (!part) throw new AppError('VALIDATION_FAILED', '请选择要上传的文件');
        filename = cleanFileName(part.filename || '导入文件.xlsx');
        data = await part.toBuffer();
      } catch (err) {
        if (err instanceof AppError) throw err;
        const code = (err as { code?: string }).code;
        if (code === 'FST_REQ_FILE_TOO_LARGE') throw tooLargeError(maxBytes);
        if (code === 'FST_FILES_LIMIT' || code === 'FST_PARTS_LIMIT')
          throw new AppError('PAYLOAD_TOO_LARGE', '一次只能上传一个文件');
        throw new AppError('VALIDATION_FAILED', '上传的内容不是有效的 multipart/form-data');
      }
      return reply.status(201).send(await service.preview(req.ctx, filename, data));
    },
  );

  app.get(
    '/buildings/import/:id',
    {
      config: { access: EDITORS },
      schema: {
        tags: TAGS,
        summary: '查看自己上传的导入预览报告',
        params: idParam,
        response: { 200: importPreviewSchema },
      },
    },
    async (req) => service.get(req.ctx, req.params.id),
  );

  app.get(
    '/buildings/import/:id/rows',
    {
      config: { access: EDITORS },
      schema: {
        tags: TAGS,
        summary: '分页查看导入预览的逐行结果（含规范化后的值），可按工作表和状态筛选',
        params: idParam,
        querystring: importRowsQuerySchema,
        response: { 200: importRowsSchema },
      },
    },
    async (req) => service.rows(req.ctx, req.params.id, req.query),
  );

  app.post(
    '/buildings/import/:id/commit',
    {
      config: { access: EDITORS },
      schema: {
        tags: TAGS,
        summary: '提交导入：无错误行时整体入库（任一行失败则全部不导入），更新楼宇统计和检索',
        params: idParam,
        response: { 200: importCommitResultSchema },
      },
    },
    async (req) => service.commit(req.ctx, req.params.id),
  );

  app.get(
    '/buildings/export',
    {
      config: { access: EDITORS },
      schema: {
        tags: TAGS,
        summary: '按筛选条件导出楼宇及其房源（.xlsx：楼宇表、房源表），筛选参数同楼宇管理列表',
        querystring: buildingManageQuerySchema.omit({ page: true, pageSize: true }),
      },
    },
    async (req, reply) => {
      const { data, buildings, spaces } = await buildExport(platform, req.query);
      await platform.database.db.transaction().execute((trx) =>
        platform.audit.write(trx, req.ctx, {
          action: 'building.export',
          objectType: 'building',
          objectId: null,
          details: { buildings, spaces, filters: req.query },
        }),
      );
      const day = shanghaiDate(platform.clock.now());
      return reply
        .type(XLSX_MIME)
        .header('content-disposition', contentDisposition(`楼宇房源导出-${day}.xlsx`))
        .header('content-length', String(data.length))
        .send(data);
    },
  );
};
