import { describe, expect, it } from 'vitest';
import {
  ACTOR_RELATIONS,
  type ActorRelation,
  APPEAL_ACTION_LABELS,
  APPEAL_ACTIONS,
  APPEAL_ACTOR_ROLES,
  APPEAL_STATE_LABELS,
  APPEAL_STATES,
  type AppealAction,
  type AppealActorRole,
  type AppealState,
} from '../../../shared/appeals';
import { type AppealFacts, allowedActions, decide, NO_FACTS } from './workflow';

// The expected outcome of every (state, action, role, relation) cell, written out by hand from SPEC §2.4 and NOT
// derived from workflow.ts. Two tables:
//   TRANSITIONS: for each action, the next state from each state ('.' = the action does not apply: 409);
//   WHO: for each action, the role/relation pairs that may take it at all ('*' = any relation); anyone else: 403.
// The cross-product test below walks all 20 actions × 11 states × 7 roles × 5 relations = 7,700 cells.

const TRANSITIONS = `
action            | submitted  | accepted | rejected | needs_info | dispatched | signed | replied | rated      | closed | returned   | merged
accept            | accepted   | .        | .        | .          | .          | .      | .       | .          | .      | .          | .
reject            | rejected   | .        | .        | rejected   | .          | .      | .       | .          | .      | .          | .
ask_info          | needs_info | .        | .        | .          | .          | .      | .       | .          | .      | .          | .
supply_info       | .          | .        | .        | submitted  | .          | .      | .       | .          | .      | .          | .
dispatch          | .          | dispatched | .      | .          | .          | .      | .       | .          | .      | .          | .
sign              | .          | .        | .        | .          | signed     | .      | .       | .          | .      | .          | .
reply             | .          | .        | .        | .          | .          | replied | .      | .          | .      | .          | .
return            | .          | .        | .        | .          | returned   | .      | .       | .          | .      | .          | .
redispatch        | .          | .        | .        | .          | .          | .      | .       | .          | .      | dispatched | .
insist            | .          | .        | .        | .          | .          | .      | .       | .          | .      | dispatched | .
request_extension | .          | .        | .        | .          | dispatched | signed | .       | .          | .      | .          | .
approve_extension | .          | .        | .        | .          | dispatched | signed | .       | .          | .      | .          | .
deny_extension    | .          | .        | .        | .          | dispatched | signed | .       | .          | .      | .          | .
urge              | .          | .        | .        | .          | dispatched | signed | .       | .          | .      | .          | .
supervise         | .          | .        | .        | .          | dispatched | signed | .       | .          | .      | .          | .
rate              | .          | .        | .        | .          | .          | .      | rated   | .          | .      | .          | .
reopen            | .          | .        | .        | .          | .          | .      | .       | dispatched | .      | .          | .
merge_into        | merged     | merged   | .        | merged     | .          | .      | .       | .          | .      | .          | .
auto_close        | .          | .        | .        | .          | .          | .      | closed  | .          | .      | .          | .
close             | .          | .        | .        | .          | .          | .      | .       | closed     | .      | .          | .
`;

const ENTERPRISE_OWN = [
  'enterprise_member/submitter',
  'enterprise_member/own_enterprise',
  'enterprise_admin/submitter',
  'enterprise_admin/own_enterprise',
];
const LIAISON_OWN = ['liaison/submitter', 'liaison/own_enterprise'];

const WHO: Record<AppealAction, string[]> = {
  accept: ['dispatcher/*'],
  reject: ['dispatcher/*'],
  ask_info: ['dispatcher/*'],
  supply_info: [...ENTERPRISE_OWN, ...LIAISON_OWN],
  dispatch: ['dispatcher/*'],
  sign: ['handler/lead_department'],
  reply: ['handler/lead_department'],
  return: ['handler/lead_department'],
  redispatch: ['dispatcher/*'],
  insist: ['dispatcher/*'],
  request_extension: ['handler/lead_department'],
  approve_extension: ['dispatcher/*'],
  deny_extension: ['dispatcher/*'],
  urge: ['dispatcher/*', 'leader/*'],
  supervise: ['leader/*'],
  rate: ENTERPRISE_OWN,
  reopen: [...ENTERPRISE_OWN, ...LIAISON_OWN, 'dispatcher/*'],
  merge_into: ['dispatcher/*'],
  auto_close: ['system/*'],
  close: ['dispatcher/*', 'system/*'],
};

