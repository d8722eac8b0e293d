import type { FileInfo } from '../../../shared/files';
import {
  type Budget,
  type DocumentRef,
  type DocumentStatus,
  type PolicyLevel,
  type ProgramBrief,
  type ProgramMode,
  type ProgramStatus,
  type ProgramSummary,
  windowStateOf,
} from '../../../shared/policies';
import type { ConditionNode, RuleSet } from '../../../shared/policy-rules';
import { type FileRow, toFileInfo } from '../../platform/files';
import type { DocumentRow, ProgramRow } from './repository';
import { type CatalogueIndex, describeFormula } from './rules';

/** How the API presents documents and programs; one place, so every response says the same thing. */

/** A published document whose expiry date has passed reads as expired, whether or not anyone marked it. */
export function effectiveStatus(status: string, expiresOn: string | null, today: string): DocumentStatus {
  if (status === 'published' && expiresOn && expiresOn < today) return 'expired';
  return status as DocumentStatus;
}

export function documentRef(d: DocumentRow, today: string): DocumentRef {
  return {
    id: d.id,
    title: d.title,
    docNumber: d.docNumber,
    issuer: d.issuer,
    level: d.level as PolicyLevel,
    status: effectiveStatus(d.status, d.expiresOn, today),
  };
}

export function budgetOf(p: Pick<ProgramRow, 'budget' | 'budgetUsed' | 'budgetPaid'>): Budget {
  return {
    total: p.budget,
    used: p.budgetUsed,
    paid: p.budgetPaid,
    remaining: p.budget === null ? null : Math.max(0, p.budget - p.budgetUsed),
  };
}

export function programBrief(p: ProgramRow, today: string): ProgramBrief {
  return {
    id: p.id,
    title: p.title,
    mode: p.mode as ProgramMode,
    status: p.status as ProgramStatus,
    windowStart: p.windowStart,
    windowEnd: p.windowEnd,
    windowState: windowStateOf(p.windowStart, p.windowEnd, today),
  };
}

export function amountTextOf(rules: RuleSet | null, index: CatalogueIndex): string | null {
  if (!rules?.amount) return null;
  try {
    return describeFormula(rules.amount, index);
  } catch {
    // A stored rule set always passed validation; a description must never break a listing.
    return null;
  }
}

export function programSummary(p: ProgramRow, today: string, index: CatalogueIndex): ProgramSummary {
  return {
    ...programBrief(p, today),
    summary: p.summary,
    document: {
      id: p.documentId,
      title: p.docTitle,
      docNumber: p.docNumber,
      issuer: p.docIssuer,
      level: p.docLevel as PolicyLevel,
      status: effectiveStatus(p.docStatus, null, today),
    },
    department: p.departmentName ? { id: p.departmentId, name: p.departmentName } : null,
    topics: p.docTopics,
    amountText: amountTextOf(p.rules as RuleSet, index),
    budget: budgetOf(p),
    rulesVersion: p.rulesVersion,
    revision: p.revision,
    publishedAt: p.publishedAt,
    updatedAt: p.updatedAt,
  };
}

/** The leaf conditions (and labelled `not` groups) in order: the 申报条件 an applicant reads. */
export function conditionLabels(node: ConditionNode): { id: string; label: string; manual: boolean }[] {
  const out: { id: string; label: string; manual: boolean }[] = [];
  const walk = (n: ConditionNode) => {
    if ('all' in n) n.all.forEach(walk);
    else if ('any' in n) {
      if (n.label) out.push({ id: n.id, label: n.label, manual: false });
      else n.any.forEach(walk);
    } else if ('not' in n) {
      if (n.label) out.push({ id: n.id, label: n.label, manual: false });
      else walk(n.not);
    } else out.push({ id: n.id, label: n.label, manual: n.kind === 'manual' });
  };
  walk(node);
  return out;
}

/** File infos in the order of the ids (ids whose row is gone are skipped). */
export function filesInOrder(ids: readonly string[], rows: Map<string, FileRow>): FileInfo[] {
  return ids.flatMap((id) => {
    const r = rows.get(id);
    return r ? [toFileInfo(r)] : [];
  });
}
