import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { REVEAL_ROLES, revealRequestSchema, revealResponseSchema } from '../../../shared/privacy';
import type { PersonalDataService } from './reveal';

/** `POST /personal-data/reveal`: one masked value in clear, for a role that needs it, audited. */
export const privacyRoutes: FastifyPluginAsyncZod<{ privacy: PersonalDataService }> = async (
  app,
  { privacy },
) => {
  app.post(
    '/personal-data/reveal',
    {
      config: { access: REVEAL_ROLES },
      schema: {
        tags: ['platform'],
        summary: '查看脱敏的个人信息（记录审计日志）',
        description:
          '按 `{kind, id, field}` 返回一项个人信息的明文：user.phone（系统管理员）、enterprise_member.phone（该企业的企业专员、系统管理员）、appeal.contactPhone（诉求分拨员、承办该诉求部门的承办人、该企业的企业专员）、claim.contactPhone（该事项审核部门的承办人、政策编辑）、viewing_request.phone（楼宇编辑）。调用者看不到的对象答 404；能看到但角色无需查看答 403；每次查看写入一条 personal_data.reveal 审计记录；每人每小时限 60 次。',
        body: revealRequestSchema,
        response: { 200: revealResponseSchema },
      },
    },
    async (req) => privacy.reveal(req.ctx, req.body),
  );
};
