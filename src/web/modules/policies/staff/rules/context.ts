import { createContext, useContext } from 'react';
import type { IndustryTree } from '../../../../../shared/enterprises';
import type { ConditionNode, LeafKind } from '../../../../../shared/policy-rules';
import type { CatalogueNames, NameIndex } from './describe';
import type { GroupKind } from './rule-tree';

/** What every node editor needs: the catalogue, the actions on the tree, and the server's errors by node. */
export interface RuleEditorApi {
  catalogue: CatalogueNames;
  names: NameIndex;
  industries: IndustryTree | undefined;
  errors: Map<string, string[]>;
  /** Ids whose label follows the condition (the suggestion) until the officer edits it. */
  autoLabels: Set<string>;
  change(id: string, next: ConditionNode): void;
  setLabel(id: string, label: string): void;
  suggestLabel(id: string): void;
  addLeaf(groupId: string, kind: LeafKind): void;
  addGroup(groupId: string, kind: GroupKind): void;
  remove(id: string): void;
  move(id: string, delta: -1 | 1): void;
  setKind(id: string, kind: GroupKind): void;
  wrap(id: string, kind: GroupKind): void;
  unwrap(id: string): void;
}

export const RuleEditorContext = createContext<RuleEditorApi | null>(null);

export function useRuleEditor(): RuleEditorApi {
  const v = useContext(RuleEditorContext);
  if (!v) throw new Error('useRuleEditor outside RuleEditor');
  return v;
}
