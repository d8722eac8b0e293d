import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Role } from '../../../shared/roles';
import {
  visitCoverageSchema,
  visitCreateSchema,
  visitDetailSchema,
  visitEnterpriseOptionsSchema,
  visitListQuerySchema,
  visitListSchema,
  visitNoteInputSchema,
  visitProblemAppealSchema,
  visitProblemStatusInputSchema,
  visitUpdateSchema,
} from '../../../shared/visits-api';
import type { Platform } from '../../app';
import { VisitService } from './visits';

const id = z.string().min(1).max(64);
const idParam = z.object({ id });
const problemParams = z.object({ id, problemId: id });
const TAGS = ['visits'];

/** Who reads visit records: the liaison (his own) and the leader (all). */
const VISIT_READERS: readonly Role[] = ['liaison', 'leader'];
/**
 * Reads that an enterprise user might try by address: let through to the service, which answers 404 — visit records
 * are internal notes and do not exist for the enterprise (objects one may not see answer 404, ARCHITECTURE §3).
 */
const VISIT_READERS_OR_404: readonly Role[] = [...VISIT_READERS, 'enterprise_member', 'enterprise_admin'];

/** 走访记录 (SPEC §1, §2.2): a liaison's visits to his enterprises, and the leader's coverage view. */
export const visitRoutes: FastifyPluginAsyncZod<{ platform: Platform }> = async (app, { platform }) => {
  const service = new VisitService(platform);

  app.get(
    '/visits',
    {
      config: { access: VISIT_READERS },
      schema: {
        tags: TAGS,
        summary:
          '走访记录列表（专员：本人记录及所负责企业；督办领导：全区），可按企业、日期、形式、未办结问题筛选',
        querystring: visitListQuerySchema,
        response: { 200: visitListSchema },
      },
    },
    async (req) => service.list(req.ctx, req.query),
  );

  app.get(
    '/visits/enterprises',
    {
      config: { access: ['liaison'] },
      schema: {
        tags: TAGS,
        summary: '可记录走访的企业（专员所负责的企业）及最近一次走访日期',
        response: { 200: visitEnterpriseOptionsSchema },
      },
    },
    async (req) => service.enterpriseOptions(req.ctx),
  );

  app.get(
    '/visits/coverage',
    {
      config: { access: ['leader'] },
      schema: {
        tags: TAGS,
        summary: '走访覆盖：各专员走访次数、覆盖率，近 90 天未走访的企业',
        response: { 200: visitCoverageSchema },
      },
    },
    async () => service.coverage(),
  );

  app.post(
    '/visits',
    {
      config: { access: ['liaison'] },
      schema: {
        tags: TAGS,
        summary: '新增走访记录（仅限本人负责的企业）',
        body: visitCreateSchema,
        response: { 201: visitDetailSchema },
      },
    },
    async (req, reply) => reply.status(201).send(await service.create(req.ctx, req.body)),
  );

  app.get(
    '/visits/:id',
    {
      config: { access: VISIT_READERS_OR_404 },
      schema: {
        tags: TAGS,
        summary: '走访记录详情（含问题及所转诉求的状态、更正说明）；企业用户一律 404',
        params: idParam,
        response: { 200: visitDetailSchema },
      },
    },
    async (req) => service.get(req.ctx, req.params.id),
  );

  app.put(
    '/visits/:id',
    {
      config: { access: ['liaison'] },
      schema: {
        tags: TAGS,
        summary: '修改走访记录（记录人本人，创建后 7 天内；须带 version）',
        params: idParam,
        body: visitUpdateSchema,
        response: { 200: visitDetailSchema },
      },
    },
    async (req) => service.update(req.ctx, req.params.id, req.body),
  );

  app.post(
    '/visits/:id/notes',
    {
      config: { access: ['liaison'] },
      schema: {
        tags: TAGS,
        summary: '追加更正说明（记录人本人，随时可追加）',
        params: idParam,
        body: visitNoteInputSchema,
        response: { 201: visitDetailSchema },
      },
    },
    async (req, reply) =>
      reply.status(201).send(await service.addNote(req.ctx, req.params.id, req.body.text)),
  );

  app.patch(
    '/visits/:id/problems/:problemId',
    {
      config: { access: ['liaison'] },
      schema: {
        tags: TAGS,
        summary: '更新问题的处理情况（当场解答、持续跟进、已解决；企业现任专员）',
        params: problemParams,
        body: visitProblemStatusInputSchema,
        response: { 200: visitDetailSchema },
      },
    },
    async (req) => service.setProblemStatus(req.ctx, req.params.id, req.params.problemId, req.body.status),
  );

  app.post(
    '/visits/:id/problems/:problemId/appeal',
    {
      config: { access: ['liaison'] },
      schema: {
        tags: TAGS,
        summary: '问题转为诉求：以企业专员代提渠道为企业提交诉求，并在走访记录中关联',
        params: problemParams,
        body: visitProblemAppealSchema,
        response: { 201: visitDetailSchema },
      },
    },
    async (req, reply) =>
      reply.status(201).send(await service.toAppeal(req.ctx, req.params.id, req.params.problemId, req.body)),
  );

  app.get(
    '/enterprises/:id/visits',
    {
      config: { access: VISIT_READERS_OR_404 },
      schema: {
        tags: TAGS,
        summary: '企业的走访历史（专员所负责的企业；督办领导全部；企业用户一律 404）',
        params: idParam,
        querystring: visitListQuerySchema,
        response: { 200: visitListSchema },
      },
    },
    async (req) => service.forEnterprise(req.ctx, req.params.id, req.query),
  );
};
