// The appeal state machine (SPEC §2.4, 诉求闭环) as one table: for every action, who may take it, from which states
// and into which state, what it sets in motion, and the side conditions (extension pending, reopen window …).
// Pure: no database, no clock. The service computes the actor's relation to the appeal and the facts (from the row
// and sla.ts), calls decide(), stores `next`, applies `effects` and records the event, all in one transaction.
//
// Order of the checks, which the tests pin down:
//   1. 403 when the role (with its relation to this appeal) may never take the action, whatever the state;
//   2. 409 APPEAL_STATE_CONFLICT when the action does not apply to the current state;
//   3. 409 with a specific code when a side condition fails (e.g. no extension request to approve).
// Routes should answer 404 before calling decide() when the actor may not see the appeal at all (an enterprise
// user of another enterprise, a handler of an unrelated department); decide() still refuses them with 403 so that
// a forgotten visibility check cannot turn into a write.

import {
  type ActorRelation,
  APPEAL_ACTION_LABELS,
  APPEAL_ACTIONS,
  APPEAL_ACTOR_ROLE_LABELS,
  APPEAL_STATE_LABELS,
  type AppealAction,
  type AppealActorRole,
  type AppealRating,
  type AppealState,
  type ExtensionStatus,
  type SupervisionLevel,
} from '../../../shared/appeals';
import type { ErrorCode } from '../../../shared/errors';

export interface AppealActor {
  role: AppealActorRole;
  relation: ActorRelation;
}

/** Side facts some actions depend on; the service reads them from the appeal row and sla.ts. */
export interface AppealFacts {
  extension: ExtensionStatus;
  supervision: SupervisionLevel;
  /** The reply deadline (after any approved extension) has passed: extensions can no longer be asked or granted. */
  replyDeadlinePassed: boolean;
  /** The latest rating, if any. Reopen needs 不满意 or "not solved". */
  lastRating: { rating: AppealRating; solved: boolean } | null;
  /** Still within the reopen window after the rating (sla.ts isWithinWindow). */
  reopenWindowOpen: boolean;
  /** The rating window after the reply has elapsed without a rating (auto-close may run). */
  ratingWindowElapsed: boolean;
}

/** Conservative defaults: every side condition that unlocks something is false. */
export const NO_FACTS: AppealFacts = {
  extension: 'none',
  supervision: 'none',
  replyDeadlinePassed: false,
  lastRating: null,
  reopenWindowOpen: false,
  ratingWindowElapsed: false,
};

export type Clock = 'acceptance' | 'reply' | 'rating' | 'reopen';
export type Party = 'submitter' | 'dispatcher' | 'lead_department' | 'departments' | 'leader';

/** What a decision sets in motion besides the state change; the service applies them in the same transaction. */
export type AppealEffect =
  /** Compute and store a new deadline for this clock from now (sla.ts). */
  | { type: 'start_clock'; clock: Clock }
  /** The clock no longer runs (its deadline stays stored for statistics). */
  | { type: 'stop_clock'; clock: Clock }
  /** Resume the reply clock with the deadline it had before the return (insist: a wrong return buys no time). */
  | { type: 'restore_clock'; clock: 'reply' }
  /** Move the reply deadline by the approved number of working days. */
  | { type: 'extend_deadline'; clock: 'reply' }
  | { type: 'set_extension'; status: ExtensionStatus }
  /** Raise the supervision level to at least this one; urging a supervised appeal keeps 督办. */
  | { type: 'raise_supervision'; level: Exclude<SupervisionLevel, 'none'> }
  | { type: 'replace_departments' }
  | { type: 'record_rating' }
  /** Store the configured default rating, flagged as default so that statistics can leave it out. */
  | { type: 'apply_default_rating' }
  | { type: 'increment_reopen_count' }
  | { type: 'link_merge_target' }
  | { type: 'notify'; to: Party };

export type Decision =
  | { ok: true; next: AppealState; effects: AppealEffect[] }
  | { ok: false; status: 403 | 409; code: ErrorCode; message: string };

type Relations = readonly ActorRelation[] | 'any';
type Grant = readonly [AppealActorRole, Relations];
type Guard = (facts: AppealFacts, actor: AppealActor) => { code: ErrorCode; message: string } | undefined;

interface ActionRule {
  who: readonly Grant[];
  /** state -> next state; a state not listed means 409. */
  from: Partial<Record<AppealState, AppealState>>;
  effects: readonly AppealEffect[];
  guard?: Guard;
}

const OWN: readonly ActorRelation[] = ['submitter', 'own_enterprise'];
const ENTERPRISE: readonly Grant[] = [
  ['enterprise_member', OWN],
  ['enterprise_admin', OWN],
];
// The liaison acts on the enterprise's behalf (代提, 代补充) but does not rate: satisfaction is the enterprise's own.
const ON_BEHALF: readonly Grant[] = [['liaison', OWN]];
const DISPATCHER: readonly Grant[] = [['dispatcher', 'any']];
// Only the lead department (主办) signs, replies, returns and asks for time; assisting departments (协办) contribute
// their opinion to the lead, which answers the enterprise once.
const LEAD: readonly Grant[] = [['handler', ['lead_department']]];
const LEADER: readonly Grant[] = [['leader', 'any']];
const SYSTEM: readonly Grant[] = [['system', 'any']];
const HANDLING = { dispatched: 'dispatched', signed: 'signed' } as const;

