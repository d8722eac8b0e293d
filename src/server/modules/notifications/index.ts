import type { FastifyPluginAsync } from 'fastify';
import type { Platform } from '../../app';
import { notificationsRoutes } from './routes';

/** Notifications (SPEC §2.7): the in-app inbox. Modules send through `Platform.notifications` (NotificationService). */
export const notificationsModule: FastifyPluginAsync<{ platform: Platform }> = async (app, opts) => {
  await app.register(notificationsRoutes, { platform: opts.platform });
};

export {
  type Delivery,
  InAppChannel,
  type NotificationChannel,
  NotificationService,
  type NotifyInput,
  type NotifyMessage,
} from './service';
