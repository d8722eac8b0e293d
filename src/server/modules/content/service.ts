import { sql } from 'kysely';
import type {
  Article,
  ArticleEditorSummary,
  ArticleEditorView,
  ArticleInput,
  ArticleListQuery,
  ArticleManageQuery,
  ArticleSummary,
  ArticleUpdate,
  Attachment,
  Guide,
  GuideEditorSummary,
  GuideEditorView,
  GuideInput,
  GuideListQuery,
  GuideManageQuery,
  GuideSummary,
  GuideUpdate,
  PublishInput,
} from '../../../shared/content-api';
import { ATTACHMENTS_PER_OBJECT } from '../../../shared/files';
import type { Platform } from '../../app';
import type { DB } from '../../db/database';
import { likeEscape, likePattern, toJson } from '../../db/dialect';
import { hasRole, type RequestContext } from '../../platform/context';
import { AppError, fieldError, notFound } from '../../platform/errors';
import { type FileRow, FileStore } from '../../platform/files/store';
import { newId } from '../../platform/ids';
import type { SearchHit } from '../../platform/text/search-index';
import { sanitizeRichText } from '../policies/rich-text';
import { CONTENT_SCOPES, indexArticle, indexGuide } from './indexer';
import {
  type ArticleRow,
  article,
  articleSummary,
  attachmentUrl,
  displayState,
  editorFields,
  type GuideRow,
  guide,
  guideSummary,
  isVisible,
} from './present';

export type ContentKind = 'article' | 'guide';
const TABLE = { article: 'contentArticles', guide: 'contentGuides' } as const;
const WHAT = { article: '资讯', guide: '办事指南' } as const;
/** Who edits content; they also read drafts and their files. */
export const CONTENT_EDITORS = ['content_editor'] as const;
/** Search hits read per keyword search (the content corpus is hundreds of records, not tens of thousands). */
const MAX_SEARCH_HITS = 1000;

interface Page<T> {
  items: T[];
  total: number;
  page: number;
  pageSize: number;
}

/**
 * Articles (资讯: 通知公告, 工作动态, 政策解读, 活动) and service guides (办事指南): the public reads, the content
 * editor's writes with optimistic concurrency (`version`, 409 CONTENT_VERSION_CONFLICT), publication (now or
 * scheduled), archive, withdraw, delete of never-published drafts, attachments. Every write is audited in its
 * transaction and keeps the search index in step.
 */
export class ContentService {
  readonly files: FileStore;

  constructor(readonly platform: Platform) {
    this.files = new FileStore(platform.database.db, platform.config.dataDir, platform.clock);
  }

  private get db(): DB {
    return this.platform.database.db;
  }

  private nowIso(): string {
    return this.platform.clock.now().toISOString();
  }

  // ——— public reads ———

  async listArticles(q: ArticleListQuery): Promise<Page<ArticleSummary>> {
    const now = this.nowIso();
    if (q.q) {
      const found = await this.searchVisible('article', q.q, q.channel ? { channel: q.channel } : {}, q);
      const rows = await this.articleRows(found.ids);
      return {
        items: found.ids
          .map((id) => rows.get(id))
          .filter((r): r is ArticleRow => !!r)
          .map((r) => ({ ...articleSummary(r, now), highlight: found.highlight.get(r.id) })),
        total: found.total,
        page: q.page,
        pageSize: q.pageSize,
      };
    }
    let base = this.db
      .selectFrom('contentArticles')
      .where('status', '=', 'published')
      .where('publishAt', '<=', now);
    if (q.channel) base = base.where('channel', '=', q.channel);
    const [rows, count] = await Promise.all([
      base
        .selectAll()
        .orderBy('pinned', 'desc')
        .orderBy('publishAt', 'desc')
        .orderBy('id', 'desc')
        .limit(q.pageSize)
        .offset((q.page - 1) * q.pageSize)
        .execute(),
      base.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
    ]);
    return {
      items: rows.map((r) => articleSummary(r, now)),
      total: Number(count.n),
      page: q.page,
      pageSize: q.pageSize,
    };
  }

