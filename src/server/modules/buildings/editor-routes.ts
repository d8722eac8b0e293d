import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  buildingDetailSchema,
  buildingInputSchema,
  buildingManageQuerySchema,
  buildingSearchSchema,
  buildingUpdateSchema,
  moveOutSchema,
  occupantInputSchema,
  occupantSchema,
  occupantUpdateSchema,
  photoInputSchema,
  photoSchema,
  projectInputSchema,
  projectListQuerySchema,
  projectListSchema,
  projectSchema,
  projectUpdateSchema,
  spaceInputSchema,
  spaceSchema,
  spaceUpdateSchema,
  viewingQueueQuerySchema,
  viewingRequestListSchema,
  viewingRequestSchema,
  viewingStatusInputSchema,
} from '../../../shared/buildings-api';
import type { Role } from '../../../shared/roles';
import type { BuildingServices } from './index';

const id = z.string().min(1).max(64);
const idParam = z.object({ id });
const TAGS = ['buildings'];
const EDITORS: Role[] = ['building_editor'];
const ok = z.object({ ok: z.literal(true) });
const occupantOut = occupantSchema;

/** The building editor's routes (楼宇编辑): buildings, spaces, occupants, projects, photos, the viewing queue. */
export const buildingEditorRoutes: FastifyPluginAsyncZod<{ services: BuildingServices }> = async (
  app,
  { services },
) => {
  const { buildings, viewing } = services;
  const config = { access: EDITORS };

  app.get(
    '/buildings/manage',
    {
      config,
      schema: {
        tags: TAGS,
        summary: '楼宇管理列表（含已归档；可筛选超期未核实），筛选条件同检索',
        querystring: buildingManageQuerySchema,
        response: { 200: buildingSearchSchema },
      },
    },
    async (req) => buildings.search.search(req.query, true),
  );

  app.post(
    '/buildings',
    {
      config,
      schema: {
        tags: TAGS,
        summary: '新建楼宇',
        body: buildingInputSchema,
        response: { 201: buildingDetailSchema },
      },
    },
    async (req, reply) => reply.status(201).send(await buildings.createBuilding(req.ctx, req.body)),
  );

  app.patch(
    '/buildings/:id',
    {
      config,
      schema: {
        tags: TAGS,
        summary: '修改楼宇（verified: true 同时记为今日核实）',
        params: idParam,
        body: buildingUpdateSchema,
        response: { 200: buildingDetailSchema },
      },
    },
    async (req) => buildings.updateBuilding(req.ctx, req.params.id, req.body),
  );

  app.post(
    '/buildings/:id/archive',
    {
      config,
      schema: {
        tags: TAGS,
        summary: '归档楼宇（不再公开）',
        params: idParam,
        response: { 200: buildingDetailSchema },
      },
    },
    async (req) => buildings.setStatus(req.ctx, req.params.id, 'archive'),
  );

  app.post(
    '/buildings/:id/verify',
    {
      config,
      schema: {
        tags: TAGS,
        summary: '标记楼宇信息今日已核实',
        params: idParam,
        response: { 200: buildingDetailSchema },
      },
    },
    async (req) => buildings.setStatus(req.ctx, req.params.id, 'verify'),
  );

  // ——— spaces ———
  app.post(
    '/buildings/:id/spaces',
    {
      config,
      schema: {
        tags: TAGS,
        summary: '新增房源（租金按录入的金额与单位保存，并折算为元/㎡·月）',
        params: idParam,
        body: spaceInputSchema,
        response: { 201: spaceSchema },
      },
    },
    async (req, reply) => reply.status(201).send(await buildings.addSpace(req.ctx, req.params.id, req.body)),
  );

  app.patch(
    '/building-spaces/:id',
    {
      config,
      schema: {
        tags: TAGS,
        summary: '修改房源',
        params: idParam,
        body: spaceUpdateSchema,
        response: { 200: spaceSchema },
      },
    },
    async (req) => buildings.updateSpace(req.ctx, req.params.id, req.body),
  );

  app.delete(
    '/building-spaces/:id',
    { config, schema: { tags: TAGS, summary: '删除房源', params: idParam, response: { 200: ok } } },
    async (req) => {
      await buildings.deleteSpace(req.ctx, req.params.id);
      return { ok: true as const };
    },
  );

  // ——— occupants ———
  app.post(
    '/buildings/:id/occupants',
    {
      config,
      schema: {
        tags: TAGS,
        summary: '登记入驻企业（可关联企业库）',
        params: idParam,
        body: occupantInputSchema,
        response: { 201: occupantOut },
      },
    },
    async (req, reply) =>
      reply.status(201).send(await buildings.addOccupant(req.ctx, req.params.id, req.body)),
  );

  app.patch(
    '/building-occupants/:id',
    {
      config,
      schema: {
        tags: TAGS,
        summary: '修改入驻企业',
        params: idParam,
        body: occupantUpdateSchema,
        response: { 200: occupantOut },
      },
    },
    async (req) => buildings.updateOccupant(req.ctx, req.params.id, req.body),
  );

  app.post(
    '/building-occupants/:id/move-out',
    {
      config,
      schema: {
        tags: TAGS,
        summary: '登记企业迁出（默认今日）',
        params: idParam,
        body: moveOutSchema.optional(),
        response: { 200: occupantOut },
      },
    },
    async (req) => buildings.moveOut(req.ctx, req.params.id, req.body?.movedOutOn),
  );

  // ——— projects ———
  app.get(
    '/building-projects',
    {
      config,
      schema: {
        tags: TAGS,
        summary: '招商项目列表',
        querystring: projectListQuerySchema,
        response: { 200: projectListSchema },
      },
    },
    async (req) => buildings.listProjects(req.ctx, req.query),
  );

  app.post(
    '/buildings/:id/projects',
    {
      config,
      schema: {
        tags: TAGS,
        summary: '新增招商项目',
        params: idParam,
        body: projectInputSchema,
        response: { 201: projectSchema },
      },
    },
    async (req, reply) =>
      reply.status(201).send(await buildings.addProject(req.ctx, req.params.id, req.body)),
  );

  app.patch(
    '/building-projects/:id',
    {
      config,
      schema: {
        tags: TAGS,
        summary: '修改招商项目',
        params: idParam,
        body: projectUpdateSchema,
        response: { 200: projectSchema },
      },
    },
    async (req) => buildings.updateProject(req.ctx, req.params.id, req.body),
  );

  // ——— photos ———
  app.post(
    '/buildings/:id/photos',
    {
      config,
      schema: {
        tags: TAGS,
        summary: '添加楼宇照片（先以 purpose=building 上传文件）',
        params: idParam,
        body: photoInputSchema,
        response: { 201: photoSchema },
      },
    },
    async (req, reply) => reply.status(201).send(await buildings.addPhoto(req.ctx, req.params.id, req.body)),
  );

  app.delete(
    '/building-photos/:id',
    { config, schema: { tags: TAGS, summary: '删除楼宇照片', params: idParam, response: { 200: ok } } },
    async (req) => {
      await buildings.deletePhoto(req.ctx, req.params.id);
      return { ok: true as const };
    },
  );

  // ——— viewing queue ———
  app.get(
    '/viewing-requests',
    {
      config,
      schema: {
        tags: TAGS,
        summary: '看房预约处理队列',
        querystring: viewingQueueQuerySchema,
        response: { 200: viewingRequestListSchema },
      },
    },
    async (req) => viewing.queue(req.query),
  );

  app.patch(
    '/viewing-requests/:id',
    {
      config,
      schema: {
        tags: TAGS,
        summary: '更新看房预约状态（通知预约人）',
        params: idParam,
        body: viewingStatusInputSchema,
        response: { 200: viewingRequestSchema },
      },
    },
    async (req) => viewing.updateStatus(req.ctx, req.params.id, req.body),
  );
};
