import { POLICY_TOPIC_LABELS, type PolicyTopic } from '../../../shared/policies';
import type { RuleSet } from '../../../shared/policy-rules';
import type { DB } from '../../db/database';
import type { SearchIndex } from '../../platform/text/search-index';
import { conditionLabels, effectiveStatus } from './present';
import type { DocumentRow, InterpretationRow, ProgramRow } from './repository';
import { richTextToPlain } from './rich-text';

/**
 * What of the policies module is findable, and how (platform SearchIndex, SPEC §2.3 "Search"). Drafts are never
 * indexed; expired and repealed documents stay findable with their status as a filter (a company may need to read
 * the rule that applied last year); withdrawn programs leave the index. Filters: level, issuing body (`body`),
 * topic, status, program mode; programs carry their application window for "open now".
 */
export const SCOPES = {
  document: 'policy_document',
  interpretation: 'policy_interpretation',
  program: 'policy_program',
} as const;

const topicWords = (topics: readonly string[]) =>
  topics.map((t) => POLICY_TOPIC_LABELS[t as PolicyTopic] ?? t).join(' ');

/** What indexing needs: the index, and today's date (a published document past its expiry reads as expired). */
export interface IndexerDeps {
  search: SearchIndex;
  today(): string;
}

export class PolicyIndexer {
  constructor(private readonly c: IndexerDeps) {}

  async document(trx: DB, d: DocumentRow): Promise<void> {
    if (d.status === 'draft') return this.c.search.remove(trx, SCOPES.document, d.id);
    await this.c.search.upsert(trx, {
      scope: SCOPES.document,
      id: d.id,
      title: d.title,
      summary: [d.docNumber, d.issuer, d.summary].filter(Boolean).join(' · '),
      body: `${topicWords(d.topics)}\n${richTextToPlain(d.bodyHtml)}`,
      filters: {
        level: d.level,
        body: d.issuer,
        topic: d.topics,
        status: effectiveStatus(d.status, d.expiresOn, this.c.today()),
      },
      publishedOn: d.issuedOn,
      // District documents are what this platform is for; national ones are context.
      boost: d.level === 'district' ? 1 : 0,
    });
  }

  async interpretation(trx: DB, i: InterpretationRow, documents: readonly DocumentRow[]): Promise<void> {
    if (i.status !== 'published') return this.c.search.remove(trx, SCOPES.interpretation, i.id);
    const qa = i.qa.map((x) => `问：${x.question}\n答：${x.answer}`).join('\n');
    await this.c.search.upsert(trx, {
      scope: SCOPES.interpretation,
      id: i.id,
      title: i.title,
      summary: documents.map((d) => d.title).join('；') || null,
      body: `${richTextToPlain(i.bodyHtml)}\n${qa}`,
      filters: {
        level: [...new Set(documents.map((d) => d.level))],
        body: [...new Set(documents.map((d) => d.issuer))],
        topic: [...new Set(documents.flatMap((d) => d.topics))],
        status: 'published',
      },
      publishedOn: (i.publishedAt ?? i.updatedAt).slice(0, 10),
    });
  }

  async program(trx: DB, p: ProgramRow, amountText: string | null): Promise<void> {
    if (p.status !== 'published' || p.docStatus === 'draft') {
      return this.c.search.remove(trx, SCOPES.program, p.id);
    }
    const rules = p.rules as RuleSet;
    const conditions = conditionLabels(rules.conditions)
      .map((c) => c.label)
      .join('；');
    await this.c.search.upsert(trx, {
      scope: SCOPES.program,
      id: p.id,
      title: p.title,
      summary: p.summary,
      body: [
        `支持对象：${p.beneficiaries}`,
        `申报条件：${conditions}`,
        amountText ? `支持标准：${amountText}` : '',
        p.materials.length ? `申报材料：${p.materials.map((m) => m.name).join('、')}` : '',
        `政策依据：${p.docTitle}${p.docNumber ? `（${p.docNumber}）` : ''}`,
        p.departmentName ? `受理部门：${p.departmentName}` : '',
        topicWords(p.docTopics),
      ]
        .filter(Boolean)
        .join('\n'),
      filters: {
        level: p.docLevel,
        body: p.docIssuer,
        topic: p.docTopics,
        status: effectiveStatus(p.docStatus, null, this.c.today()),
        mode: p.mode,
      },
      publishedOn: (p.publishedAt ?? p.updatedAt).slice(0, 10),
      windowStart: p.windowStart,
      windowEnd: p.windowEnd,
      boost: 1,
    });
  }
}
