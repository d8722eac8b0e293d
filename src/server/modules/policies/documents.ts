import type { z } from 'zod';
import type {
  DocumentStatus,
  DocumentSummary,
  DocumentVersion,
  documentInputSchema,
  documentListQuerySchema,
  documentStatusInputSchema,
  documentUpdateSchema,
  Interpretation,
  interpretationInputSchema,
  interpretationListQuerySchema,
  interpretationUpdateSchema,
  PolicyDocument,
  PolicyLevel,
} from '../../../shared/policies';
import { POLICY_TOPIC_LABELS, type PolicyTopic } from '../../../shared/policies';
import type { RuleSet } from '../../../shared/policy-rules';
import type { DB } from '../../db/database';
import type { RequestContext } from '../../platform/context';
import { AppError, fieldError, notFound } from '../../platform/errors';
import type { FileRow } from '../../platform/files';
import type { PolicyContext } from './context';
import type { PolicyIndexer } from './indexer';
import { amountTextOf, documentRef, filesInOrder, programBrief } from './present';
import type { DocumentRow, InterpretationRow } from './repository';
import { sanitizeRichText } from './rich-text';
import { indexCatalogue } from './rules';

type DocumentInput = z.output<typeof documentInputSchema>;
type DocumentUpdate = z.output<typeof documentUpdateSchema>;
type InterpretationInput = z.output<typeof interpretationInputSchema>;
type InterpretationUpdate = z.output<typeof interpretationUpdateSchema>;

/** The fields of a document that make up one version of its text. */
const VERSIONED_FIELDS = [
  'title',
  'docNumber',
  'issuer',
  'level',
  'topics',
  'issuedOn',
  'effectiveOn',
  'expiresOn',
  'summary',
  'bodyHtml',
  'attachmentIds',
] as const;

/**
 * Policy documents (政策文件) and interpretations (政策解读). A document is edited freely while a draft; publishing
 * makes version 1; every later edit makes the next version, immediately in force, and earlier versions stay
 * readable. Editors see drafts; everyone else sees only what was published (a draft answers 404).
 */
export class DocumentsService {
  constructor(
    private readonly c: PolicyContext,
    private readonly indexer: PolicyIndexer,
  ) {}

  // ——— access ———

  private async visibleDocument(ctx: RequestContext, id: string, trx: DB = this.c.db): Promise<DocumentRow> {
    const d = await this.c.repo.document(id, trx);
    if (!d || (d.status === 'draft' && !this.c.isEditor(ctx))) throw notFound('政策文件');
    return d;
  }

  /** Attachments must be policy files that exist; ids are checked, not trusted. */
  private async checkFiles(
    trx: DB,
    ids: readonly string[],
    field: string,
    opts: { images?: boolean } = {},
  ): Promise<Map<string, FileRow>> {
    const rows = await this.c.files.rows(ids, trx);
    ids.forEach((id, i) => {
      const r = rows.get(id);
      if (r?.purpose !== 'policy')
        throw fieldError(`${field}.${i}`, 'UNKNOWN_FILE', '附件不存在，请重新上传');
      if (opts.images && !['jpg', 'png'].includes(r.ext))
        throw fieldError(field, 'VALIDATION_FAILED', '“一图读懂”应为 JPG 或 PNG 图片');
    });
    return rows;
  }

  // ——— documents: read ———

  async list(ctx: RequestContext, q: z.output<typeof documentListQuerySchema>) {
    const editor = this.c.isEditor(ctx);
    const publicStatuses: DocumentStatus[] = ['published', 'expired', 'repealed'];
    const statuses = q.status
      ? editor || q.status !== 'draft'
        ? [q.status]
        : []
      : editor
        ? [...publicStatuses, 'draft']
        : publicStatuses;
    if (!statuses.length) return { items: [], total: 0, page: q.page, pageSize: q.pageSize };
    const { total, rows } = await this.c.repo.listDocuments({ ...q, statuses });
    const today = this.c.today();
    return {
      items: rows.map((d) => this.summary(d, d.programCount, today)),
      total,
      page: q.page,
      pageSize: q.pageSize,
    };
  }

  private summary(d: DocumentRow, programCount: number, today: string): DocumentSummary {
    return {
      ...documentRef(d, today),
      topics: d.topics,
      issuedOn: d.issuedOn,
      effectiveOn: d.effectiveOn,
      expiresOn: d.expiresOn,
      summary: d.summary,
      version: d.version,
      revision: d.revision,
      publishedAt: d.publishedAt,
      updatedAt: d.updatedAt,
      programCount,
    };
  }

