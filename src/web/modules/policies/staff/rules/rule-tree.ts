import type {
  AmountFormula,
  ConditionNode,
  GroupNode,
  LeafCondition,
  RuleSet,
} from '../../../../../shared/policy-rules';

/**
 * Editing operations on a rule set's condition tree (all / any / not groups over leaf conditions), as pure
 * functions over immutable values: the editor's state is one RuleSet, every button is one of these, and the tests
 * below them say what each does at the edges (the root, a `not`, the last child of a group).
 */

export type GroupKind = 'all' | 'any' | 'not';

export function groupKind(node: ConditionNode): GroupKind | null {
  if ('all' in node) return 'all';
  if ('any' in node) return 'any';
  if ('not' in node) return 'not';
  return null;
}

export function isGroup(node: ConditionNode): node is GroupNode {
  return groupKind(node) !== null;
}

export function isLeaf(node: ConditionNode): node is LeafCondition {
  return !isGroup(node);
}

export function childrenOf(node: ConditionNode): ConditionNode[] {
  if ('all' in node) return node.all;
  if ('any' in node) return node.any;
  if ('not' in node) return [node.not];
  return [];
}

/** A group of the given kind over these children (a `not` over several wraps them in an `all` first). */
function withChildren(
  group: GroupNode,
  kind: GroupKind,
  children: ConditionNode[],
  makeId: () => string,
): GroupNode {
  const base = { id: group.id, ...(group.label ? { label: group.label } : {}) };
  if (kind === 'not') {
    const only = children.length === 1 ? children[0]! : { id: makeId(), all: children };
    return { ...base, not: only };
  }
  return kind === 'all' ? { ...base, all: children } : { ...base, any: children };
}

export function findNode(root: ConditionNode, id: string): ConditionNode | null {
  if (root.id === id) return root;
  for (const c of childrenOf(root)) {
    const hit = findNode(c, id);
    if (hit) return hit;
  }
  return null;
}

/** The group directly holding `id`, or null for the root (or an unknown id). */
export function findParent(root: ConditionNode, id: string): GroupNode | null {
  for (const c of childrenOf(root)) {
    if (c.id === id) return root as GroupNode;
    const hit = findParent(c, id);
    if (hit) return hit;
  }
  return null;
}

/** Replace the node `id` with what `fn` makes of it; the tree is copied along the path only. */
export function updateNode(
  root: ConditionNode,
  id: string,
  fn: (node: ConditionNode) => ConditionNode,
): ConditionNode {
  if (root.id === id) return fn(root);
  const kind = groupKind(root);
  if (!kind) return root;
  const kids = childrenOf(root);
  let changed = false;
  const next = kids.map((c) => {
    const n = updateNode(c, id, fn);
    if (n !== c) changed = true;
    return n;
  });
  if (!changed) return root;
  return withChildren(root as GroupNode, kind, next, () => {
    throw new Error('unreachable: the child count did not change');
  });
}

/**
 * Remove the node `id`. A group left empty goes too (an empty all/any means nothing and the server refuses it), up
 * to the root, which stays as an empty `all` for the editor to fill again.
 */
export function removeNode(root: ConditionNode, id: string): ConditionNode {
  if (root.id === id) return { id: root.id, all: [] };
  const parent = findParent(root, id);
  if (!parent) return root;
  const remaining = childrenOf(parent).filter((c) => c.id !== id);
  if (remaining.length === 0 && parent.id !== root.id) return removeNode(root, parent.id);
  if (remaining.length === 0) return { id: root.id, ...(root.label ? { label: root.label } : {}), all: [] };
  const kind = groupKind(parent)!;
  // A `not` has one child: removing it removed the `not` above (handled as "left empty").
  return updateNode(root, parent.id, (p) =>
    withChildren(p as GroupNode, kind, remaining, () => {
      throw new Error('unreachable');
    }),
  );
}