  /** A public article (published and due); counts a view. */
  async article(id: string): Promise<Article> {
    const now = this.nowIso();
    const row = await this.db
      .selectFrom('contentArticles')
      .selectAll()
      .where('id', '=', id)
      .executeTakeFirst();
    if (!row || !isVisible(row.status, row.publishAt, now)) throw notFound('资讯');
    await this.db
      .updateTable('contentArticles')
      .set((eb) => ({ views: eb('views', '+', 1) }))
      .where('id', '=', id)
      .execute();
    return article({ ...row, views: row.views + 1 }, await this.attachments('article', id), now);
  }

  async listGuides(q: GuideListQuery): Promise<Page<GuideSummary>> {
    const now = this.nowIso();
    if (q.q) {
      const found = await this.searchVisible('guide', q.q, q.category ? { category: q.category } : {}, q);
      const rows = await this.guideRows(found.ids);
      return {
        items: found.ids
          .map((id) => rows.get(id))
          .filter((r): r is GuideRow => !!r)
          .map((r) => ({ ...guideSummary(r, now), highlight: found.highlight.get(r.id) })),
        total: found.total,
        page: q.page,
        pageSize: q.pageSize,
      };
    }
    let base = this.db
      .selectFrom('contentGuides')
      .where('status', '=', 'published')
      .where('publishAt', '<=', now);
    if (q.category) base = base.where('category', '=', q.category);
    const [rows, count] = await Promise.all([
      base
        .selectAll()
        .orderBy('category')
        .orderBy('publishAt', 'desc')
        .orderBy('id', 'desc')
        .limit(q.pageSize)
        .offset((q.page - 1) * q.pageSize)
        .execute(),
      base.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
    ]);
    return {
      items: rows.map((r) => guideSummary(r, now)),
      total: Number(count.n),
      page: q.page,
      pageSize: q.pageSize,
    };
  }

  async guide(id: string): Promise<Guide> {
    const now = this.nowIso();
    const row = await this.db.selectFrom('contentGuides').selectAll().where('id', '=', id).executeTakeFirst();
    if (!row || !isVisible(row.status, row.publishAt, now)) throw notFound('办事指南');
    return guide(row, await this.attachments('guide', id), now);
  }

  /** The latest published articles, for the feeds. */
  async feedArticles(channel: string | undefined, limit = 50): Promise<ArticleRow[]> {
    let q = this.db
      .selectFrom('contentArticles')
      .selectAll()
      .where('status', '=', 'published')
      .where('publishAt', '<=', this.nowIso());
    if (channel) q = q.where('channel', '=', channel);
    return q.orderBy('publishAt', 'desc').orderBy('id', 'desc').limit(limit).execute();
  }

  /**
   * A keyword search of one kind: the index's relevance order, then only what is visible now (a scheduled record
   * is in the index from its publication but not shown before its time).
   */
  private async searchVisible(
    kind: ContentKind,
    query: string,
    filters: Record<string, string>,
    paging: { page: number; pageSize: number },
  ) {
    const hits: SearchHit[] = [];
    for (let offset = 0; offset < MAX_SEARCH_HITS; offset += 100) {
      const r = await this.platform.search.search({
        query,
        scopes: [CONTENT_SCOPES[kind]],
        filters,
        limit: 100,
        offset,
      });
      hits.push(...r.items);
      if (r.items.length < 100) break;
    }
    const now = this.nowIso();
    const ids = [...new Set(hits.map((h) => h.id))];
    const visible = new Set<string>();
    if (ids.length) {
      const rows = await this.db
        .selectFrom(TABLE[kind] as 'contentArticles')
        .select('id')
        .where('id', 'in', ids)
        .where('status', '=', 'published')
        .where('publishAt', '<=', now)
        .execute();
      for (const r of rows) visible.add(r.id);
    }
    const shown = hits.filter((h) => visible.has(h.id));
    const start = (paging.page - 1) * paging.pageSize;
    const pageHits = shown.slice(start, start + paging.pageSize);
    const highlight = new Map(
      pageHits.map((h) => [h.id, { title: h.titleHtml, ...(h.snippet ? { summary: h.snippet } : {}) }]),
    );
    return { ids: pageHits.map((h) => h.id), total: shown.length, highlight };
  }

