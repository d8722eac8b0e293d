import { type Insertable, sql } from 'kysely';
import type { DB } from '../../db/database';
import { type Dialect, fromJson, likeEscape, likePattern, toJson, toNumber } from '../../db/dialect';
import type {
  PolicyClaimEventTable,
  PolicyClaimTable,
  PolicyDocumentTable,
  PolicyDocumentVersionTable,
  PolicyInterpretationTable,
  PolicyProgramTable,
  ProgramRuleVersionTable,
} from '../../db/schema';

/**
 * Every query of the policies module (documents, interpretations, programs, rule versions, claims, subscriptions).
 * Methods that write take the transaction first; reads take an optional one. JSON columns are decoded here, so
 * services see plain values.
 */

export type DocumentRow = Omit<PolicyDocumentTable, 'topics' | 'attachmentIds'> & {
  topics: string[];
  attachmentIds: string[];
};
export type DocumentVersionRow = Omit<PolicyDocumentVersionTable, 'topics' | 'attachmentIds'> & {
  topics: string[];
  attachmentIds: string[];
  createdByName: string | null;
};
export type InterpretationRow = Omit<PolicyInterpretationTable, 'qa'> & {
  qa: { question: string; answer: string }[];
};

/** A program with what every presentation of it needs: its document and department. */
export type ProgramRow = Omit<PolicyProgramTable, 'materials' | 'rules'> & {
  materials: { name: string; required: boolean; note: string | null }[];
  rules: unknown;
  docTitle: string;
  docNumber: string | null;
  docIssuer: string;
  docLevel: string;
  docStatus: string;
  docTopics: string[];
  departmentName: string | null;
};

export type ClaimRow = Omit<
  PolicyClaimTable,
  'estimate' | 'facts' | 'answers' | 'evaluation' | 'attachments'
> & {
  estimate: { min: number; max: number | null } | null;
  facts: Record<string, unknown>;
  answers: Record<string, unknown>;
  evaluation: Record<string, unknown>;
  attachments: { fileId: string; material: string }[];
  programTitle: string;
  programMode: string;
  programDepartmentId: string;
  departmentName: string | null;
  enterpriseName: string;
  enterpriseUscc: string;
  enterpriseLiaisonId: string | null;
};

export interface ClaimScope {
  /** Only this enterprise's claims. */
  enterpriseId?: string;
  /** Only claims of enterprises this liaison looks after. */
  liaisonUserId?: string;
  /** Only claims of programs this department reviews. */
  departmentId?: string;
}

const num = (v: unknown): number => toNumber(v) ?? 0;
const numOrNull = (v: unknown): number | null => toNumber(v);

function decodeDocument(r: PolicyDocumentTable): DocumentRow {
  return {
    ...r,
    topics: fromJson<string[]>(r.topics, []),
    attachmentIds: fromJson<string[]>(r.attachmentIds, []),
  };
}

export class PoliciesRepository {
  constructor(
    private readonly db: DB,
    private readonly dialect: Dialect,
  ) {}

  // ——— reference ———

  async department(id: string, trx: DB = this.db) {
    return trx.selectFrom('departments').select(['id', 'name']).where('id', '=', id).executeTakeFirst();
  }

  async qualificationKinds(trx: DB = this.db) {
    return trx
      .selectFrom('qualificationKinds')
      .select(['code', 'name'])
      .where('active', '=', 1)
      .orderBy('sortOrder')
      .execute();
  }

  async streets(trx: DB = this.db) {
    return trx.selectFrom('streets').select(['code', 'name']).orderBy('sortOrder').execute();
  }

  async enterprise(id: string, trx: DB = this.db) {
    return trx
      .selectFrom('enterprises')
      .select(['id', 'name', 'uscc', 'liaisonUserId'])
      .where('id', '=', id)
      .executeTakeFirst();
  }

