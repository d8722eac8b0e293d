// Who sees an appeal and how each of the caller's roles stands to it (workflow.ts AppealActor). Pure: the service
// loads the few columns it needs (appeal, its enterprise's liaison, its departments) and asks here.

import {
  type ActorRelation,
  APPEAL_ACTIONS,
  type AppealAction,
  type AppealActorRole,
  type AppealState,
} from '../../../shared/appeals';
import type { Principal } from '../../platform/context';
import { type AppealActor, type AppealFacts, allowedActions, type Decision, decide } from './workflow';

export interface AppealAccess {
  enterpriseId: string | null;
  submittedBy: string | null;
  /** enterprises.liaison_user_id of the appeal's enterprise. */
  liaisonUserId: string | null;
  departments: readonly { departmentId: string; role: string }[];
}

const ACTOR_ROLES: readonly AppealActorRole[] = [
  'enterprise_admin',
  'enterprise_member',
  'liaison',
  'dispatcher',
  'handler',
  'leader',
];

/** Whether the caller may see the appeal at all (everyone else gets 404). Admins see no appeal contents. */
export function canSee(p: Principal, a: AppealAccess): boolean {
  if (p.roles.includes('dispatcher') || p.roles.includes('leader')) return true;
  if (a.submittedBy !== null && a.submittedBy === p.userId) return true;
  if (p.enterpriseId && a.enterpriseId === p.enterpriseId) return true;
  if (p.roles.includes('liaison') && a.liaisonUserId === p.userId) return true;
  if (p.roles.includes('handler') && p.departmentId) {
    return a.departments.some((d) => d.departmentId === p.departmentId);
  }
  return false;
}

function relationOf(p: Principal, role: AppealActorRole, a: AppealAccess): ActorRelation {
  switch (role) {
    case 'enterprise_admin':
    case 'enterprise_member':
      if (a.submittedBy === p.userId) return 'submitter';
      return p.enterpriseId !== null && a.enterpriseId === p.enterpriseId ? 'own_enterprise' : 'none';
    case 'liaison':
      if (a.submittedBy === p.userId) return 'submitter';
      return a.liaisonUserId === p.userId ? 'own_enterprise' : 'none';
    case 'handler': {
      const d = p.departmentId ? a.departments.find((x) => x.departmentId === p.departmentId) : undefined;
      if (!d) return 'none';
      return d.role === 'lead' ? 'lead_department' : 'assisting_department';
    }
    default:
      return 'none';
  }
}

/** One actor per workflow role the caller holds, with his relation to this appeal. */
export function actorsFor(p: Principal, a: AppealAccess): AppealActor[] {
  return ACTOR_ROLES.filter((r) => (p.roles as readonly string[]).includes(r)).map((role) => ({
    role,
    relation: relationOf(p, role, a),
  }));
}

/** Role by role, the first that may act wins; otherwise the most telling refusal (a 409 before a 403). */
export function decideFor(
  actors: readonly AppealActor[],
  state: AppealState,
  action: AppealAction,
  facts: AppealFacts,
): { decision: Decision; actor: AppealActor | null } {
  let refusal: { decision: Decision; actor: AppealActor | null } | null = null;
  for (const actor of actors) {
    const decision = decide(state, action, actor, facts);
    if (decision.ok) return { decision, actor };
    if (
      !refusal ||
      (refusal.decision.ok === false && refusal.decision.status === 403 && decision.status === 409)
    ) {
      refusal = { decision, actor };
    }
  }
  return (
    refusal ?? {
      decision: {
        ok: false,
        status: 403,
        code: 'APPEAL_ACTION_FORBIDDEN',
        message: '您的角色不能对该诉求执行此操作',
      },
      actor: null,
    }
  );
}

/** The union of what the caller's roles may do now, in catalogue order. */
export function allowedFor(
  actors: readonly AppealActor[],
  state: AppealState,
  facts: AppealFacts,
): AppealAction[] {
  const set = new Set<AppealAction>();
  for (const actor of actors) for (const a of allowedActions(state, actor, facts)) set.add(a);
  return APPEAL_ACTIONS.filter((a) => a !== 'auto_close' && set.has(a));
}