/** Append `node` to the group `groupId` (to a `not`, it joins an `all` with the existing child). */
export function addChild(
  root: ConditionNode,
  groupId: string,
  node: ConditionNode,
  makeId: () => string,
): ConditionNode {
  return updateNode(root, groupId, (g) => {
    const kind = groupKind(g);
    if (!kind) return g;
    if (kind === 'not') {
      const inner = (g as { not: ConditionNode }).not;
      const innerKind = groupKind(inner);
      const merged: ConditionNode =
        innerKind === 'all'
          ? { ...inner, all: [...childrenOf(inner), node] }
          : { id: makeId(), all: [inner, node] };
      return { ...(g as GroupNode), not: merged } as GroupNode;
    }
    return withChildren(g as GroupNode, kind, [...childrenOf(g), node], makeId);
  });
}

/** Move `id` one place up (-1) or down (+1) among its siblings; nothing happens at either end. */
export function moveNode(root: ConditionNode, id: string, delta: -1 | 1): ConditionNode {
  const parent = findParent(root, id);
  if (!parent) return root;
  const kind = groupKind(parent)!;
  if (kind === 'not') return root;
  const kids = [...childrenOf(parent)];
  const i = kids.findIndex((c) => c.id === id);
  const j = i + delta;
  if (j < 0 || j >= kids.length) return root;
  [kids[i], kids[j]] = [kids[j]!, kids[i]!];
  return updateNode(root, parent.id, (p) => withChildren(p as GroupNode, kind, kids, () => ''));
}

/** Change a group's connective. all ↔ any keep the children; to `not`, several children are first put in an `all`. */
export function setGroupKind(
  root: ConditionNode,
  id: string,
  kind: GroupKind,
  makeId: () => string,
): ConditionNode {
  return updateNode(root, id, (g) => {
    const current = groupKind(g);
    if (!current || current === kind) return g;
    let kids = childrenOf(g);
    // Leaving a `not` whose child is an `all` made for it: lift the children rather than nest a lone group.
    if (current === 'not' && kids.length === 1 && groupKind(kids[0]!) === 'all' && !kids[0]!.label)
      kids = childrenOf(kids[0]!);
    return withChildren(g as GroupNode, kind, kids, makeId);
  });
}

/** Put the node `id` inside a new group of `kind` (e.g. to add an alternative with 满足其一). */
export function wrapInGroup(root: ConditionNode, id: string, kind: GroupKind, newId: string): ConditionNode {
  return updateNode(root, id, (n) =>
    kind === 'not'
      ? { id: newId, not: n }
      : kind === 'all'
        ? { id: newId, all: [n] }
        : { id: newId, any: [n] },
  );
}

/** Replace a group by its only child (undo a wrap); nothing happens to a group with several children. */
export function unwrapGroup(root: ConditionNode, id: string): ConditionNode {
  const node = findNode(root, id);
  if (!node || !isGroup(node)) return root;
  const kids = childrenOf(node);
  if (kids.length !== 1 || groupKind(node) === 'not') return root;
  return updateNode(root, id, () => kids[0]!);
}

/** Does `id` sit under a `not` (where manual conditions are not allowed)? */
export function isUnderNot(root: ConditionNode, id: string): boolean {
  let parent = findParent(root, id);
  while (parent) {
    if (groupKind(parent) === 'not') return true;
    parent = findParent(root, parent.id);
  }
  return false;
}

export function countLeaves(node: ConditionNode): number {
  return isGroup(node) ? childrenOf(node).reduce((n, c) => n + countLeaves(c), 0) : 1;
}

// ——— ids ———

function conditionIds(node: ConditionNode, into: Set<string>): void {
  into.add(node.id);
  for (const c of childrenOf(node)) conditionIds(c, into);
}