// Side facts under which every guard passes, so that the cross product tests the table alone; the guards have
// their own tests further down.
const PASSING: AppealFacts = {
  extension: 'none',
  supervision: 'none',
  replyDeadlinePassed: false,
  lastRating: { rating: 'dissatisfied', solved: false },
  reopenWindowOpen: true,
  ratingWindowElapsed: true,
};
const GUARD_PASSING_FACTS: Partial<Record<AppealAction, AppealFacts>> = {
  approve_extension: { ...PASSING, extension: 'requested' },
  deny_extension: { ...PASSING, extension: 'requested' },
  // The scheduler closes a rated appeal only after the reopen window.
  close: { ...PASSING, reopenWindowOpen: false },
};

function parseTransitions(): Map<AppealAction, Map<AppealState, AppealState | null>> {
  const lines = TRANSITIONS.trim().split('\n');
  const header = lines[0]!.split('|').map((c) => c.trim());
  const result = new Map<AppealAction, Map<AppealState, AppealState | null>>();
  for (const line of lines.slice(1)) {
    const cells = line.split('|').map((c) => c.trim());
    const row = new Map<AppealState, AppealState | null>();
    header.slice(1).forEach((state, i) => {
      const cell = cells[i + 1]!;
      row.set(state as AppealState, cell === '.' ? null : (cell as AppealState));
    });
    result.set(cells[0] as AppealAction, row);
  }
  return result;
}

const table = parseTransitions();

function mayAct(action: AppealAction, role: AppealActorRole, relation: ActorRelation): boolean {
  return WHO[action].some((w) => w === `${role}/*` || w === `${role}/${relation}`);
}

describe('the expected tables themselves', () => {
  it('list every action once and every state as a column', () => {
    expect([...table.keys()].sort()).toEqual([...APPEAL_ACTIONS].sort());
    for (const row of table.values()) expect([...row.keys()].sort()).toEqual([...APPEAL_STATES].sort());
    expect(Object.keys(WHO).sort()).toEqual([...APPEAL_ACTIONS].sort());
  });

  it('name only real states and real role/relation pairs', () => {
    for (const row of table.values()) {
      for (const next of row.values()) if (next !== null) expect(APPEAL_STATES).toContain(next);
    }
    for (const grants of Object.values(WHO)) {
      for (const g of grants) {
        const [role, relation] = g.split('/');
        expect(APPEAL_ACTOR_ROLES).toContain(role);
        if (relation !== '*') expect(ACTOR_RELATIONS).toContain(relation);
      }
    }
  });
});

describe('decide: the full cross product of states × actions × roles × relations', () => {
  let cells = 0;
  for (const action of APPEAL_ACTIONS) {
    describe(action, () => {
      for (const role of APPEAL_ACTOR_ROLES) {
        it(`as ${role}, every relation and every state`, () => {
          const facts = GUARD_PASSING_FACTS[action] ?? PASSING;
          for (const relation of ACTOR_RELATIONS) {
            for (const state of APPEAL_STATES) {
              cells += 1;
              const got = decide(state, action, { role, relation }, facts);
              const where = `${action} by ${role}/${relation} in ${state}`;
              const next = table.get(action)!.get(state)!;
              if (!mayAct(action, role, relation)) {
                expect
                  .soft(got, where)
                  .toMatchObject({ ok: false, status: 403, code: 'APPEAL_ACTION_FORBIDDEN' });
              } else if (next === null) {
                expect.soft(got, where).toEqual({
                  ok: false,
                  status: 409,
                  code: 'APPEAL_STATE_CONFLICT',
                  message: `诉求当前状态为“${APPEAL_STATE_LABELS[state]}”，不能${APPEAL_ACTION_LABELS[action]}`,
                });
              } else {
                expect.soft(got, where).toMatchObject({ ok: true, next });
              }
            }
          }
        });
      }
    });
  }

  it('walked 7,700 cells', () => {
    expect(cells).toBe(20 * 11 * 7 * 5);
  });
});