const extensionNotPending: Guard = (f) =>
  f.extension === 'requested'
    ? { code: 'APPEAL_EXTENSION_PENDING', message: '已有待审批的延期申请，请等待分拨员审批' }
    : undefined;
const extensionPending: Guard = (f) =>
  f.extension === 'requested'
    ? undefined
    : { code: 'APPEAL_NO_EXTENSION_REQUEST', message: '该诉求没有待审批的延期申请' };
const beforeDeadline: Guard = (f) =>
  f.replyDeadlinePassed
    ? { code: 'APPEAL_DEADLINE_PASSED', message: '办理期限已过，不能再申请或批准延期' }
    : undefined;
const all =
  (...guards: Guard[]): Guard =>
  (f, a) => {
    for (const g of guards) {
      const refusal = g(f, a);
      if (refusal) return refusal;
    }
    return undefined;
  };

/** THE table. Every (state, action, role, relation) outcome follows from it and the three checks above. */
export const WORKFLOW: Record<AppealAction, ActionRule> = {
  accept: {
    who: DISPATCHER,
    from: { submitted: 'accepted' },
    effects: [
      { type: 'stop_clock', clock: 'acceptance' },
      { type: 'notify', to: 'submitter' },
    ],
  },
  reject: {
    who: DISPATCHER,
    from: { submitted: 'rejected', needs_info: 'rejected' },
    effects: [
      { type: 'stop_clock', clock: 'acceptance' },
      { type: 'notify', to: 'submitter' },
    ],
  },
  ask_info: {
    who: DISPATCHER,
    from: { submitted: 'needs_info' },
    // The desk's clock stops while the ball is with the submitter, and restarts on supply_info.
    effects: [
      { type: 'stop_clock', clock: 'acceptance' },
      { type: 'notify', to: 'submitter' },
    ],
  },
  supply_info: {
    who: [...ENTERPRISE, ...ON_BEHALF],
    from: { needs_info: 'submitted' },
    effects: [
      { type: 'start_clock', clock: 'acceptance' },
      { type: 'notify', to: 'dispatcher' },
    ],
  },
  dispatch: {
    who: DISPATCHER,
    from: { accepted: 'dispatched' },
    effects: [
      { type: 'replace_departments' },
      { type: 'start_clock', clock: 'reply' },
      { type: 'notify', to: 'departments' },
    ],
  },
  sign: { who: LEAD, from: { dispatched: 'signed' }, effects: [] },
  reply: {
    who: LEAD,
    from: { signed: 'replied' },
    effects: [
      { type: 'stop_clock', clock: 'reply' },
      { type: 'start_clock', clock: 'rating' },
      { type: 'notify', to: 'submitter' },
    ],
  },
  return: {
    who: LEAD,
    // Only before 签收: signing is the department's acknowledgement that the appeal is its own.
    from: { dispatched: 'returned' },
    effects: [
      { type: 'stop_clock', clock: 'reply' },
      { type: 'notify', to: 'dispatcher' },
    ],
  },
  redispatch: {
    who: DISPATCHER,
    from: { returned: 'dispatched' },
    effects: [
      { type: 'replace_departments' },
      { type: 'set_extension', status: 'none' },
      { type: 'start_clock', clock: 'reply' },
      { type: 'notify', to: 'departments' },
    ],
  },
  insist: {
    who: DISPATCHER,
    from: { returned: 'dispatched' },
    effects: [
      { type: 'restore_clock', clock: 'reply' },
      { type: 'notify', to: 'lead_department' },
    ],
  },
  request_extension: {
    who: LEAD,
    from: HANDLING,
    effects: [
      { type: 'set_extension', status: 'requested' },
      { type: 'notify', to: 'dispatcher' },
    ],
    guard: all(extensionNotPending, beforeDeadline),
  },
  approve_extension: {
    who: DISPATCHER,
    from: HANDLING,
    effects: [
      { type: 'set_extension', status: 'approved' },
      { type: 'extend_deadline', clock: 'reply' },
      { type: 'notify', to: 'lead_department' },
    ],
    guard: all(extensionPending, beforeDeadline),
  },
  deny_extension: {
    who: DISPATCHER,
    from: HANDLING,
    effects: [
      { type: 'set_extension', status: 'denied' },
      { type: 'notify', to: 'lead_department' },
    ],
    guard: extensionPending,
  },
  urge: {
    who: [...DISPATCHER, ...LEADER],
    from: HANDLING,
    effects: [
      { type: 'raise_supervision', level: 'urged' },
      { type: 'notify', to: 'lead_department' },
    ],
  },
  supervise: {
    who: LEADER,
    from: HANDLING,
    effects: [
      { type: 'raise_supervision', level: 'supervised' },
      { type: 'notify', to: 'lead_department' },
      { type: 'notify', to: 'dispatcher' },
    ],
    guard: (f) =>
      f.supervision === 'supervised'
        ? { code: 'APPEAL_ALREADY_SUPERVISED', message: '该诉求已在督办中' }
        : undefined,
  },
  rate: {
    who: ENTERPRISE,
    from: { replied: 'rated' },
    effects: [
      { type: 'record_rating' },
      { type: 'stop_clock', clock: 'rating' },
      { type: 'start_clock', clock: 'reopen' },
    ],
  },
  reopen: {
    // The dispatcher may reopen too, after a return visit (回访) finds the enterprise dissatisfied.
    who: [...ENTERPRISE, ...ON_BEHALF, ...DISPATCHER],
    from: { rated: 'dispatched' },
    effects: [
      { type: 'increment_reopen_count' },
      { type: 'stop_clock', clock: 'reopen' },
      { type: 'set_extension', status: 'none' },
      { type: 'start_clock', clock: 'reply' },
      { type: 'notify', to: 'departments' },
    ],
    guard: (f) => {
      if (!f.lastRating || (f.lastRating.rating !== 'dissatisfied' && f.lastRating.solved)) {
        return { code: 'APPEAL_NOT_DISSATISFIED', message: '只有评价为不满意或未解决的诉求才能重办' };
      }
      if (!f.reopenWindowOpen)
        return { code: 'APPEAL_REOPEN_WINDOW_CLOSED', message: '已超过可申请重办的期限' };
      return undefined;
    },
  },
  merge_into: {
    who: DISPATCHER,
    // Duplicates are caught at the desk, before departments spend work on them.
    from: { submitted: 'merged', accepted: 'merged', needs_info: 'merged' },
    effects: [
      { type: 'link_merge_target' },
      { type: 'stop_clock', clock: 'acceptance' },
      { type: 'notify', to: 'submitter' },
    ],
  },
  auto_close: {
    who: SYSTEM,
    from: { replied: 'closed' },
    effects: [{ type: 'apply_default_rating' }, { type: 'stop_clock', clock: 'rating' }],
    guard: (f) =>
      f.ratingWindowElapsed
        ? undefined
        : { code: 'APPEAL_RATING_WINDOW_OPEN', message: '评价期限未到，不能自动办结' },
  },
  close: {
    who: [...DISPATCHER, ...SYSTEM],
    from: { rated: 'closed' },
    effects: [{ type: 'stop_clock', clock: 'reopen' }],
    // The scheduler closes only once the enterprise can no longer ask for a reopen; the dispatcher may close at once.
    guard: (f, actor) =>
      actor.role === 'system' && f.reopenWindowOpen
        ? { code: 'APPEAL_REOPEN_WINDOW_OPEN', message: '重办期限未到，不能自动办结' }
        : undefined,
  },
};