  private async articleRows(ids: string[]): Promise<Map<string, ArticleRow>> {
    if (!ids.length) return new Map();
    const rows = await this.db.selectFrom('contentArticles').selectAll().where('id', 'in', ids).execute();
    return new Map(rows.map((r) => [r.id, r]));
  }

  private async guideRows(ids: string[]): Promise<Map<string, GuideRow>> {
    if (!ids.length) return new Map();
    const rows = await this.db.selectFrom('contentGuides').selectAll().where('id', 'in', ids).execute();
    return new Map(rows.map((r) => [r.id, r]));
  }

  // ——— editor reads ———

  private editorArticles(db: DB = this.db) {
    return db
      .selectFrom('contentArticles as a')
      .leftJoin('users as cu', 'cu.id', 'a.createdBy')
      .leftJoin('users as uu', 'uu.id', 'a.updatedBy')
      .selectAll('a')
      .select(['cu.displayName as createdByName', 'uu.displayName as updatedByName']);
  }

  private editorGuides(db: DB = this.db) {
    return db
      .selectFrom('contentGuides as g')
      .leftJoin('users as cu', 'cu.id', 'g.createdBy')
      .leftJoin('users as uu', 'uu.id', 'g.updatedBy')
      .selectAll('g')
      .select(['cu.displayName as createdByName', 'uu.displayName as updatedByName']);
  }

  async manageArticles(q: ArticleManageQuery): Promise<Page<ArticleEditorSummary>> {
    const now = this.nowIso();
    let base = this.db.selectFrom('contentArticles as a');
    if (q.channel) base = base.where('a.channel', '=', q.channel);
    base = this.stateFilter(base, 'a', q.status, now);
    if (q.q) {
      const pattern = sql<string>`${likePattern(q.q)} escape ${likeEscape}`;
      base = base.where((eb) =>
        eb.or([
          eb('a.title', this.platform.database.dialect.likeOperator, pattern),
          eb('a.summary', this.platform.database.dialect.likeOperator, pattern),
        ]),
      );
    }
    const [ids, count] = await Promise.all([
      base
        .select('a.id')
        .orderBy('a.updatedAt', 'desc')
        .orderBy('a.id', 'desc')
        .limit(q.pageSize)
        .offset((q.page - 1) * q.pageSize)
        .execute(),
      base.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
    ]);
    const rows = ids.length
      ? await this.editorArticles()
          .where(
            'a.id',
            'in',
            ids.map((r) => r.id),
          )
          .execute()
      : [];
    const byId = new Map(rows.map((r) => [r.id, r]));
    return {
      items: ids
        .map((r) => byId.get(r.id)!)
        .map((r) => ({
          ...articleSummary(r, now),
          ...editorFields(r),
          updatedAt: r.updatedAt,
          views: r.views,
        })),
      total: Number(count.n),
      page: q.page,
      pageSize: q.pageSize,
    };
  }

  async manageGuides(q: GuideManageQuery): Promise<Page<GuideEditorSummary>> {
    const now = this.nowIso();
    let base = this.db.selectFrom('contentGuides as a');
    if (q.category) base = base.where('a.category', '=', q.category);
    base = this.stateFilter(base, 'a', q.status, now);
    if (q.q) {
      const pattern = sql<string>`${likePattern(q.q)} escape ${likeEscape}`;
      base = base.where((eb) =>
        eb.or([
          eb('a.title', this.platform.database.dialect.likeOperator, pattern),
          eb('a.summary', this.platform.database.dialect.likeOperator, pattern),
        ]),
      );
    }
    const [ids, count] = await Promise.all([
      base
        .select('a.id')
        .orderBy('a.updatedAt', 'desc')
        .orderBy('a.id', 'desc')
        .limit(q.pageSize)
        .offset((q.page - 1) * q.pageSize)
        .execute(),
      base.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
    ]);
    const rows = ids.length
      ? await this.editorGuides()
          .where(
            'g.id',
            'in',
            ids.map((r) => r.id),
          )
          .execute()
      : [];
    const byId = new Map(rows.map((r) => [r.id, r]));
    return {
      items: ids
        .map((r) => byId.get(r.id)!)
        .map((r) => ({ ...guideSummary(r, now), ...editorFields(r), publishAt: r.publishAt })),
      total: Number(count.n),
      page: q.page,
      pageSize: q.pageSize,
    };
  }

