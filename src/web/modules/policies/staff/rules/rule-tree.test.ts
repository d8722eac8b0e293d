import { describe, expect, it } from 'vitest';
import type { ConditionNode, LeafCondition, RuleSet } from '../../../../../shared/policy-rules';
import {
  addChild,
  childrenOf,
  collectIds,
  countLeaves,
  findNode,
  findParent,
  freshId,
  groupKind,
  isUnderNot,
  locateRuleError,
  moveNode,
  removeNode,
  setGroupKind,
  splitPath,
  unwrapGroup,
  updateNode,
  wrapInGroup,
} from './rule-tree';

const leaf = (id: string, label = id): LeafCondition => ({ id, label, kind: 'manual' });
const ids = (n: ConditionNode): string[] => childrenOf(n).map((c) => c.id);

/** root: all[a, any(g)[b, c], not(n)[d]] */
const tree = (): ConditionNode => ({
  id: 'root',
  all: [leaf('a'), { id: 'g', any: [leaf('b'), leaf('c')] }, { id: 'n', not: leaf('d') }],
});

let counter = 0;
const makeId = () => `new${++counter}`;

describe('rule tree editing', () => {
  it('finds nodes and their parents', () => {
    const t = tree();
    expect(findNode(t, 'c')?.id).toBe('c');
    expect(findParent(t, 'c')?.id).toBe('g');
    expect(findParent(t, 'd')?.id).toBe('n');
    expect(findParent(t, 'root')).toBeNull();
    expect(findNode(t, 'nope')).toBeNull();
  });

  it('updates one node and copies only the path to it', () => {
    const t = tree();
    const next = updateNode(t, 'b', (n) => ({ ...n, label: '新说明' }) as ConditionNode);
    expect((findNode(next, 'b') as LeafCondition).label).toBe('新说明');
    expect((findNode(t, 'b') as LeafCondition).label).toBe('b');
    expect(childrenOf(next)[0]).toBe(childrenOf(t)[0]);
    expect(childrenOf(next)[2]).toBe(childrenOf(t)[2]);
    expect(updateNode(t, 'nope', () => leaf('x'))).toBe(t);
  });

  it('removes a leaf, and a group that is left empty', () => {
    const t = tree();
    expect(ids(removeNode(t, 'a'))).toEqual(['g', 'n']);
    const noB = removeNode(t, 'b');
    expect(ids(findNode(noB, 'g')!)).toEqual(['c']);
    expect(ids(removeNode(noB, 'c'))).toEqual(['a', 'n']);
    // The only child of a `not` takes the `not` with it.
    expect(ids(removeNode(t, 'd'))).toEqual(['a', 'g']);
  });

  it('keeps the root, emptied, when everything is removed', () => {
    let t = tree();
    for (const id of ['a', 'b', 'c', 'd']) t = removeNode(t, id);
    expect(t).toEqual({ id: 'root', all: [] });
    expect(removeNode(tree(), 'root')).toEqual({ id: 'root', all: [] });
  });

  it('adds children to all/any groups and merges into a not', () => {
    const t = tree();
    expect(ids(findNode(addChild(t, 'g', leaf('e'), makeId), 'g')!)).toEqual(['b', 'c', 'e']);
    const n = findNode(addChild(t, 'n', leaf('e'), makeId), 'n')!;
    expect(groupKind(n)).toBe('not');
    const inner = childrenOf(n)[0]!;
    expect(groupKind(inner)).toBe('all');
    expect(ids(inner)).toEqual(['d', 'e']);
    // A leaf is no group: nothing happens.
    expect(addChild(t, 'a', leaf('e'), makeId)).toEqual(t);
  });

  it('moves a node among its siblings and stops at the ends', () => {
    const t = tree();
    expect(ids(moveNode(t, 'g', -1))).toEqual(['g', 'a', 'n']);
    expect(ids(moveNode(t, 'g', 1))).toEqual(['a', 'n', 'g']);
    expect(moveNode(t, 'a', -1)).toBe(t);
    expect(moveNode(t, 'n', 1)).toBe(t);
    expect(moveNode(t, 'd', 1)).toBe(t);
  });

  it('switches connectives, wrapping several children for a not and unwrapping them again', () => {
    const t = tree();
    const anyRoot = setGroupKind(t, 'root', 'any', makeId);
    expect(groupKind(anyRoot)).toBe('any');
    expect(ids(anyRoot)).toEqual(['a', 'g', 'n']);
    const notG = setGroupKind(t, 'g', 'not', makeId);
    const g = findNode(notG, 'g')!;
    expect(groupKind(g)).toBe('not');
    expect(ids(childrenOf(g)[0]!)).toEqual(['b', 'c']);
    const back = setGroupKind(notG, 'g', 'any', makeId);
    expect(ids(findNode(back, 'g')!)).toEqual(['b', 'c']);
    expect(setGroupKind(t, 'a', 'any', makeId)).toEqual(t);
  });

  it('wraps a node in a new group and unwraps a group of one', () => {
    const t = tree();
    const w = wrapInGroup(t, 'a', 'any', 'w1');
    expect(ids(w)).toEqual(['w1', 'g', 'n']);
    expect(ids(findNode(w, 'w1')!)).toEqual(['a']);
    expect(unwrapGroup(w, 'w1')).toEqual(t);
    expect(unwrapGroup(t, 'g')).toBe(t);
    expect(unwrapGroup(t, 'n')).toBe(t);
  });

  it('knows what sits under a not', () => {
    const t = tree();
    expect(isUnderNot(t, 'd')).toBe(true);
    expect(isUnderNot(t, 'b')).toBe(false);
    expect(countLeaves(t)).toBe(4);
  });

  it('hands out ids unused anywhere in the rule set, amount conditions included', () => {
    const rules: RuleSet = {
      schemaVersion: 1,
      conditions: { id: 'c1', all: [leaf('c2')] },
      amount: {
        kind: 'sum',
        of: [{ when: leaf('c3'), amount: { kind: 'fixed', amount: 1 } }],
      },
    };
    const taken = collectIds(rules);
    expect([...taken].sort()).toEqual(['c1', 'c2', 'c3']);
    expect(freshId(taken)).toBe('c4');
    expect(freshId(taken)).toBe('c5');
  });
});

