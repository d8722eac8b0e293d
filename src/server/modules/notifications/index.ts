import { hostname } from 'node:os';
import type { FastifyPluginAsync } from 'fastify';
import type { Platform } from '../../app';
import { notificationsRoutes } from './routes';
import { createOutboxSender } from './sender';

/**
 * Notifications (SPEC §2.7): the in-app inbox, the user's choice of kinds by SMS / e-mail, and the sender of the
 * outbox. Modules send through `Platform.notifications` (NotificationService).
 */
export const notificationsModule: FastifyPluginAsync<{ platform: Platform }> = async (app, opts) => {
  const { platform } = opts;
  await app.register(notificationsRoutes, { platform });
  if (platform.config.jobs.enabled) {
    const sender = createOutboxSender(
      {
        db: platform.database.db,
        clock: platform.clock,
        intervalMs: platform.config.jobs.intervalSeconds * 1000,
      },
      {
        holder: `${hostname()}:${process.pid}`,
        sms: platform.sms,
        email: platform.email,
        log: app.log,
        onError: (err) => app.log.error({ err }, 'notification outbox tick failed'),
      },
    );
    const outbox = platform.notifications.outbox;
    if (outbox) outbox.onQueued = () => sender.nudge();
    app.addHook('onReady', async () => sender.start());
    app.addHook('onClose', async () => sender.stop());
  }
};

export { OutboxChannel, renderEmail, renderSms } from './outbox';
export { createOutboxSender, type OutboxSender, type OutboxTickReport } from './sender';
export {
  type Delivery,
  InAppChannel,
  type NotificationChannel,
  NotificationService,
  type NotifyInput,
  type NotifyMessage,
} from './service';