  async userNames(ids: readonly (string | null)[], trx: DB = this.db): Promise<Map<string, string>> {
    const wanted = [...new Set(ids.filter((x): x is string => !!x))];
    if (!wanted.length) return new Map();
    const rows = await trx
      .selectFrom('users')
      .select(['id', 'displayName'])
      .where('id', 'in', wanted)
      .execute();
    return new Map(rows.map((r) => [r.id, r.displayName]));
  }

  // ——— documents ———

  async document(id: string, trx: DB = this.db): Promise<DocumentRow | undefined> {
    const r = await trx.selectFrom('policyDocuments').selectAll().where('id', '=', id).executeTakeFirst();
    return r ? decodeDocument(r) : undefined;
  }

  async documents(ids: readonly string[], trx: DB = this.db): Promise<DocumentRow[]> {
    if (!ids.length) return [];
    const rows = await trx
      .selectFrom('policyDocuments')
      .selectAll()
      .where('id', 'in', [...ids])
      .execute();
    return rows.map(decodeDocument);
  }

  async insertDocument(trx: DB, row: DocumentRow): Promise<void> {
    await trx
      .insertInto('policyDocuments')
      .values({ ...row, topics: toJson(row.topics), attachmentIds: toJson(row.attachmentIds) })
      .execute();
    await this.setTopics(trx, row.id, row.topics);
  }

  /** Updates when the stored revision is `expected`; false when someone else wrote first. */
  async updateDocument(
    trx: DB,
    id: string,
    expected: number,
    set: Partial<Omit<DocumentRow, 'id'>>,
  ): Promise<boolean> {
    const { topics, attachmentIds, ...rest } = set;
    const r = await trx
      .updateTable('policyDocuments')
      .set({
        ...rest,
        ...(topics ? { topics: toJson(topics) } : {}),
        ...(attachmentIds ? { attachmentIds: toJson(attachmentIds) } : {}),
        revision: expected + 1,
      })
      .where('id', '=', id)
      .where('revision', '=', expected)
      .executeTakeFirst();
    if (Number(r.numUpdatedRows) !== 1) return false;
    if (topics) await this.setTopics(trx, id, topics);
    return true;
  }

  private async setTopics(trx: DB, documentId: string, topics: readonly string[]): Promise<void> {
    await trx.deleteFrom('policyDocumentTopics').where('documentId', '=', documentId).execute();
    if (topics.length)
      await trx
        .insertInto('policyDocumentTopics')
        .values(topics.map((topic) => ({ documentId, topic })))
        .execute();
  }

  async insertDocumentVersion(trx: DB, row: Omit<DocumentVersionRow, 'createdByName'>): Promise<void> {
    await trx
      .insertInto('policyDocumentVersions')
      .values({ ...row, topics: toJson(row.topics), attachmentIds: toJson(row.attachmentIds) })
      .execute();
  }

  async documentVersions(documentId: string, trx: DB = this.db): Promise<DocumentVersionRow[]> {
    const rows = await trx
      .selectFrom('policyDocumentVersions as v')
      .leftJoin('users as u', 'u.id', 'v.createdBy')
      .selectAll('v')
      .select('u.displayName as createdByName')
      .where('v.documentId', '=', documentId)
      .orderBy('v.version', 'desc')
      .execute();
    return rows.map((r) => ({
      ...r,
      topics: fromJson<string[]>(r.topics, []),
      attachmentIds: fromJson<string[]>(r.attachmentIds, []),
    }));
  }