describe('server errors on the right node', () => {
  it('splits JSON paths', () => {
    expect(splitPath('rules.conditions.all[2].any[0].value')).toEqual([
      'rules',
      'conditions',
      'all',
      2,
      'any',
      0,
      'value',
    ]);
    expect(splitPath('amount.tiers[1].atLeast')).toEqual(['amount', 'tiers', 1, 'atLeast']);
  });

  it.each([
    ['rules.conditions.all[1].any[1].label', 'c', 'label'],
    ['rules.conditions.all[2].not.kind', 'd', 'kind'],
    ['rules.conditions.all[0]', 'a', ''],
    ['rules.conditions.all[0].quantity.year.offset', 'a', 'quantity.year.offset'],
    ['rules.conditions', 'root', ''],
    ['rules.conditions.all[9].value', 'root', 'all.9.value'],
  ])('%s belongs to node %s (field %j)', (path, nodeId, field) => {
    const target = locateRuleError({ conditions: tree() }, path, '错');
    expect(target).toEqual({ nodeId, section: 'conditions', field, message: '错' });
  });

  it('sends amount and rule-set errors to their sections', () => {
    expect(locateRuleError({ conditions: tree() }, 'rules.amount.tiers[1].atLeast', 'x')).toEqual({
      nodeId: null,
      section: 'amount',
      field: 'tiers.1.atLeast',
      message: 'x',
    });
    expect(locateRuleError({ conditions: tree() }, 'rules', 'x').section).toBe('rules');
    expect(locateRuleError({ conditions: tree() }, 'rules.rewardYear', 'x')).toMatchObject({
      section: 'rules',
      field: 'rewardYear',
    });
  });
});