  async get(ctx: RequestContext, id: string): Promise<PolicyDocument> {
    const d = await this.visibleDocument(ctx, id);
    return this.present(ctx, d);
  }

  private async present(ctx: RequestContext, d: DocumentRow, trx: DB = this.c.db): Promise<PolicyDocument> {
    const editor = this.c.isEditor(ctx);
    const today = this.c.today();
    const [files, interpretations, programs, versions] = await Promise.all([
      this.c.files.rows(d.attachmentIds, trx),
      this.c.repo.interpretationsOfDocument(d.id, !editor, trx),
      this.c.repo.programsOfDocument(d.id, editor, trx),
      this.c.repo.documentVersions(d.id, trx),
    ]);
    return {
      ...this.summary(d, programs.filter((p) => p.status !== 'draft').length, today),
      bodyHtml: d.bodyHtml,
      attachments: filesInOrder(d.attachmentIds, files),
      interpretations,
      programs: programs.map((p) => programBrief(p, today)),
      versions: versions.map((v) => ({
        version: v.version,
        changeNote: v.changeNote,
        createdAt: v.createdAt,
        createdByName: v.createdByName,
      })),
    };
  }

  async version(ctx: RequestContext, id: string, n: number): Promise<DocumentVersion> {
    const d = await this.visibleDocument(ctx, id);
    const v = (await this.c.repo.documentVersions(id)).find((x) => x.version === n);
    if (!v) throw notFound('该版本');
    const files = await this.c.files.rows(v.attachmentIds);
    return {
      documentId: id,
      version: v.version,
      current: v.version === d.version,
      title: v.title,
      docNumber: v.docNumber,
      issuer: v.issuer,
      level: v.level as PolicyLevel,
      topics: v.topics,
      issuedOn: v.issuedOn,
      effectiveOn: v.effectiveOn,
      expiresOn: v.expiresOn,
      summary: v.summary,
      bodyHtml: v.bodyHtml,
      attachments: filesInOrder(v.attachmentIds, files),
      changeNote: v.changeNote,
      createdAt: v.createdAt,
      createdByName: v.createdByName,
    };
  }

  /** A file of the document (current or earlier version), for download; 404 when it is not one of them. */
  async attachment(ctx: RequestContext, id: string, fileId: string): Promise<FileRow> {
    const d = await this.visibleDocument(ctx, id);
    const listed =
      d.attachmentIds.includes(fileId) ||
      (await this.c.repo.documentVersions(id)).some((v) => v.attachmentIds.includes(fileId));
    const row = listed ? await this.c.files.row(fileId) : undefined;
    if (!row) throw notFound('附件');
    return row;
  }

  // ——— documents: write ———

  async create(ctx: RequestContext, input: DocumentInput): Promise<PolicyDocument> {
    return this.c.db.transaction().execute(async (trx) => {
      await this.checkFiles(trx, input.attachmentIds, 'attachmentIds');
      const now = this.c.nowIso();
      const row: DocumentRow = {
        id: this.c.id(),
        ...input,
        bodyHtml: sanitizeRichText(input.bodyHtml),
        status: 'draft',
        version: 0,
        revision: 1,
        publishedAt: null,
        createdBy: ctx.principal?.userId ?? null,
        createdAt: now,
        updatedAt: now,
      };
      await this.c.repo.insertDocument(trx, row);
      await this.c.p.audit.write(trx, ctx, {
        action: 'policy_document.create',
        objectType: 'policy_document',
        objectId: row.id,
        details: { title: row.title, docNumber: row.docNumber },
      });
      return this.present(ctx, row, trx);
    });
  }

