import type { FastifyPluginAsync } from 'fastify';
import type { Platform } from '../../app';

/** Routes of the spreadsheet template, import (preview → commit) and export. */
export const buildingImportRoutes: FastifyPluginAsync<{ platform: Platform }> = async (_app, _opts) => {};
