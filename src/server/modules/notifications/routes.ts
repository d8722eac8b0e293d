import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  notificationListQuerySchema,
  notificationListSchema,
  notificationPreferencesInputSchema,
  notificationPreferencesSchema,
  notificationSchema,
  outboxListQuerySchema,
  outboxListSchema,
} from '../../../shared/notifications';
import type { Platform } from '../../app';

const TAGS = ['notifications'];

/**
 * The caller's own inbox and his choice of what also reaches him by SMS / e-mail; another user's notification or
 * preferences do not exist for him (404, or simply no route to them). The outbox list is the administrator's.
 */
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

  app.get(
    '/notifications/preferences',
    {
      config: { access: 'authenticated' },
      schema: {
        tags: TAGS,
        summary: '我的通知设置：哪些消息同时通过短信、电子邮件发送，以及接收地址',
        response: { 200: notificationPreferencesSchema },
      },
    },
    async (req) => service.preferences(req.principal!.userId),
  );

  app.put(
    '/notifications/preferences',
    {
      config: { access: 'authenticated' },
      schema: {
        tags: TAGS,
        summary: '修改我的通知设置（只改所列的消息类型；email 为空字符串或 null 时删除邮箱）',
        body: notificationPreferencesInputSchema,
        response: { 200: notificationPreferencesSchema },
      },
    },
    async (req) => service.updatePreferences(req.ctx, req.body),
  );

  app.get(
    '/notifications/outbox',
    {
      config: { access: ['admin'] },
      schema: {
        tags: TAGS,
        summary: '短信、邮件发送记录（最新在前；接收方已脱敏，不含正文）',
        querystring: outboxListQuerySchema,
        response: { 200: outboxListSchema },
      },
    },
    async (req) => service.outboxList(req.query),
  );
};
