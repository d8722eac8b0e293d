import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  notificationListQuerySchema,
  notificationListSchema,
  notificationSchema,
} from '../../../shared/notifications';
import type { Platform } from '../../app';

const TAGS = ['notifications'];

/** The caller's own inbox; another user's notification does not exist for him (404). */
export const notificationsRoutes: FastifyPluginAsyncZod<{ platform: Platform }> = async (
  app,
  { platform },
) => {
  const service = platform.notifications;

  app.get(
    '/notifications',
    {
      config: { access: 'authenticated' },
      schema: {
        tags: TAGS,
        summary: '我的消息（分页，最新在前；unread 为未读总数）',
        querystring: notificationListQuerySchema,
        response: { 200: notificationListSchema },
      },
    },
    async (req) => service.list(req.principal!.userId, req.query),
  );

  app.post(
    '/notifications/:id/read',
    {
      config: { access: 'authenticated' },
      schema: {
        tags: TAGS,
        summary: '标记一条消息为已读',
        params: z.object({ id: z.string().min(1).max(64) }),
        response: { 200: z.object({ notification: notificationSchema, unread: z.number().int() }) },
      },
    },
    async (req) => service.markRead(req.ctx, req.params.id),
  );

  app.post(
    '/notifications/read-all',
    {
      config: { access: 'authenticated' },
      schema: {
        tags: TAGS,
        summary: '全部标记为已读',
        response: { 200: z.object({ updated: z.number().int(), unread: z.number().int() }) },
      },
    },
    async (req) => service.markAllRead(req.ctx),
  );
};