  async update(ctx: RequestContext, id: string, input: DocumentUpdate): Promise<PolicyDocument> {
    return this.c.db.transaction().execute(async (trx) => {
      const d = await this.c.repo.document(id, trx);
      if (!d) throw notFound('政策文件');
      if (d.revision !== input.revision) throw new AppError('STALE_VERSION');
      if (d.status === 'expired' || d.status === 'repealed')
        throw new AppError('INVALID_TRANSITION', '已失效或已废止的文件不能修改');
      await this.checkFiles(trx, input.attachmentIds, 'attachmentIds');
      const next = { ...input, bodyHtml: sanitizeRichText(input.bodyHtml) };
      const changed = VERSIONED_FIELDS.filter((k) => JSON.stringify(d[k]) !== JSON.stringify(next[k]));
      if (!changed.length) return this.present(ctx, d, trx);
      const now = this.c.nowIso();
      // A published document's edit is its next version; a draft is edited in place.
      const newVersion = d.status === 'published' ? d.version + 1 : d.version;
      const set = { ...pickVersioned(next), version: newVersion, updatedAt: now };
      if (!(await this.c.repo.updateDocument(trx, id, input.revision, set)))
        throw new AppError('STALE_VERSION');
      const after: DocumentRow = { ...d, ...set, revision: d.revision + 1 };
      if (d.status === 'published') {
        await this.c.repo.insertDocumentVersion(trx, {
          documentId: id,
          version: newVersion,
          ...pickVersioned(after),
          changeNote: input.changeNote,
          createdBy: ctx.principal?.userId ?? null,
          createdAt: now,
        });
        await this.indexer.document(trx, after);
        await this.reindexPrograms(trx, id);
      }
      await this.c.p.audit.write(trx, ctx, {
        action: 'policy_document.update',
        objectType: 'policy_document',
        objectId: id,
        details: { changed, version: newVersion, changeNote: input.changeNote },
      });
      return this.present(ctx, after, trx);
    });
  }

  /** draft → published: version 1; subscribers of its topics hear of it. */
  async publish(ctx: RequestContext, id: string, revision: number): Promise<PolicyDocument> {
    return this.c.db.transaction().execute(async (trx) => {
      const d = await this.c.repo.document(id, trx);
      if (!d) throw notFound('政策文件');
      if (d.revision !== revision) throw new AppError('STALE_VERSION');
      if (d.status !== 'draft') throw new AppError('INVALID_TRANSITION', '只有草稿可以发布');
      const now = this.c.nowIso();
      const set = { status: 'published', version: 1, publishedAt: now, updatedAt: now };
      if (!(await this.c.repo.updateDocument(trx, id, revision, set))) throw new AppError('STALE_VERSION');
      const after: DocumentRow = { ...d, ...set, revision: d.revision + 1 };
      await this.c.repo.insertDocumentVersion(trx, {
        documentId: id,
        version: 1,
        ...pickVersioned(after),
        changeNote: null,
        createdBy: ctx.principal?.userId ?? null,
        createdAt: now,
      });
      await this.indexer.document(trx, after);
      await this.reindexPrograms(trx, id);
      const notified = await this.notifySubscribers(trx, after);
      await this.c.p.audit.write(trx, ctx, {
        action: 'policy_document.publish',
        objectType: 'policy_document',
        objectId: id,
        details: { title: d.title, docNumber: d.docNumber, subscribersNotified: notified },
      });
      return this.present(ctx, after, trx);
    });
  }

  /** published → expired (失效) or repealed (废止); stays readable and findable with its status. */
  async setStatus(
    ctx: RequestContext,
    id: string,
    input: z.output<typeof documentStatusInputSchema>,
  ): Promise<PolicyDocument> {
    return this.c.db.transaction().execute(async (trx) => {
      const d = await this.c.repo.document(id, trx);
      if (!d) throw notFound('政策文件');
      if (d.revision !== input.revision) throw new AppError('STALE_VERSION');
      const allowed = d.status === 'published' || (d.status === 'expired' && input.status === 'repealed');
      if (!allowed)
        throw new AppError('INVALID_TRANSITION', '只有现行有效（或已失效）的文件可以设为失效或废止');
      const set = { status: input.status, updatedAt: this.c.nowIso() };
      if (!(await this.c.repo.updateDocument(trx, id, input.revision, set)))
        throw new AppError('STALE_VERSION');
      const after: DocumentRow = { ...d, ...set, revision: d.revision + 1 };
      await this.indexer.document(trx, after);
      await this.reindexPrograms(trx, id);
      await this.c.p.audit.write(trx, ctx, {
        action: `policy_document.${input.status === 'repealed' ? 'repeal' : 'expire'}`,
        objectType: 'policy_document',
        objectId: id,
        details: { from: d.status, to: input.status, reason: input.reason },
      });
      return this.present(ctx, after, trx);
    });
  }

  /** Programs carry their document's status, level and topics in the index. */
  private async reindexPrograms(trx: DB, documentId: string): Promise<void> {
    const index = indexCatalogue(await this.c.catalogue(trx));
    for (const p of await this.c.repo.programsOfDocument(documentId, false, trx)) {
      await this.indexer.program(trx, p, amountTextOf(p.rules as RuleSet, index));
    }
  }