describe('decide: messages', () => {
  it('names the state in Chinese on a 409', () => {
    const d = decide('signed', 'accept', { role: 'dispatcher', relation: 'none' });
    expect(d).toMatchObject({ status: 409, message: '诉求当前状态为“已签收”，不能受理' });
  });

  it.each([
    [{ role: 'liaison', relation: 'own_enterprise' }, 'rate', '企业专员无权执行“评价”操作'],
    [{ role: 'enterprise_member', relation: 'submitter' }, 'accept', '企业成员无权执行“受理”操作'],
    [{ role: 'handler', relation: 'assisting_department' }, 'sign', '协办部门不能签收，请由主办部门办理'],
    [{ role: 'handler', relation: 'none' }, 'reply', '该诉求未派给您所在的部门，不能答复'],
    [{ role: 'enterprise_admin', relation: 'none' }, 'rate', '这不是本企业的诉求，不能评价'],
    [{ role: 'liaison', relation: 'none' }, 'supply_info', '您不是该企业的企业专员，不能补充材料'],
    [{ role: 'system', relation: 'none' }, 'accept', '系统无权执行“受理”操作'],
  ] as const)('403 for %o doing %s: %s', (actor, action, message) => {
    expect(decide('submitted', action, actor)).toEqual({
      ok: false,
      status: 403,
      code: 'APPEAL_ACTION_FORBIDDEN',
      message,
    });
  });

  it('answers 403 before 409: a forbidden role learns nothing about the state', () => {
    expect(decide('closed', 'accept', { role: 'leader', relation: 'none' })).toMatchObject({ status: 403 });
  });
});