function grantFor(rule: ActionRule, role: AppealActorRole): Grant | undefined {
  return rule.who.find(([r]) => r === role);
}

function forbidden(action: AppealAction, actor: AppealActor, roleHasGrant: boolean): Decision {
  const verb = APPEAL_ACTION_LABELS[action];
  let message = `${APPEAL_ACTOR_ROLE_LABELS[actor.role]}无权执行“${verb}”操作`;
  if (roleHasGrant) {
    // The role could, but not on this appeal: say why, in the words the person would use.
    if (actor.role === 'handler') {
      message =
        actor.relation === 'assisting_department'
          ? `协办部门不能${verb}，请由主办部门办理`
          : `该诉求未派给您所在的部门，不能${verb}`;
    } else if (actor.role === 'liaison') {
      message = `您不是该企业的企业专员，不能${verb}`;
    } else {
      message = `这不是本企业的诉求，不能${verb}`;
    }
  }
  return { ok: false, status: 403, code: 'APPEAL_ACTION_FORBIDDEN', message };
}

/** Whether `actor` may take `action` in `state`, and if so the next state and the effects to apply. */
export function decide(
  state: AppealState,
  action: AppealAction,
  actor: AppealActor,
  facts: AppealFacts = NO_FACTS,
): Decision {
  const rule = WORKFLOW[action];
  const grant = grantFor(rule, actor.role);
  if (!grant) return forbidden(action, actor, false);
  const relations = grant[1];
  if (relations !== 'any' && !relations.includes(actor.relation)) return forbidden(action, actor, true);

  const next = rule.from[state];
  if (next === undefined) {
    return {
      ok: false,
      status: 409,
      code: 'APPEAL_STATE_CONFLICT',
      message: `诉求当前状态为“${APPEAL_STATE_LABELS[state]}”，不能${APPEAL_ACTION_LABELS[action]}`,
    };
  }
  const refusal = rule.guard?.(facts, actor);
  if (refusal) return { ok: false, status: 409, ...refusal };
  return { ok: true, next, effects: [...rule.effects] };
}

/** The actions `actor` can take now, in catalogue order; the UI shows exactly these buttons. */
export function allowedActions(
  state: AppealState,
  actor: AppealActor,
  facts: AppealFacts = NO_FACTS,
): AppealAction[] {
  return APPEAL_ACTIONS.filter((action) => decide(state, action, actor, facts).ok);
}