  async listDocuments(f: {
    q?: string | undefined;
    level?: string | undefined;
    topic?: string | undefined;
    issuer?: string | undefined;
    statuses: readonly string[];
    page: number;
    pageSize: number;
  }) {
    let q = this.db.selectFrom('policyDocuments as d').where('d.status', 'in', [...f.statuses]);
    if (f.q) {
      const pattern = sql<string>`${likePattern(f.q)} escape ${likeEscape}`;
      q = q.where((eb) =>
        eb.or([
          eb('d.title', this.dialect.likeOperator, pattern),
          eb('d.docNumber', this.dialect.likeOperator, pattern),
        ]),
      );
    }
    if (f.level) q = q.where('d.level', '=', f.level);
    if (f.issuer) q = q.where('d.issuer', '=', f.issuer);
    if (f.topic) {
      const topic = f.topic;
      q = q.where((eb) =>
        eb.exists(
          eb
            .selectFrom('policyDocumentTopics as t')
            .select('t.documentId')
            .whereRef('t.documentId', '=', 'd.id')
            .where('t.topic', '=', topic),
        ),
      );
    }
    const total = Number(
      (await q.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n,
    );
    const rows = await q
      .selectAll('d')
      .select((eb) =>
        eb
          .selectFrom('policyPrograms as p')
          .select((e2) => e2.fn.countAll<number>().as('c'))
          .whereRef('p.documentId', '=', 'd.id')
          .where('p.status', '<>', 'draft')
          .as('programCount'),
      )
      .orderBy('d.issuedOn', 'desc')
      .orderBy('d.id', 'desc')
      .limit(f.pageSize)
      .offset((f.page - 1) * f.pageSize)
      .execute();
    return { total, rows: rows.map((r) => ({ ...decodeDocument(r), programCount: num(r.programCount) })) };
  }

  async programCount(documentId: string, includeDrafts: boolean, trx: DB = this.db): Promise<number> {
    let q = trx
      .selectFrom('policyPrograms')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('documentId', '=', documentId);
    if (!includeDrafts) q = q.where('status', '<>', 'draft');
    return num((await q.executeTakeFirstOrThrow()).n);
  }

  // ——— interpretations ———

  async interpretation(id: string, trx: DB = this.db): Promise<InterpretationRow | undefined> {
    const r = await trx
      .selectFrom('policyInterpretations')
      .selectAll()
      .where('id', '=', id)
      .executeTakeFirst();
    return r ? { ...r, qa: fromJson(r.qa, []) } : undefined;
  }

  async insertInterpretation(trx: DB, row: InterpretationRow, documentIds: readonly string[]): Promise<void> {
    await trx
      .insertInto('policyInterpretations')
      .values({ ...row, qa: toJson(row.qa) })
      .execute();
    await this.setInterpretationDocuments(trx, row.id, documentIds);
  }

  async updateInterpretation(
    trx: DB,
    id: string,
    expected: number,
    set: Partial<Omit<InterpretationRow, 'id'>>,
    documentIds?: readonly string[],
  ): Promise<boolean> {
    const { qa, ...rest } = set;
    const r = await trx
      .updateTable('policyInterpretations')
      .set({ ...rest, ...(qa ? { qa: toJson(qa) } : {}), revision: expected + 1 })
      .where('id', '=', id)
      .where('revision', '=', expected)
      .executeTakeFirst();
    if (Number(r.numUpdatedRows) !== 1) return false;
    if (documentIds) await this.setInterpretationDocuments(trx, id, documentIds);
    return true;
  }

  private async setInterpretationDocuments(
    trx: DB,
    id: string,
    documentIds: readonly string[],
  ): Promise<void> {
    await trx.deleteFrom('policyInterpretationDocuments').where('interpretationId', '=', id).execute();
    if (documentIds.length)
      await trx
        .insertInto('policyInterpretationDocuments')
        .values(documentIds.map((documentId) => ({ interpretationId: id, documentId })))
        .execute();
  }

  /** Document ids per interpretation. */
  async documentsOfInterpretations(
    ids: readonly string[],
    trx: DB = this.db,
  ): Promise<Map<string, string[]>> {
    const out = new Map<string, string[]>();
    if (!ids.length) return out;
    const rows = await trx
      .selectFrom('policyInterpretationDocuments')
      .select(['interpretationId', 'documentId'])
      .where('interpretationId', 'in', [...ids])
      .execute();
    for (const r of rows) out.set(r.interpretationId, [...(out.get(r.interpretationId) ?? []), r.documentId]);
    return out;
  }

  async interpretationsOfDocument(documentId: string, publishedOnly: boolean, trx: DB = this.db) {
    let q = trx
      .selectFrom('policyInterpretations as i')
      .innerJoin('policyInterpretationDocuments as l', 'l.interpretationId', 'i.id')
      .select(['i.id', 'i.title'])
      .where('l.documentId', '=', documentId);
    if (publishedOnly) q = q.where('i.status', '=', 'published');
    return q.orderBy('i.createdAt', 'desc').execute();
  }

  async listInterpretations(f: {
    documentId?: string | undefined;
    statuses: readonly string[];
    page: number;
    pageSize: number;
  }) {
    let q = this.db.selectFrom('policyInterpretations as i').where('i.status', 'in', [...f.statuses]);
    if (f.documentId) {
      const documentId = f.documentId;
      q = q.where((eb) =>
        eb.exists(
          eb
            .selectFrom('policyInterpretationDocuments as l')
            .select('l.documentId')
            .whereRef('l.interpretationId', '=', 'i.id')
            .where('l.documentId', '=', documentId),
        ),
      );
    }
    const total = Number(
      (await q.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n,
    );
    const rows = await q
      .selectAll('i')
      .orderBy('i.updatedAt', 'desc')
      .orderBy('i.id', 'desc')
      .limit(f.pageSize)
      .offset((f.page - 1) * f.pageSize)
      .execute();
    return { total, rows: rows.map((r) => ({ ...r, qa: fromJson<InterpretationRow['qa']>(r.qa, []) })) };
  }

  // ——— programs ———

  private programQuery(trx: DB) {
    return trx
      .selectFrom('policyPrograms as p')
      .innerJoin('policyDocuments as d', 'd.id', 'p.documentId')
      .leftJoin('departments as dep', 'dep.id', 'p.departmentId')
      .selectAll('p')
      .select([
        'd.title as docTitle',
        'd.docNumber as docNumber',
        'd.issuer as docIssuer',
        'd.level as docLevel',
        'd.status as docStatus',
        'd.topics as docTopics',
        'dep.name as departmentName',
      ]);
  }

  private decodeProgram<
    T extends PolicyProgramTable & {
      docTopics: unknown;
      budget: unknown;
      budgetUsed: unknown;
      budgetPaid: unknown;
    },
  >(r: T): ProgramRow {
    return {
      ...(r as unknown as ProgramRow),
      budget: numOrNull(r.budget),
      budgetUsed: num(r.budgetUsed),
      budgetPaid: num(r.budgetPaid),
      materials: fromJson(r.materials, []),
      rules: fromJson<unknown>(r.rules, null),
      docTopics: fromJson<string[]>(r.docTopics, []),
    };
  }

  async program(id: string, trx: DB = this.db): Promise<ProgramRow | undefined> {
    const r = await this.programQuery(trx).where('p.id', '=', id).executeTakeFirst();
    return r ? this.decodeProgram(r) : undefined;
  }

  async programsOfDocument(
    documentId: string,
    includeDrafts: boolean,
    trx: DB = this.db,
  ): Promise<ProgramRow[]> {
    let q = this.programQuery(trx).where('p.documentId', '=', documentId);
    if (!includeDrafts) q = q.where('p.status', '<>', 'draft');
    const rows = await q.orderBy('p.createdAt').execute();
    return rows.map((r) => this.decodeProgram(r));
  }

  /** Published programs under a document in force (not expired or repealed), for matching and the self-test. */
  async publishedPrograms(ids?: readonly string[], trx: DB = this.db): Promise<ProgramRow[]> {
    let q = this.programQuery(trx).where('p.status', '=', 'published').where('d.status', '=', 'published');
    if (ids) {
      if (!ids.length) return [];
      q = q.where('p.id', 'in', [...ids]);
    }
    const rows = await q.orderBy('p.publishedAt', 'desc').execute();
    return rows.map((r) => this.decodeProgram(r));
  }

  async listPrograms(f: {
    documentId?: string | undefined;
    mode?: string | undefined;
    departmentId?: string | undefined;
    topic?: string | undefined;
    statuses: readonly string[];
    openOn?: string | undefined;
    page: number;
    pageSize: number;
  }) {
    let q = this.programQuery(this.db).where('p.status', 'in', [...f.statuses]);
    if (!f.statuses.includes('draft')) q = q.where('d.status', '<>', 'draft');
    if (f.documentId) q = q.where('p.documentId', '=', f.documentId);
    if (f.mode) q = q.where('p.mode', '=', f.mode);
    if (f.departmentId) q = q.where('p.departmentId', '=', f.departmentId);
    if (f.topic) {
      const topic = f.topic;
      q = q.where((eb) =>
        eb.exists(
          eb
            .selectFrom('policyDocumentTopics as t')
            .select('t.documentId')
            .whereRef('t.documentId', '=', 'p.documentId')
            .where('t.topic', '=', topic),
        ),
      );
    }
    if (f.openOn) {
      const day = f.openOn;
      q = q
        .where((eb) => eb.or([eb('p.windowStart', 'is', null), eb('p.windowStart', '<=', day)]))
        .where((eb) => eb.or([eb('p.windowEnd', 'is', null), eb('p.windowEnd', '>=', day)]));
    }
    const total = Number(
      (
        await q
          .clearSelect()
          .select((eb) => eb.fn.countAll<number>().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    );
    const rows = await q
      .orderBy('p.windowEnd', 'desc')
      .orderBy('p.id', 'desc')
      .limit(f.pageSize)
      .offset((f.page - 1) * f.pageSize)
      .execute();
    return { total, rows: rows.map((r) => this.decodeProgram(r)) };
  }

  /** Programs with a window that overlaps [from, to]. */
  async programsInWindow(from: string, to: string, trx: DB = this.db): Promise<ProgramRow[]> {
    const rows = await this.programQuery(trx)
      .where('p.status', '=', 'published')
      .where('d.status', '<>', 'draft')
      .where('p.windowStart', 'is not', null)
      .where('p.windowStart', '<=', to)
      .where((eb) => eb.or([eb('p.windowEnd', 'is', null), eb('p.windowEnd', '>=', from)]))
      .orderBy('p.windowStart')
      .execute();
    return rows.map((r) => this.decodeProgram(r));
  }

  async insertProgram(trx: DB, row: Insertable<PolicyProgramTable>): Promise<void> {
    await trx.insertInto('policyPrograms').values(row).execute();
  }

  async updateProgram(
    trx: DB,
    id: string,
    expected: number,
    set: Partial<Omit<PolicyProgramTable, 'id' | 'revision'>>,
  ): Promise<boolean> {
    const r = await trx
      .updateTable('policyPrograms')
      .set({ ...set, revision: expected + 1 })
      .where('id', '=', id)
      .where('revision', '=', expected)
      .executeTakeFirst();
    return Number(r.numUpdatedRows) === 1;
  }

  async claimCount(programId: string, trx: DB = this.db): Promise<number> {
    const r = await trx
      .selectFrom('policyClaims')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('programId', '=', programId)
      .where('status', 'not in', ['candidate', 'withdrawn'])
      .executeTakeFirstOrThrow();
    return num(r.n);
  }

  /**
   * Commit `delta` 元 of the budget (negative releases), only while the budget allows: one conditional update, so
   * two approvals racing for the last of the budget cannot both pass. False when it would overspend.
   */
  async moveBudget(trx: DB, programId: string, deltaUsed: number, deltaPaid = 0): Promise<boolean> {
    const r = await trx
      .updateTable('policyPrograms')
      .set((eb) => ({
        budgetUsed: eb('budgetUsed', '+', deltaUsed),
        budgetPaid: eb('budgetPaid', '+', deltaPaid),
      }))
      .where('id', '=', programId)
      .where((eb) =>
        eb.or([eb('budget', 'is', null), eb(eb('budgetUsed', '+', deltaUsed), '<=', eb.ref('budget'))]),
      )
      .executeTakeFirst();
    return Number(r.numUpdatedRows) === 1;
  }

  // ——— rule versions ———

  async insertRuleVersion(trx: DB, row: ProgramRuleVersionTable): Promise<void> {
    await trx
      .insertInto('programRuleVersions')
      .values({ ...row, rules: toJson(row.rules) })
      .execute();
  }

  async updateRuleVersion(
    trx: DB,
    programId: string,
    version: number,
    set: Partial<
      Pick<ProgramRuleVersionTable, 'rules' | 'changeNote' | 'publishedAt' | 'createdAt' | 'createdBy'>
    >,
  ): Promise<void> {
    const { rules, ...rest } = set;
    await trx
      .updateTable('programRuleVersions')
      .set({ ...rest, ...(rules !== undefined ? { rules: toJson(rules) } : {}) })
      .where('programId', '=', programId)
      .where('version', '=', version)
      .execute();
  }

  async ruleVersions(programId: string, trx: DB = this.db) {
    const rows = await trx
      .selectFrom('programRuleVersions as v')
      .leftJoin('users as u', 'u.id', 'v.createdBy')
      .selectAll('v')
      .select('u.displayName as createdByName')
      .where('v.programId', '=', programId)
      .orderBy('v.version', 'desc')
      .execute();
    return rows.map((r) => ({ ...r, rules: fromJson<unknown>(r.rules, null) }));
  }

  // ——— push records and subscriptions ———

  /** Enterprises recorded eligible under this rules version of the program. */
  /** The enterprises recorded eligible under a rules version (only among `among`, when given). */
  async pushedEnterprises(
    trx: DB,
    programId: string,
    rulesVersion: number,
    among?: readonly string[],
  ): Promise<Set<string>> {
    if (among && !among.length) return new Set();
    let q = trx
      .selectFrom('programPushRecords')
      .select('enterpriseId')
      .where('programId', '=', programId)
      .where('rulesVersion', '=', rulesVersion);
    if (among) q = q.where('enterpriseId', 'in', [...among]);
    const rows = await q.execute();
    return new Set(rows.map((r) => r.enterpriseId));
  }

  /** The latest rules version before `version` that had a push run, if any. */
  async previousPushVersion(trx: DB, programId: string, version: number): Promise<number | null> {
    const r = await trx
      .selectFrom('programPushRecords')
      .select((eb) => eb.fn.max('rulesVersion').as('v'))
      .where('programId', '=', programId)
      .where('rulesVersion', '<', version)
      .executeTakeFirst();
    return r?.v == null ? null : Number(r.v);
  }

  async pushRecords(programId: string, page: number, pageSize: number) {
    const base = this.db.selectFrom('programPushRecords as r').where('r.programId', '=', programId);
    const total = num(
      (await base.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n,
    );
    const rows = await base
      .innerJoin('enterprises as e', 'e.id', 'r.enterpriseId')
      .selectAll('r')
      .select('e.name as enterpriseName')
      .orderBy('r.rulesVersion', 'desc')
      .orderBy('r.createdAt', 'desc')
      .orderBy('r.id')
      .limit(pageSize)
      .offset((page - 1) * pageSize)
      .execute();
    return { total, rows };
  }

  async subscriptions(enterpriseId: string, trx: DB = this.db): Promise<string[]> {
    const rows = await trx
      .selectFrom('policySubscriptions')
      .select('topic')
      .where('enterpriseId', '=', enterpriseId)
      .orderBy('topic')
      .execute();
    return rows.map((r) => r.topic);
  }

  async setSubscriptions(
    trx: DB,
    enterpriseId: string,
    topics: readonly string[],
    at: string,
  ): Promise<void> {
    await trx.deleteFrom('policySubscriptions').where('enterpriseId', '=', enterpriseId).execute();
    if (topics.length)
      await trx
        .insertInto('policySubscriptions')
        .values(topics.map((topic) => ({ enterpriseId, topic, createdAt: at })))
        .execute();
  }

  /** Enterprises subscribed to any of the topics. */
  async subscribers(trx: DB, topics: readonly string[]): Promise<string[]> {
    if (!topics.length) return [];
    const rows = await trx
      .selectFrom('policySubscriptions')
      .select('enterpriseId')
      .distinct()
      .where('topic', 'in', [...topics])
      .execute();
    return rows.map((r) => r.enterpriseId);
  }

  // ——— claims ———

  private claimQuery(trx: DB) {
    return trx
      .selectFrom('policyClaims as c')
      .innerJoin('policyPrograms as p', 'p.id', 'c.programId')
      .innerJoin('enterprises as e', 'e.id', 'c.enterpriseId')
      .leftJoin('departments as dep', 'dep.id', 'p.departmentId')
      .selectAll('c')
      .select([
        'p.title as programTitle',
        'p.mode as programMode',
        'p.departmentId as programDepartmentId',
        'dep.name as departmentName',
        'e.name as enterpriseName',
        'e.uscc as enterpriseUscc',
        'e.liaisonUserId as enterpriseLiaisonId',
      ]);
  }

  private decodeClaim(r: PolicyClaimTable & Record<string, unknown>): ClaimRow {
    return {
      ...(r as unknown as ClaimRow),
      estimate: fromJson(r.estimate, null),
      facts: fromJson(r.facts, {}),
      answers: fromJson(r.answers, {}),
      evaluation: fromJson(r.evaluation, {}),
      attachments: fromJson(r.attachments, []),
      requestedAmount: numOrNull(r.requestedAmount),
      approvedAmount: numOrNull(r.approvedAmount),
      paidAmount: numOrNull(r.paidAmount),
    };
  }

  async claim(id: string, trx: DB = this.db): Promise<ClaimRow | undefined> {
    const r = await this.claimQuery(trx).where('c.id', '=', id).executeTakeFirst();
    return r ? this.decodeClaim(r) : undefined;
  }

  /** The live (not withdrawn) claim of an enterprise for a program and year. */
  async liveClaim(trx: DB, programId: string, enterpriseId: string, year: number) {
    return trx
      .selectFrom('policyClaims')
      .select(['id', 'status'])
      .where('programId', '=', programId)
      .where('enterpriseId', '=', enterpriseId)
      .where('year', '=', year)
      .where('status', '<>', 'withdrawn')
      .executeTakeFirst();
  }

  /** Enterprises with a live claim for the program and year (免申即享 candidates are not listed twice). */
  async enterprisesWithLiveClaims(
    trx: DB,
    programId: string,
    year: number,
    among?: readonly string[],
  ): Promise<Set<string>> {
    if (among && !among.length) return new Set();
    let q = trx
      .selectFrom('policyClaims')
      .select('enterpriseId')
      .where('programId', '=', programId)
      .where('year', '=', year)
      .where('status', '<>', 'withdrawn');
    if (among) q = q.where('enterpriseId', 'in', [...among]);
    const rows = await q.execute();
    return new Set(rows.map((r) => r.enterpriseId));
  }

  async insertClaims(trx: DB, rows: readonly PolicyClaimTable[]): Promise<void> {
    const CHUNK = 500;
    for (let i = 0; i < rows.length; i += CHUNK) {
      await trx
        .insertInto('policyClaims')
        .values(
          rows.slice(i, i + CHUNK).map((r) => ({
            ...r,
            estimate: r.estimate == null ? null : toJson(r.estimate),
            facts: toJson(r.facts),
            answers: toJson(r.answers),
            evaluation: toJson(r.evaluation),
            attachments: toJson(r.attachments),
          })),
        )
        .execute();
    }
  }

  /**
   * Move a claim to a new state, only from the given states and only at the expected revision: of two decisions
   * racing, exactly one updates a row.
   */
  async transitionClaim(
    trx: DB,
    id: string,
    expected: { revision: number; from: readonly string[] },
    set: Partial<Omit<PolicyClaimTable, 'id' | 'revision'>>,
  ): Promise<boolean> {
    const encoded: Record<string, unknown> = { ...set };
    for (const k of ['estimate', 'facts', 'answers', 'evaluation', 'attachments'] as const) {
      if (k in set) encoded[k] = set[k] == null ? null : toJson(set[k]);
    }
    const r = await trx
      .updateTable('policyClaims')
      .set({ ...(encoded as Partial<PolicyClaimTable>), revision: expected.revision + 1 })
      .where('id', '=', id)
      .where('revision', '=', expected.revision)
      .where('status', 'in', [...expected.from])
      .executeTakeFirst();
    return Number(r.numUpdatedRows) === 1;
  }

  async insertClaimEvents(trx: DB, rows: readonly PolicyClaimEventTable[]): Promise<void> {
    const CHUNK = 1000;
    for (let i = 0; i < rows.length; i += CHUNK) {
      await trx
        .insertInto('policyClaimEvents')
        .values(rows.slice(i, i + CHUNK) as PolicyClaimEventTable[])
        .execute();
    }
  }

  async claimEvents(claimId: string, trx: DB = this.db) {
    const rows = await trx
      .selectFrom('policyClaimEvents as ev')
      .leftJoin('users as u', 'u.id', 'ev.actorId')
      .selectAll('ev')
      .select('u.displayName as actorName')
      .where('ev.claimId', '=', claimId)
      .orderBy('ev.revision')
      .orderBy('ev.at')
      .execute();
    return rows.map((r) => ({ ...r, amount: numOrNull(r.amount) }));
  }

  async listClaims(f: {
    scope: ClaimScope;
    status?: string | undefined;
    programId?: string | undefined;
    enterpriseId?: string | undefined;
    page: number;
    pageSize: number;
  }) {
    let q = this.claimQuery(this.db);
    if (f.scope.enterpriseId) q = q.where('c.enterpriseId', '=', f.scope.enterpriseId);
    if (f.scope.liaisonUserId) q = q.where('e.liaisonUserId', '=', f.scope.liaisonUserId);
    if (f.scope.departmentId) q = q.where('p.departmentId', '=', f.scope.departmentId);
    if (f.status) q = q.where('c.status', '=', f.status);
    if (f.programId) q = q.where('c.programId', '=', f.programId);
    if (f.enterpriseId) q = q.where('c.enterpriseId', '=', f.enterpriseId);
    const total = num(
      (
        await q
          .clearSelect()
          .select((eb) => eb.fn.countAll<number>().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    );
    const rows = await q
      .orderBy('c.updatedAt', 'desc')
      .orderBy('c.id', 'desc')
      .limit(f.pageSize)
      .offset((f.page - 1) * f.pageSize)
      .execute();
    return { total, rows: rows.map((r) => this.decodeClaim(r)) };
  }

  /** 公示: paid claims, newest payment first. */
  async notices(f: {
    programId?: string | undefined;
    year?: number | undefined;
    page: number;
    pageSize: number;
  }) {
    let q = this.db
      .selectFrom('policyClaims as c')
      .innerJoin('policyPrograms as p', 'p.id', 'c.programId')
      .innerJoin('enterprises as e', 'e.id', 'c.enterpriseId')
      .leftJoin('departments as dep', 'dep.id', 'p.departmentId')
      .where('c.status', '=', 'paid');
    if (f.programId) q = q.where('c.programId', '=', f.programId);
    if (f.year) q = q.where('c.paidOn', '>=', `${f.year}-01-01`).where('c.paidOn', '<=', `${f.year}-12-31`);
    const agg = await q
      .select((eb) => [eb.fn.countAll<number>().as('n'), eb.fn.sum<number>('c.paidAmount').as('s')])
      .executeTakeFirstOrThrow();
    const rows = await q
      .select([
        'c.id',
        'c.year',
        'c.paidAmount',
        'c.paidOn',
        'p.id as programId',
        'p.title as programTitle',
        'dep.name as departmentName',
        'e.name as enterpriseName',
      ])
      .orderBy('c.paidOn', 'desc')
      .orderBy('c.id', 'desc')
      .limit(f.pageSize)
      .offset((f.page - 1) * f.pageSize)
      .execute();
    return { total: num(agg.n), totalAmount: num(agg.s), rows };
  }
}