function formulaIds(f: AmountFormula | undefined, into: Set<string>): void {
  if (!f) return;
  switch (f.kind) {
    case 'tiers':
      for (const t of f.tiers) formulaIds(t.amount, into);
      return;
    case 'byCategory':
      for (const c of f.cases) formulaIds(c.amount, into);
      formulaIds(f.otherwise, into);
      return;
    case 'max':
      for (const x of f.of) formulaIds(x, into);
      return;
    case 'sum':
      for (const c of f.of) {
        if (c.when) conditionIds(c.when, into);
        formulaIds(c.amount, into);
      }
      return;
    case 'multiplier':
      conditionIds(f.when, into);
      formulaIds(f.base, into);
      return;
    case 'monthly':
      formulaIds(f.perMonth, into);
      return;
    case 'clamp':
    case 'sharedCap':
      formulaIds(f.amount, into);
      return;
    default:
      return;
  }
}

/** Every node id of the rule set: conditions and the conditions inside amount formulas share one namespace. */
export function collectIds(rules: Pick<RuleSet, 'conditions' | 'amount'>): Set<string> {
  const ids = new Set<string>();
  conditionIds(rules.conditions, ids);
  formulaIds(rules.amount, ids);
  return ids;
}

/** A fresh id `c1`, `c2` … not yet used in the rule set (`taken` grows, so several calls in a row stay unique). */
export function freshId(taken: Set<string>, prefix = 'c'): string {
  for (let i = 1; ; i++) {
    const id = `${prefix}${i}`;
    if (!taken.has(id)) {
      taken.add(id);
      return id;
    }
  }
}

// ——— server errors on the right node ———

export interface RuleErrorTarget {
  /** The condition node the error belongs to, when the path runs through the condition tree. */
  nodeId: string | null;
  /** 'conditions', 'amount' or 'rules' (the rule set itself). */
  section: 'conditions' | 'amount' | 'rules';
  /** What is left of the path inside the node: `value`, `quantity.year.offset`, `tiers[1].atLeast`. */
  field: string;
  message: string;
}

/** `rules.conditions.all[2].any[0].value` → ['rules', 'conditions', 'all', 2, 'any', 0, 'value']. */
export function splitPath(path: string): (string | number)[] {
  const out: (string | number)[] = [];
  for (const part of path.split('.')) {
    const m = part.match(/^([^[\]]*)((?:\[\d+\])*)$/);
    if (!m) {
      out.push(part);
      continue;
    }
    if (m[1]) out.push(m[1]);
    for (const idx of m[2]!.matchAll(/\[(\d+)\]/g)) out.push(Number(idx[1]));
  }
  return out;
}

/**
 * Where a server error (400 INVALID_RULES, `field` = JSON path of the offending node) belongs in the editor: the
 * deepest condition node the path reaches in `rules`, and the rest of the path as the field inside it.
 */
export function locateRuleError(
  rules: Pick<RuleSet, 'conditions'>,
  path: string,
  message: string,
): RuleErrorTarget {
  const parts = splitPath(path);
  if (parts[0] === 'rules') parts.shift();
  const section = parts[0];
  if (section !== 'conditions') {
    return {
      nodeId: null,
      section: section === 'amount' ? 'amount' : 'rules',
      field: parts.slice(section === 'amount' ? 1 : 0).join('.'),
      message,
    };
  }
  let node: ConditionNode = rules.conditions;
  let i = 1;
  while (i < parts.length) {
    const key = parts[i];
    const kind = groupKind(node);
    if (kind === 'not' && key === 'not') {
      node = (node as { not: ConditionNode }).not;
      i += 1;
      continue;
    }
    if ((kind === 'all' || kind === 'any') && key === kind && typeof parts[i + 1] === 'number') {
      const child = childrenOf(node)[parts[i + 1] as number];
      if (!child) break;
      node = child;
      i += 2;
      continue;
    }
    break;
  }
  return { nodeId: node.id, section: 'conditions', field: parts.slice(i).join('.'), message };
}
