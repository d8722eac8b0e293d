import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  buildingDetailSchema,
  buildingMapSchema,
  buildingSearchQuerySchema,
  buildingSearchSchema,
  hotBuildingsQuerySchema,
  hotBuildingsSchema,
  viewingRequestInputSchema,
  viewingRequestListSchema,
} from '../../../shared/buildings-api';
import { contentDisposition } from '../../platform/files/store';
import type { BuildingServices } from './index';

const id = z.string().min(1).max(64);
const idParam = z.object({ id });
const TAGS = ['buildings'];

/** The public buildings routes: search, hot ranking, map, detail (counts a view), photos, favourites, 看房预约. */
export const buildingPublicRoutes: FastifyPluginAsyncZod<{ services: BuildingServices }> = async (
  app,
  { services },
) => {
  const { buildings, viewing } = services;

  app.get(
    '/buildings',
    {
      config: { access: 'public' },
      schema: {
        tags: TAGS,
        summary:
          '楼宇检索：关键词、街道、等级、用途、面积与租金区间（可按天或按月）、即时可租、标签、亿元楼；多种排序',
        querystring: buildingSearchQuerySchema,
        response: { 200: buildingSearchSchema },
      },
    },
    async (req) => {
      buildings.platform.searchTerms.record('buildings', req.query.q, req.query.page); // insights: counted in memory
      return buildings.search.search(req.query);
    },
  );

  app.get(
    '/buildings/hot',
    {
      config: { access: 'public' },
      schema: {
        tags: TAGS,
        summary: '热门楼宇（按浏览、收藏、看房预约的时间衰减热度排序）',
        querystring: hotBuildingsQuerySchema,
        response: { 200: hotBuildingsSchema },
      },
    },
    async (req) => buildings.hot(req.query.limit),
  );

  app.get(
    '/buildings/map',
    {
      config: { access: 'public' },
      schema: {
        tags: TAGS,
        summary: '楼宇地图：有坐标的在用楼宇及地图瓦片配置',
        response: { 200: buildingMapSchema },
      },
    },
    async () => buildings.map(),
  );

  app.get(
    '/buildings/photos/:photoId',
    {
      config: { access: 'public' },
      schema: { tags: TAGS, summary: '楼宇照片（图片内容）', params: z.object({ photoId: id }) },
    },
    async (req, reply) => {
      const row = await buildings.photoFile(req.ctx, req.params.photoId);
      const stream = buildings.files.open(row);
      if (!stream) return reply.status(404).send({ error: { code: 'NOT_FOUND', message: '照片不存在' } });
      return reply
        .type(row.mime)
        .header('content-disposition', contentDisposition(row.name, true))
        .header('content-length', String(row.size))
        .header('cache-control', 'public, max-age=86400')
        .send(stream);
    },
  );

  app.get(
    '/buildings/:id',
    {
      config: { access: 'public' },
      schema: {
        tags: TAGS,
        summary: '楼宇详情（照片、可租房源、入驻企业、招商项目、核实日期）；每位访客每天计一次浏览',
        params: idParam,
        response: { 200: buildingDetailSchema },
      },
    },
    async (req) => {
      await viewing.countView(req.ctx, req.params.id, req.headers['user-agent']);
      return buildings.detail(req.ctx, req.params.id);
    },
  );

  app.post(
    '/buildings/:id/favourite',
    {
      config: { access: 'authenticated' },
      schema: {
        tags: TAGS,
        summary: '收藏楼宇',
        params: idParam,
        response: { 200: z.object({ favourite: z.boolean() }) },
      },
    },
    async (req) => viewing.favourite(req.ctx, req.params.id, true),
  );

  app.delete(
    '/buildings/:id/favourite',
    {
      config: { access: 'authenticated' },
      schema: {
        tags: TAGS,
        summary: '取消收藏楼宇',
        params: idParam,
        response: { 200: z.object({ favourite: z.boolean() }) },
      },
    },
    async (req) => viewing.favourite(req.ctx, req.params.id, false),
  );

  app.post(
    '/buildings/:id/viewing-requests',
    {
      config: { access: 'public' },
      schema: {
        tags: TAGS,
        summary: '看房预约（访客可提交；按来源地址限频；通知楼宇编辑）',
        params: idParam,
        body: viewingRequestInputSchema,
        response: { 201: z.object({ id: z.string(), status: z.literal('pending') }) },
      },
    },
    async (req, reply) => reply.status(201).send(await viewing.request(req.ctx, req.params.id, req.body)),
  );

  app.get(
    '/viewing-requests/mine',
    {
      config: { access: 'authenticated' },
      schema: {
        tags: TAGS,
        summary: '我的看房预约',
        querystring: z.object({
          page: z.coerce.number().int().min(1).default(1),
          pageSize: z.coerce.number().int().min(1).max(100).default(50),
        }),
        response: { 200: viewingRequestListSchema },
      },
    },
    async (req) => viewing.mine(req.ctx, req.query.page, req.query.pageSize),
  );
};