  // biome-ignore lint/suspicious/noExplicitAny: the same filter on either table's builder
  private stateFilter<Q extends { where: (...args: any[]) => Q }>(
    q: Q,
    alias: string,
    state: string | undefined,
    now: string,
  ): Q {
    if (!state) return q;
    const col = (c: string) => `${alias}.${c}`;
    if (state === 'draft' || state === 'archived') return q.where(col('status'), '=', state);
    if (state === 'scheduled')
      return q.where(col('status'), '=', 'published').where(col('publishAt'), '>', now);
    return q.where(col('status'), '=', 'published').where(col('publishAt'), '<=', now);
  }

  async manageArticle(id: string, db: DB = this.db): Promise<ArticleEditorView> {
    const row = await this.editorArticles(db).where('a.id', '=', id).executeTakeFirst();
    if (!row) throw notFound('资讯');
    return {
      ...article(row, await this.attachments('article', id, db), this.nowIso()),
      ...editorFields(row),
    };
  }

  async manageGuide(id: string, db: DB = this.db): Promise<GuideEditorView> {
    const row = await this.editorGuides(db).where('g.id', '=', id).executeTakeFirst();
    if (!row) throw notFound('办事指南');
    return { ...guide(row, await this.attachments('guide', id, db), this.nowIso()), ...editorFields(row) };
  }

  // ——— editor writes ———

  async createArticle(ctx: RequestContext, input: ArticleInput): Promise<ArticleEditorView> {
    const now = this.nowIso();
    const id = newId(this.platform.clock.now().getTime());
    const userId = ctx.principal?.userId ?? null;
    return this.db.transaction().execute(async (trx) => {
      await trx
        .insertInto('contentArticles')
        .values({
          id,
          channel: input.channel,
          title: input.title,
          summary: input.summary,
          source: input.source,
          bodyHtml: sanitizeRichText(input.bodyHtml),
          pinned: input.pinned ? 1 : 0,
          eventStartsAt: input.eventStartsAt ? new Date(input.eventStartsAt).toISOString() : null,
          eventPlace: input.eventPlace || null,
          status: 'draft',
          publishAt: null,
          firstPublishedAt: null,
          views: 0,
          version: 1,
          createdBy: userId,
          updatedBy: userId,
          createdAt: now,
          updatedAt: now,
        })
        .execute();
      await this.platform.audit.write(trx, ctx, {
        action: 'content.article.create',
        objectType: 'content_article',
        objectId: id,
        details: { channel: input.channel, title: input.title },
      });
      return this.manageArticle(id, trx);
    });
  }

  async updateArticle(ctx: RequestContext, id: string, input: ArticleUpdate): Promise<ArticleEditorView> {
    const { version, ...fields } = input;
    const set: Partial<ArticleRow> = {};
    if (fields.channel !== undefined) set.channel = fields.channel;
    if (fields.title !== undefined) set.title = fields.title;
    if (fields.summary !== undefined) set.summary = fields.summary;
    if (fields.source !== undefined) set.source = fields.source;
    if (fields.bodyHtml !== undefined) set.bodyHtml = sanitizeRichText(fields.bodyHtml);
    if (fields.pinned !== undefined) set.pinned = fields.pinned ? 1 : 0;
    if (fields.eventStartsAt !== undefined)
      set.eventStartsAt = fields.eventStartsAt ? new Date(fields.eventStartsAt).toISOString() : null;
    if (fields.eventPlace !== undefined) set.eventPlace = fields.eventPlace || null;
    return this.db.transaction().execute(async (trx) => {
      const row = await this.bump(trx, 'article', id, version, set, ctx);
      if (row.status === 'published' && !row.bodyHtml.trim()) throw emptyBody();
      await indexArticle(trx, this.platform.search, row);
      await this.platform.audit.write(trx, ctx, {
        action: 'content.article.update',
        objectType: 'content_article',
        objectId: id,
        details: { changed: Object.keys(set), version: row.version },
      });
      return this.manageArticle(id, trx);
    });
  }