describe('decide: side conditions', () => {
  const lead = { role: 'handler', relation: 'lead_department' } as const;
  const desk = { role: 'dispatcher', relation: 'none' } as const;
  const leader = { role: 'leader', relation: 'none' } as const;
  const member = { role: 'enterprise_member', relation: 'submitter' } as const;
  const system = { role: 'system', relation: 'none' } as const;

  it.each([
    // action, actor, state, facts, expected code (undefined = allowed)
    ['request_extension', lead, 'signed', { extension: 'none' }, undefined],
    ['request_extension', lead, 'signed', { extension: 'denied' }, undefined],
    ['request_extension', lead, 'dispatched', { extension: 'approved' }, undefined],
    ['request_extension', lead, 'signed', { extension: 'requested' }, 'APPEAL_EXTENSION_PENDING'],
    ['request_extension', lead, 'signed', { replyDeadlinePassed: true }, 'APPEAL_DEADLINE_PASSED'],
    ['approve_extension', desk, 'signed', { extension: 'requested' }, undefined],
    ['approve_extension', desk, 'signed', { extension: 'none' }, 'APPEAL_NO_EXTENSION_REQUEST'],
    ['approve_extension', desk, 'signed', { extension: 'approved' }, 'APPEAL_NO_EXTENSION_REQUEST'],
    [
      'approve_extension',
      desk,
      'signed',
      { extension: 'requested', replyDeadlinePassed: true },
      'APPEAL_DEADLINE_PASSED',
    ],
    ['deny_extension', desk, 'signed', { extension: 'requested', replyDeadlinePassed: true }, undefined],
    ['deny_extension', desk, 'dispatched', { extension: 'none' }, 'APPEAL_NO_EXTENSION_REQUEST'],
    ['urge', desk, 'signed', { supervision: 'supervised' }, undefined],
    ['supervise', leader, 'signed', { supervision: 'none' }, undefined],
    ['supervise', leader, 'signed', { supervision: 'urged' }, undefined],
    ['supervise', leader, 'signed', { supervision: 'supervised' }, 'APPEAL_ALREADY_SUPERVISED'],
    [
      'reopen',
      member,
      'rated',
      { lastRating: { rating: 'dissatisfied', solved: true }, reopenWindowOpen: true },
      undefined,
    ],
    [
      'reopen',
      member,
      'rated',
      { lastRating: { rating: 'satisfied', solved: false }, reopenWindowOpen: true },
      undefined,
    ],
    [
      'reopen',
      member,
      'rated',
      { lastRating: { rating: 'basically_satisfied', solved: true }, reopenWindowOpen: true },
      'APPEAL_NOT_DISSATISFIED',
    ],
    ['reopen', member, 'rated', { lastRating: null, reopenWindowOpen: true }, 'APPEAL_NOT_DISSATISFIED'],
    [
      'reopen',
      member,
      'rated',
      { lastRating: { rating: 'dissatisfied', solved: false }, reopenWindowOpen: false },
      'APPEAL_REOPEN_WINDOW_CLOSED',
    ],
    ['auto_close', system, 'replied', { ratingWindowElapsed: true }, undefined],
    ['auto_close', system, 'replied', { ratingWindowElapsed: false }, 'APPEAL_RATING_WINDOW_OPEN'],
    ['close', desk, 'rated', { reopenWindowOpen: true }, undefined],
    ['close', system, 'rated', { reopenWindowOpen: true }, 'APPEAL_REOPEN_WINDOW_OPEN'],
    ['close', system, 'rated', { reopenWindowOpen: false }, undefined],
  ] as const)('%s by %o in %s with %o → %s', (action, actor, state, facts, code) => {
    const d = decide(state, action, actor, { ...NO_FACTS, ...facts });
    if (code === undefined) expect(d.ok).toBe(true);
    else expect(d).toMatchObject({ ok: false, status: 409, code });
  });

  it('defaults to no facts, which unlock nothing', () => {
    expect(decide('signed', 'approve_extension', desk)).toMatchObject({
      code: 'APPEAL_NO_EXTENSION_REQUEST',
    });
    expect(decide('rated', 'reopen', member)).toMatchObject({ code: 'APPEAL_NOT_DISSATISFIED' });
    expect(decide('replied', 'auto_close', system)).toMatchObject({ code: 'APPEAL_RATING_WINDOW_OPEN' });
  });
});

