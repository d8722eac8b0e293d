import type { FastifyPluginAsync } from 'fastify';
import type { Platform } from '../../app';
import { calendarRoutes } from './routes';

/** Working-day calendar (工作日 / 调休): the endpoints of SPEC §3 and the admin's yearly additions. */
export const calendarModule: FastifyPluginAsync<{ platform: Platform }> = async (app, opts) => {
  await app.register(calendarRoutes, { platform: opts.platform });
};
export { CalendarService } from './service';
