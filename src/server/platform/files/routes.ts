import fastifyMultipart from '@fastify/multipart';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ATTACHMENT_MAX_BYTES, FILE_PURPOSES, fileInfoSchema } from '../../../shared/files';
import type { Platform } from '../../app';
import { AppError, notFound } from '../errors';
import { contentDisposition, FileStore, tooLarge } from './store';

/**
 * Uploads: `POST /files?purpose=claim|policy` with one multipart part named `file`. Multipart is the only non-JSON
 * body the API accepts, and only here: the parser is registered inside this plugin's scope, so every other route
 * still answers 415 to it. CSRF and access hooks are global and run before the body is read.
 */
export const filesRoutes: FastifyPluginAsyncZod<{ platform: Platform; maxBytes?: number }> = async (
  app,
  { platform, maxBytes = ATTACHMENT_MAX_BYTES },
) => {
  const store = new FileStore(platform.database.db, platform.config.dataDir, platform.clock, maxBytes);
  await app.register(fastifyMultipart, {
    limits: { fileSize: maxBytes, files: 1, fields: 5, parts: 6, headerPairs: 100 },
  });

  app.post(
    '/files',
    {
      config: {
        access: [
          'enterprise_admin',
          'enterprise_member',
          'policy_editor',
          'building_editor',
          'liaison',
          'dispatcher',
          'handler',
        ],
      },
      schema: {
        tags: ['files'],
        summary:
          '上传附件（multipart/form-data，字段名 file；按内容识别类型：PDF、JPG、PNG、DOCX、XLSX，单个不超过 10 MB）',
        consumes: ['multipart/form-data'],
        querystring: z.object({ purpose: z.enum(FILE_PURPOSES).default('claim') }),
        response: { 201: fileInfoSchema },
      },
    },
    async (req, reply) => {
      const p = req.principal!;
      const purpose = req.query.purpose;
      // Claim materials belong to an enterprise; policy attachments to the policy office.
      if (purpose === 'claim' && !p.enterpriseId)
        throw new AppError('FORBIDDEN', '只有已绑定企业的用户可以上传申报材料');
      if (purpose === 'policy' && !p.roles.includes('policy_editor'))
        throw new AppError('FORBIDDEN', '只有政策编辑可以上传政策附件');
      if (
        purpose === 'appeal' &&
        !p.enterpriseId &&
        !p.roles.some((r) => r === 'liaison' || r === 'dispatcher' || r === 'handler')
      )
        throw new AppError('FORBIDDEN', '只有企业用户、企业专员和诉求办理人员可以上传诉求附件');
      if (purpose === 'building' && !p.roles.includes('building_editor'))
        throw new AppError('FORBIDDEN', '只有楼宇信息员可以上传楼宇照片');
      if (!req.isMultipart())
        throw new AppError('UNSUPPORTED_MEDIA_TYPE', '请以 multipart/form-data 上传文件（字段名 file）');
      let data: Buffer;
      let filename: string;
      try {
        const part = await req.file();
        if (!part) throw new AppError('VALIDATION_FAILED', '请选择要上传的文件');
        filename = part.filename;
        data = await part.toBuffer();
      } catch (err) {
        if (err instanceof AppError) throw err;
        const code = (err as { code?: string }).code;
        if (code === 'FST_REQ_FILE_TOO_LARGE' || code === 'FST_FILES_LIMIT' || code === 'FST_PARTS_LIMIT') {
          throw code === 'FST_REQ_FILE_TOO_LARGE'
            ? tooLarge(maxBytes)
            : new AppError('PAYLOAD_TOO_LARGE', '一次只能上传一个文件');
        }
        throw new AppError('VALIDATION_FAILED', '上传的内容不是有效的 multipart/form-data');
      }
      // The row and its audit record commit together (the bytes are already on disk, named by their hash).
      const info = await platform.database.db.transaction().execute(async (trx) => {
        const saved = await store.save(
          {
            data,
            name: filename,
            purpose,
            uploadedBy: p.userId,
            enterpriseId: purpose === 'claim' || purpose === 'appeal' ? p.enterpriseId : null,
          },
          trx,
        );
        await platform.audit.write(trx, req.ctx, {
          action: 'file.upload',
          objectType: 'file',
          objectId: saved.id,
          details: { name: saved.name, size: saved.size, mime: saved.mime, purpose },
        });
        return saved;
      });
      return reply.status(201).send(info);
    },
  );

  app.get(
    '/files/:id',
    {
      config: { access: 'authenticated' },
      schema: {
        tags: ['files'],
        summary: '下载自己（或本企业）上传的附件；已关联到政策或申请的附件请从对应对象下载',
        params: z.object({ id: z.string().min(1).max(64) }),
      },
    },
    async (req, reply) => {
      const p = req.principal!;
      const row = await store.row(req.params.id);
      const mine =
        row && (row.uploadedBy === p.userId || (!!row.enterpriseId && row.enterpriseId === p.enterpriseId));
      if (!row || !mine) throw notFound('附件');
      const stream = store.open(row);
      if (!stream) throw notFound('附件');
      return reply
        .type(row.mime)
        .header('content-disposition', contentDisposition(row.name))
        .header('content-length', String(row.size))
        .send(stream);
    },
  );
};