describe('decide: effects', () => {
  const desk = { role: 'dispatcher', relation: 'none' } as const;
  const effectsOf = (state: AppealState, action: AppealAction, facts: Partial<AppealFacts> = {}) => {
    const actor =
      action === 'auto_close'
        ? ({ role: 'system', relation: 'none' } as const)
        : action === 'reply' || action === 'return'
          ? ({ role: 'handler', relation: 'lead_department' } as const)
          : action === 'supervise'
            ? ({ role: 'leader', relation: 'none' } as const)
            : desk;
    const d = decide(state, action, actor, { ...NO_FACTS, ...facts });
    if (!d.ok) throw new Error(d.message);
    return d.effects;
  };

  it('starts the reply clock on dispatch and stops it on reply or return', () => {
    expect(effectsOf('accepted', 'dispatch')).toContainEqual({ type: 'start_clock', clock: 'reply' });
    expect(effectsOf('signed', 'reply')).toContainEqual({ type: 'stop_clock', clock: 'reply' });
    expect(effectsOf('signed', 'reply')).toContainEqual({ type: 'start_clock', clock: 'rating' });
    expect(effectsOf('dispatched', 'return')).toContainEqual({ type: 'stop_clock', clock: 'reply' });
  });

  it('keeps the old deadline when the dispatcher insists, and starts a new one on redispatch or reopen', () => {
    expect(effectsOf('returned', 'insist')).toContainEqual({ type: 'restore_clock', clock: 'reply' });
    expect(effectsOf('returned', 'insist')).not.toContainEqual({ type: 'start_clock', clock: 'reply' });
    expect(effectsOf('returned', 'redispatch')).toContainEqual({ type: 'start_clock', clock: 'reply' });
    const reopen = effectsOf('rated', 'reopen', {
      lastRating: { rating: 'dissatisfied', solved: false },
      reopenWindowOpen: true,
    });
    expect(reopen).toContainEqual({ type: 'increment_reopen_count' });
    expect(reopen).toContainEqual({ type: 'start_clock', clock: 'reply' });
  });

  it('moves the deadline only when an extension is approved', () => {
    expect(effectsOf('signed', 'approve_extension', { extension: 'requested' })).toContainEqual({
      type: 'extend_deadline',
      clock: 'reply',
    });
    expect(effectsOf('signed', 'deny_extension', { extension: 'requested' })).not.toContainEqual({
      type: 'extend_deadline',
      clock: 'reply',
    });
  });

  it('raises supervision and applies the default rating on auto-close', () => {
    expect(effectsOf('signed', 'urge')).toContainEqual({ type: 'raise_supervision', level: 'urged' });
    expect(effectsOf('signed', 'supervise')).toContainEqual({
      type: 'raise_supervision',
      level: 'supervised',
    });
    expect(effectsOf('replied', 'auto_close', { ratingWindowElapsed: true })).toContainEqual({
      type: 'apply_default_rating',
    });
  });

  it('hands out a copy, so a caller cannot corrupt the table', () => {
    const first = effectsOf('submitted', 'accept');
    first.length = 0;
    expect(effectsOf('submitted', 'accept').length).toBeGreaterThan(0);
  });
});

describe('allowedActions', () => {
  it.each([
    [
      'submitted',
      { role: 'dispatcher', relation: 'none' },
      NO_FACTS,
      ['accept', 'reject', 'ask_info', 'merge_into'],
    ],
    ['needs_info', { role: 'enterprise_member', relation: 'submitter' }, NO_FACTS, ['supply_info']],
    ['needs_info', { role: 'liaison', relation: 'own_enterprise' }, NO_FACTS, ['supply_info']],
    [
      'dispatched',
      { role: 'handler', relation: 'lead_department' },
      NO_FACTS,
      ['sign', 'return', 'request_extension'],
    ],
    ['dispatched', { role: 'handler', relation: 'assisting_department' }, NO_FACTS, []],
    [
      'signed',
      { role: 'handler', relation: 'lead_department' },
      { ...NO_FACTS, extension: 'requested' },
      ['reply'],
    ],
    [
      'signed',
      { role: 'dispatcher', relation: 'none' },
      { ...NO_FACTS, extension: 'requested' },
      ['approve_extension', 'deny_extension', 'urge'],
    ],
    ['signed', { role: 'leader', relation: 'none' }, NO_FACTS, ['urge', 'supervise']],
    ['replied', { role: 'enterprise_admin', relation: 'own_enterprise' }, NO_FACTS, ['rate']],
    ['replied', { role: 'liaison', relation: 'submitter' }, NO_FACTS, []],
    [
      'rated',
      { role: 'enterprise_member', relation: 'own_enterprise' },
      { ...NO_FACTS, lastRating: { rating: 'dissatisfied', solved: false }, reopenWindowOpen: true },
      ['reopen'],
    ],
    ['closed', { role: 'dispatcher', relation: 'none' }, NO_FACTS, []],
    ['merged', { role: 'leader', relation: 'none' }, NO_FACTS, []],
  ] as const)('in %s for %o', (state, actor, facts, expected) => {
    expect(allowedActions(state, actor, facts)).toEqual(expected);
  });
});
