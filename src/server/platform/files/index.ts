import type { FastifyPluginAsync } from 'fastify';
import type { Platform } from '../../app';
import { filesRoutes } from './routes';

/** Attachments: the upload route (multipart, scoped to this plugin) and the uploader's own download. */
export const filesModule: FastifyPluginAsync<{ platform: Platform }> = async (app, opts) => {
  await app.register(filesRoutes, { platform: opts.platform });
};

export {
  cleanFileName,
  contentDisposition,
  detectAllowedType,
  type FileRow,
  FileStore,
  toFileInfo,
} from './store';