  private async notifySubscribers(trx: DB, d: DocumentRow): Promise<number> {
    const enterprises = await this.c.repo.subscribers(trx, d.topics);
    if (!enterprises.length) return 0;
    const topics = d.topics.map((t) => POLICY_TOPIC_LABELS[t as PolicyTopic] ?? t).join('、');
    return this.c.p.notifications.notifyEnterprises(
      trx,
      enterprises.map((enterpriseId) => ({
        enterpriseId,
        kind: 'policy_published' as const,
        title: `您订阅的“${topics}”有新政策：${d.title}`,
        body: `${d.issuer}${d.docNumber ? `（${d.docNumber}）` : ''}印发《${d.title}》。${d.summary ?? ''}`.trim(),
        link: `/policies/documents/${d.id}`,
      })),
    );
  }

  // ——— interpretations ———

  private async visibleInterpretation(ctx: RequestContext, id: string, trx: DB = this.c.db) {
    const i = await this.c.repo.interpretation(id, trx);
    if (!i || (i.status !== 'published' && !this.c.isEditor(ctx))) throw notFound('政策解读');
    return i;
  }

  private async presentInterpretation(
    ctx: RequestContext,
    i: InterpretationRow,
    trx: DB = this.c.db,
  ): Promise<Interpretation> {
    const today = this.c.today();
    const docIds = (await this.c.repo.documentsOfInterpretations([i.id], trx)).get(i.id) ?? [];
    const docs = (await this.c.repo.documents(docIds, trx)).filter(
      (d) => d.status !== 'draft' || this.c.isEditor(ctx),
    );
    const image = i.imageFileId ? await this.c.files.row(i.imageFileId, trx) : undefined;
    return {
      id: i.id,
      title: i.title,
      status: i.status as Interpretation['status'],
      documents: docs.map((d) => documentRef(d, today)),
      hasImage: !!image,
      revision: i.revision,
      publishedAt: i.publishedAt,
      updatedAt: i.updatedAt,
      bodyHtml: i.bodyHtml,
      qa: i.qa,
      image: image ? filesInOrder([image.id], new Map([[image.id, image]]))[0]! : null,
    };
  }

  async listInterpretations(ctx: RequestContext, q: z.output<typeof interpretationListQuerySchema>) {
    const editor = this.c.isEditor(ctx);
    const statuses = q.status
      ? editor || q.status === 'published'
        ? [q.status]
        : []
      : editor
        ? ['draft', 'published']
        : ['published'];
    if (!statuses.length) return { items: [], total: 0, page: q.page, pageSize: q.pageSize };
    const { total, rows } = await this.c.repo.listInterpretations({ ...q, statuses });
    const links = await this.c.repo.documentsOfInterpretations(rows.map((r) => r.id));
    const docs = new Map(
      (await this.c.repo.documents([...new Set([...links.values()].flat())])).map((d) => [d.id, d]),
    );
    const today = this.c.today();
    return {
      items: rows.map((i) => ({
        id: i.id,
        title: i.title,
        status: i.status as Interpretation['status'],
        documents: (links.get(i.id) ?? [])
          .map((id) => docs.get(id))
          .filter((d): d is DocumentRow => !!d && (d.status !== 'draft' || editor))
          .map((d) => documentRef(d, today)),
        hasImage: !!i.imageFileId,
        revision: i.revision,
        publishedAt: i.publishedAt,
        updatedAt: i.updatedAt,
      })),
      total,
      page: q.page,
      pageSize: q.pageSize,
    };
  }

  async getInterpretation(ctx: RequestContext, id: string): Promise<Interpretation> {
    return this.presentInterpretation(ctx, await this.visibleInterpretation(ctx, id));
  }

  async interpretationImage(ctx: RequestContext, id: string): Promise<FileRow> {
    const i = await this.visibleInterpretation(ctx, id);
    const row = i.imageFileId ? await this.c.files.row(i.imageFileId) : undefined;
    if (!row) throw notFound('图片');
    return row;
  }

  private async checkLinks(trx: DB, input: InterpretationInput): Promise<DocumentRow[]> {
    const docs = await this.c.repo.documents(input.documentIds, trx);
    input.documentIds.forEach((id, i) => {
      if (!docs.some((d) => d.id === id))
        throw fieldError(`documentIds.${i}`, 'UNKNOWN_DOCUMENT', '关联的政策文件不存在');
    });
    if (input.imageFileId) await this.checkFiles(trx, [input.imageFileId], 'imageFileId', { images: true });
    return docs;
  }

