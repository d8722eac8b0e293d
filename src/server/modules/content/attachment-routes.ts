import fastifyMultipart from '@fastify/multipart';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { attachmentSchema } from '../../../shared/content-api';
import { ATTACHMENT_MAX_BYTES } from '../../../shared/files';
import type { Role } from '../../../shared/roles';
import { AppError } from '../../platform/errors';
import { tooLarge } from '../../platform/files/store';
import type { ContentServices } from './index';
import type { ContentKind } from './service';

const EDITORS: Role[] = ['content_editor'];
const TAGS = ['content'];
const ok = z.object({ ok: z.literal(true) });

/**
 * Attachments of articles and guides: one multipart part `file` (PDF, DOCX, XLSX, PNG, JPG by content; the platform
 * file store's size limit). Multipart is parsed only inside this plugin, as for the platform's own upload route.
 */
export const contentAttachmentRoutes: FastifyPluginAsyncZod<{
  services: ContentServices;
  maxBytes?: number;
}> = async (app, { services, maxBytes = ATTACHMENT_MAX_BYTES }) => {
  const { content } = services;
  await app.register(fastifyMultipart, {
    limits: { fileSize: maxBytes, files: 1, fields: 5, parts: 6, headerPairs: 100 },
  });

  for (const [kind, path, what] of [
    ['article', 'articles', '资讯'],
    ['guide', 'guides', '办事指南'],
  ] as const) {
    const k: ContentKind = kind;
    app.post(
      `/content/manage/${path}/:id/attachments`,
      {
        config: { access: EDITORS },
        schema: {
          tags: TAGS,
          summary: `上传${what}附件（multipart/form-data，字段名 file；PDF、DOCX、XLSX、PNG、JPG，单个不超过 10 MB）`,
          consumes: ['multipart/form-data'],
          params: z.object({ id: z.string().min(1).max(64) }),
          response: { 201: attachmentSchema },
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
          filename = part.filename;
          data = await part.toBuffer();
        } catch (err) {
          if (err instanceof AppError) throw err;
          const code = (err as { code?: string }).code;
          if (code === 'FST_REQ_FILE_TOO_LARGE') throw tooLarge(maxBytes);
          if (code === 'FST_FILES_LIMIT' || code === 'FST_PARTS_LIMIT')
            throw new AppError('PAYLOAD_TOO_LARGE', '一次只能上传一个文件');
          throw new AppError('VALIDATION_FAILED', '上传的内容不是有效的 multipart/form-data');
        }
        const saved = await content.addAttachment(req.ctx, k, req.params.id, { data, name: filename });
        return reply.status(201).send(saved);
      },
    );

    app.delete(
      `/content/manage/${path}/:id/attachments/:attachmentId`,
      {
        config: { access: EDITORS },
        schema: {
          tags: TAGS,
          summary: `删除${what}附件`,
          params: z.object({ id: z.string().min(1).max(64), attachmentId: z.string().min(1).max(64) }),
          response: { 200: ok },
        },
      },
      async (req) => {
        await content.removeAttachment(req.ctx, k, req.params.id, req.params.attachmentId);
        return { ok: true as const };
      },
    );
  }
};