  async createGuide(ctx: RequestContext, input: GuideInput): Promise<GuideEditorView> {
    const now = this.nowIso();
    const id = newId(this.platform.clock.now().getTime());
    const userId = ctx.principal?.userId ?? null;
    return this.db.transaction().execute(async (trx) => {
      await trx
        .insertInto('contentGuides')
        .values({
          id,
          category: input.category,
          title: input.title,
          summary: input.summary,
          timeLimit: input.timeLimit,
          fees: input.fees,
          steps: toJson(input.steps),
          materials: toJson(input.materials),
          place: input.place,
          hours: input.hours,
          phone: input.phone,
          onlineUrl: input.onlineUrl ?? null,
          basis: input.basis,
          status: 'draft',
          publishAt: null,
          firstPublishedAt: null,
          version: 1,
          createdBy: userId,
          updatedBy: userId,
          createdAt: now,
          updatedAt: now,
        })
        .execute();
      await this.platform.audit.write(trx, ctx, {
        action: 'content.guide.create',
        objectType: 'content_guide',
        objectId: id,
        details: { category: input.category, title: input.title },
      });
      return this.manageGuide(id, trx);
    });
  }

  async updateGuide(ctx: RequestContext, id: string, input: GuideUpdate): Promise<GuideEditorView> {
    const { version, steps, materials, ...rest } = input;
    const set: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(rest)) if (v !== undefined) set[k] = v;
    if (steps !== undefined) set.steps = toJson(steps);
    if (materials !== undefined) set.materials = toJson(materials);
    return this.db.transaction().execute(async (trx) => {
      const row = (await this.bump(trx, 'guide', id, version, set, ctx)) as unknown as GuideRow;
      await indexGuide(trx, this.platform.search, row);
      await this.platform.audit.write(trx, ctx, {
        action: 'content.guide.update',
        objectType: 'content_guide',
        objectId: id,
        details: { changed: Object.keys(set), version: row.version },
      });
      return this.manageGuide(id, trx);
    });
  }

  /**
   * Apply a change if the record is still at `version` (then version + 1); 404 when there is no such record, 409
   * CONTENT_VERSION_CONFLICT when someone changed it since. Returns the row as changed.
   */
  private async bump(
    trx: DB,
    kind: ContentKind,
    id: string,
    version: number,
    set: Record<string, unknown>,
    ctx: RequestContext,
  ): Promise<ArticleRow> {
    const table = TABLE[kind] as 'contentArticles';
    const res = await trx
      .updateTable(table)
      .set({
        ...(set as Partial<ArticleRow>),
        version: version + 1,
        updatedAt: this.nowIso(),
        updatedBy: ctx.principal?.userId ?? null,
      })
      .where('id', '=', id)
      .where('version', '=', version)
      .executeTakeFirst();
    const row = await trx.selectFrom(table).selectAll().where('id', '=', id).executeTakeFirst();
    if (!row) throw notFound(WHAT[kind]);
    if (Number(res.numUpdatedRows) === 0) throw versionConflict(row.version);
    return row;
  }

  /** Publish now (no publishAt, or one not in the future) or schedule (publishAt in the future). */
  async publish(ctx: RequestContext, kind: ContentKind, id: string, input: PublishInput) {
    const now = this.nowIso();
    const at = input.publishAt ? new Date(input.publishAt).toISOString() : now;
    return this.db.transaction().execute(async (trx) => {
      const current = await this.current(trx, kind, id);
      if (kind === 'article' && !(current as ArticleRow).bodyHtml.trim()) throw emptyBody();
      const row = await this.bump(
        trx,
        kind,
        id,
        input.version,
        { status: 'published', publishAt: at, firstPublishedAt: current.firstPublishedAt ?? at },
        ctx,
      );
      if (kind === 'article') await indexArticle(trx, this.platform.search, row);
      else await indexGuide(trx, this.platform.search, row as unknown as GuideRow);
      await this.platform.audit.write(trx, ctx, {
        action: kind === 'article' ? 'content.article.publish' : 'content.guide.publish',
        objectType: `content_${kind}`,
        objectId: id,
        details: { publishAt: at, scheduled: at > now, from: current.status, version: row.version },
      });
      return this.editorView(kind, id, trx);
    });
  }

  /** published → archived (no longer public, kept). */
  async archive(ctx: RequestContext, kind: ContentKind, id: string, version: number) {
    return this.db.transaction().execute(async (trx) => {
      const current = await this.current(trx, kind, id);
      if (current.status !== 'published') throw invalidState('只有已发布的内容可以归档');
      const row = await this.bump(trx, kind, id, version, { status: 'archived' }, ctx);
      await this.platform.search.remove(trx, CONTENT_SCOPES[kind], id);
      await this.platform.audit.write(trx, ctx, {
        action: kind === 'article' ? 'content.article.archive' : 'content.guide.archive',
        objectType: `content_${kind}`,
        objectId: id,
        details: { version: row.version },
      });
      return this.editorView(kind, id, trx);
    });
  }

  /** published or archived → draft (off the site, editable, publishable again). */
  async withdraw(ctx: RequestContext, kind: ContentKind, id: string, version: number) {
    return this.db.transaction().execute(async (trx) => {
      const current = await this.current(trx, kind, id);
      if (current.status === 'draft') throw invalidState('草稿无需撤回');
      const row = await this.bump(trx, kind, id, version, { status: 'draft' }, ctx);
      await this.platform.search.remove(trx, CONTENT_SCOPES[kind], id);
      await this.platform.audit.write(trx, ctx, {
        action: kind === 'article' ? 'content.article.withdraw' : 'content.guide.withdraw',
        objectType: `content_${kind}`,
        objectId: id,
        details: { from: current.status, version: row.version },
      });
      return this.editorView(kind, id, trx);
    });
  }

  /** Delete a draft that was never published (with its attachment links). */
  async remove(ctx: RequestContext, kind: ContentKind, id: string): Promise<void> {
    await this.db.transaction().execute(async (trx) => {
      const current = await this.current(trx, kind, id);
      if (current.status !== 'draft' || current.firstPublishedAt) throw new AppError('CONTENT_NOT_DELETABLE');
      await trx
        .deleteFrom('contentAttachments')
        .where('ownerType', '=', kind)
        .where('ownerId', '=', id)
        .execute();
      await trx
        .deleteFrom(TABLE[kind] as 'contentArticles')
        .where('id', '=', id)
        .execute();
      await this.platform.search.remove(trx, CONTENT_SCOPES[kind], id);
      await this.platform.audit.write(trx, ctx, {
        action: kind === 'article' ? 'content.article.delete' : 'content.guide.delete',
        objectType: `content_${kind}`,
        objectId: id,
        details: { title: current.title },
      });
    });
  }

  private async current(trx: DB, kind: ContentKind, id: string) {
    const row = await trx
      .selectFrom(TABLE[kind] as 'contentArticles')
      .selectAll()
      .where('id', '=', id)
      .executeTakeFirst();
    if (!row) throw notFound(WHAT[kind]);
    return row;
  }

  private editorView(kind: ContentKind, id: string, db: DB): Promise<ArticleEditorView | GuideEditorView> {
    return kind === 'article' ? this.manageArticle(id, db) : this.manageGuide(id, db);
  }

  // ——— attachments ———

  async attachments(kind: ContentKind, ownerId: string, db: DB = this.db): Promise<Attachment[]> {
    const rows = await db
      .selectFrom('contentAttachments as c')
      .innerJoin('files as f', 'f.id', 'c.fileId')
      .select(['c.id', 'f.name', 'f.size', 'f.mime'])
      .where('c.ownerType', '=', kind)
      .where('c.ownerId', '=', ownerId)
      .orderBy('c.createdAt')
      .orderBy('c.id')
      .execute();
    return rows.map((r) => ({
      id: r.id,
      name: r.name,
      size: r.size,
      mime: r.mime,
      url: attachmentUrl(r.id),
    }));
  }

  async addAttachment(
    ctx: RequestContext,
    kind: ContentKind,
    ownerId: string,
    file: { data: Buffer; name: string },
  ): Promise<Attachment> {
    return this.db.transaction().execute(async (trx) => {
      const owner = await this.current(trx, kind, ownerId);
      const count = await trx
        .selectFrom('contentAttachments')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .where('ownerType', '=', kind)
        .where('ownerId', '=', ownerId)
        .executeTakeFirstOrThrow();
      if (Number(count.n) >= ATTACHMENTS_PER_OBJECT)
        throw new AppError('CONTENT_TOO_MANY_ATTACHMENTS', `每篇最多 ${ATTACHMENTS_PER_OBJECT} 个附件`);
      const saved = await this.files.save(
        {
          data: file.data,
          name: file.name,
          // Uploaded through the content editor's own route, never the generic one (FILE_PURPOSES).
          purpose: 'content',
          uploadedBy: ctx.principal?.userId ?? null,
          enterpriseId: null,
        },
        trx,
      );
      const id = newId(this.platform.clock.now().getTime());
      await trx
        .insertInto('contentAttachments')
        .values({
          id,
          ownerType: kind,
          ownerId,
          fileId: saved.id,
          createdBy: ctx.principal?.userId ?? null,
          createdAt: this.nowIso(),
        })
        .execute();
      await this.platform.audit.write(trx, ctx, {
        action: 'content.attachment.add',
        objectType: `content_${kind}`,
        objectId: ownerId,
        details: {
          attachmentId: id,
          fileId: saved.id,
          name: saved.name,
          size: saved.size,
          title: owner.title,
        },
      });
      return { id, name: saved.name, size: saved.size, mime: saved.mime, url: attachmentUrl(id) };
    });
  }

  async removeAttachment(ctx: RequestContext, kind: ContentKind, ownerId: string, attachmentId: string) {
    await this.db.transaction().execute(async (trx) => {
      await this.current(trx, kind, ownerId);
      const row = await trx
        .selectFrom('contentAttachments')
        .selectAll()
        .where('id', '=', attachmentId)
        .where('ownerType', '=', kind)
        .where('ownerId', '=', ownerId)
        .executeTakeFirst();
      if (!row) throw notFound('附件');
      await trx.deleteFrom('contentAttachments').where('id', '=', attachmentId).execute();
      await this.platform.audit.write(trx, ctx, {
        action: 'content.attachment.remove',
        objectType: `content_${kind}`,
        objectId: ownerId,
        details: { attachmentId, fileId: row.fileId },
      });
    });
  }

  /** The file of an attachment, when its article or guide is public (editors: always); 404 otherwise. */
  async attachmentFile(ctx: RequestContext, attachmentId: string): Promise<FileRow> {
    const link = await this.db
      .selectFrom('contentAttachments')
      .selectAll()
      .where('id', '=', attachmentId)
      .executeTakeFirst();
    if (!link) throw notFound('附件');
    if (!hasRole(ctx.principal, ...CONTENT_EDITORS)) {
      const owner = await this.db
        .selectFrom(TABLE[link.ownerType as ContentKind] as 'contentArticles')
        .select(['status', 'publishAt'])
        .where('id', '=', link.ownerId)
        .executeTakeFirst();
      if (!owner || !isVisible(owner.status, owner.publishAt, this.nowIso())) throw notFound('附件');
    }
    const file = await this.files.row(link.fileId);
    if (!file) throw notFound('附件');
    return file;
  }
}

export function versionConflict(current: number): AppError {
  return new AppError('CONTENT_VERSION_CONFLICT', undefined, { currentVersion: current });
}

function invalidState(message: string): AppError {
  return new AppError('CONTENT_INVALID_STATE', message);
}

function emptyBody(): AppError {
  return fieldError('bodyHtml', 'VALIDATION_FAILED', '正文为空，不能发布');
}

export { displayState };