  async createInterpretation(ctx: RequestContext, input: InterpretationInput): Promise<Interpretation> {
    return this.c.db.transaction().execute(async (trx) => {
      await this.checkLinks(trx, input);
      const now = this.c.nowIso();
      const row: InterpretationRow = {
        id: this.c.id(),
        title: input.title,
        bodyHtml: sanitizeRichText(input.bodyHtml),
        qa: input.qa,
        imageFileId: input.imageFileId,
        status: 'draft',
        revision: 1,
        publishedAt: null,
        createdBy: ctx.principal?.userId ?? null,
        createdAt: now,
        updatedAt: now,
      };
      await this.c.repo.insertInterpretation(trx, row, input.documentIds);
      await this.c.p.audit.write(trx, ctx, {
        action: 'policy_interpretation.create',
        objectType: 'policy_interpretation',
        objectId: row.id,
        details: { title: row.title, documentIds: input.documentIds },
      });
      return this.presentInterpretation(ctx, row, trx);
    });
  }

  async updateInterpretation(
    ctx: RequestContext,
    id: string,
    input: InterpretationUpdate,
  ): Promise<Interpretation> {
    return this.c.db.transaction().execute(async (trx) => {
      const i = await this.c.repo.interpretation(id, trx);
      if (!i) throw notFound('政策解读');
      if (i.revision !== input.revision) throw new AppError('STALE_VERSION');
      const docs = await this.checkLinks(trx, input);
      if (i.status === 'published' && docs.some((d) => d.status === 'draft'))
        throw new AppError('DOCUMENT_NOT_PUBLISHED', '已发布的解读只能关联已发布的政策文件');
      const set = {
        title: input.title,
        bodyHtml: sanitizeRichText(input.bodyHtml),
        qa: input.qa,
        imageFileId: input.imageFileId,
        updatedAt: this.c.nowIso(),
      };
      if (!(await this.c.repo.updateInterpretation(trx, id, input.revision, set, input.documentIds)))
        throw new AppError('STALE_VERSION');
      const after: InterpretationRow = { ...i, ...set, revision: i.revision + 1 };
      await this.indexer.interpretation(trx, after, docs);
      await this.c.p.audit.write(trx, ctx, {
        action: 'policy_interpretation.update',
        objectType: 'policy_interpretation',
        objectId: id,
        details: { title: after.title, documentIds: input.documentIds },
      });
      return this.presentInterpretation(ctx, after, trx);
    });
  }

  async publishInterpretation(ctx: RequestContext, id: string, revision: number): Promise<Interpretation> {
    return this.c.db.transaction().execute(async (trx) => {
      const i = await this.c.repo.interpretation(id, trx);
      if (!i) throw notFound('政策解读');
      if (i.revision !== revision) throw new AppError('STALE_VERSION');
      if (i.status !== 'draft') throw new AppError('INVALID_TRANSITION', '只有草稿可以发布');
      const docIds = (await this.c.repo.documentsOfInterpretations([id], trx)).get(id) ?? [];
      const docs = await this.c.repo.documents(docIds, trx);
      if (!docs.length || docs.some((d) => d.status === 'draft'))
        throw new AppError('DOCUMENT_NOT_PUBLISHED', '请先发布所解读的政策文件');
      const now = this.c.nowIso();
      const set = { status: 'published', publishedAt: now, updatedAt: now };
      if (!(await this.c.repo.updateInterpretation(trx, id, revision, set)))
        throw new AppError('STALE_VERSION');
      const after: InterpretationRow = { ...i, ...set, revision: i.revision + 1 };
      await this.indexer.interpretation(trx, after, docs);
      await this.c.p.audit.write(trx, ctx, {
        action: 'policy_interpretation.publish',
        objectType: 'policy_interpretation',
        objectId: id,
        details: { title: i.title },
      });
      return this.presentInterpretation(ctx, after, trx);
    });
  }
}

function pickVersioned<T extends Pick<DocumentRow, (typeof VERSIONED_FIELDS)[number]>>(
  d: T,
): Pick<DocumentRow, (typeof VERSIONED_FIELDS)[number]> {
  return {
    title: d.title,
    docNumber: d.docNumber,
    issuer: d.issuer,
    level: d.level,
    topics: d.topics,
    issuedOn: d.issuedOn,
    effectiveOn: d.effectiveOn,
    expiresOn: d.expiresOn,
    summary: d.summary,
    bodyHtml: d.bodyHtml,
    attachmentIds: d.attachmentIds,
  };
}
