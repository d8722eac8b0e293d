import { useMemo, useState } from 'react';
import type { IndustryTree } from '../../../../../shared/enterprises';
import type { ConditionNode, LeafCondition, RuleSet } from '../../../../../shared/policy-rules';
import type { RuleEditorApi } from './context';
import { newLeaf } from './defaults';
import { type CatalogueNames, describeCondition, type NameIndex, nameIndex } from './describe';
import {
  addChild,
  childrenOf,
  collectIds,
  findNode,
  freshId,
  type GroupKind,
  isLeaf,
  moveNode,
  type RuleErrorTarget,
  removeNode,
  setGroupKind,
  unwrapGroup,
  updateNode,
  wrapInGroup,
} from './rule-tree';

function leaves(n: ConditionNode): LeafCondition[] {
  return isLeaf(n) ? [n] : childrenOf(n).flatMap(leaves);
}

/** Labels that are exactly what the editor would suggest keep following the condition as it is edited. */
export function initialAutoLabels(rules: RuleSet, names: NameIndex): Set<string> {
  const out = new Set<string>();
  for (const l of leaves(rules.conditions)) {
    if (l.kind !== 'manual' && (!l.label || l.label === describeCondition(l, names))) out.add(l.id);
  }
  return out;
}

/** The rule editor's actions over one RuleSet held by the page. */
export function useRuleEditorState({
  rules,
  setRules,
  catalogue,
  industries,
  errors,
}: {
  rules: RuleSet;
  setRules(r: RuleSet): void;
  catalogue: CatalogueNames;
  industries: IndustryTree | undefined;
  errors: RuleErrorTarget[];
}): RuleEditorApi {
  const names = useMemo(() => nameIndex(catalogue), [catalogue]);
  const [autoLabels, setAutoLabels] = useState<Set<string>>(() => initialAutoLabels(rules, names));
  const byNode = useMemo(() => {
    const map = new Map<string, string[]>();
    for (const e of errors) {
      if (e.section !== 'conditions' || !e.nodeId) continue;
      map.set(e.nodeId, [...(map.get(e.nodeId) ?? []), e.message]);
    }
    return map;
  }, [errors]);

  const withConditions = (conditions: ConditionNode) => setRules({ ...rules, conditions });
  const labelled = (leaf: LeafCondition): LeafCondition =>
    leaf.kind === 'manual' ? leaf : { ...leaf, label: describeCondition(leaf, names) };
  const makeId = () => freshId(collectIds(rules));

  return {
    catalogue,
    names,
    industries,
    errors: byNode,
    autoLabels,
    change(id, next) {
      const follow = autoLabels.has(id) && isLeaf(next);
      withConditions(
        updateNode(rules.conditions, id, () => (follow ? labelled(next as LeafCondition) : next)),
      );
    },
    setLabel(id, label) {
      const node = findNode(rules.conditions, id);
      if (!node) return;
      if (isLeaf(node)) {
        setAutoLabels((s) => {
          const n = new Set(s);
          n.delete(id);
          return n;
        });
        withConditions(updateNode(rules.conditions, id, () => ({ ...node, label })));
      } else {
        const { label: _, ...rest } = node;
        withConditions(
          updateNode(rules.conditions, id, () => (label ? { ...rest, label } : rest) as ConditionNode),
        );
      }
    },
    suggestLabel(id) {
      const node = findNode(rules.conditions, id);
      if (!node || !isLeaf(node)) return;
      setAutoLabels((s) => new Set(s).add(id));
      withConditions(updateNode(rules.conditions, id, () => labelled(node)));
    },
    addLeaf(groupId, kind) {
      const taken = collectIds(rules);
      const leaf = labelled(newLeaf(kind, freshId(taken), catalogue));
      if (kind !== 'manual') setAutoLabels((s) => new Set(s).add(leaf.id));
      withConditions(addChild(rules.conditions, groupId, leaf, () => freshId(taken)));
    },
    addGroup(groupId, kind) {
      const taken = collectIds(rules);
      const groupId2 = freshId(taken, 'g');
      const leaf = labelled(newLeaf('compare', freshId(taken), catalogue));
      setAutoLabels((s) => new Set(s).add(leaf.id));
      const group: ConditionNode =
        kind === 'not'
          ? { id: groupId2, not: leaf }
          : kind === 'all'
            ? { id: groupId2, all: [leaf] }
            : { id: groupId2, any: [leaf] };
      withConditions(addChild(rules.conditions, groupId, group, () => freshId(taken)));
    },
    remove(id) {
      withConditions(removeNode(rules.conditions, id));
    },
    move(id, delta) {
      withConditions(moveNode(rules.conditions, id, delta));
    },
    setKind(id, kind: GroupKind) {
      withConditions(setGroupKind(rules.conditions, id, kind, makeId));
    },
    wrap(id, kind: GroupKind) {
      withConditions(wrapInGroup(rules.conditions, id, kind, freshId(collectIds(rules), 'g')));
    },
    unwrap(id) {
      withConditions(unwrapGroup(rules.conditions, id));
    },
  };
}
