import type { FastifyPluginAsync } from 'fastify';
import type { Platform } from '../../app';
import { contentAttachmentRoutes } from './attachment-routes';
import { contentEditorRoutes } from './editor-routes';
import { PlanService } from './plans';
import { contentPublicRoutes } from './routes';
import { ContentService } from './service';

/** The services of the module, built once per app. */
export interface ContentServices {
  content: ContentService;
  plans: PlanService;
}

export function createContentServices(platform: Platform): ContentServices {
  return { content: new ContentService(platform), plans: new PlanService(platform) };
}

/**
 * Content (SPEC §2.6, 信息资讯): articles in four channels, service guides, the action plan and its measures,
 * attachments, Atom/RSS feeds. See README.md in this folder.
 */
export const contentModule: FastifyPluginAsync<{ platform: Platform }> = async (app, opts) => {
  const services = createContentServices(opts.platform);
  await app.register(contentAttachmentRoutes, { services });
  await app.register(contentEditorRoutes, { services });
  await app.register(contentPublicRoutes, { services });
};

export { CONTENT_SCOPES, indexArticle, indexGuide } from './indexer';
