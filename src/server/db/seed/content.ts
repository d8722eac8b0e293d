import { indexArticle, indexGuide } from '../../modules/content/indexer';
import type { ArticleRow, GuideRow } from '../../modules/content/present';
import { sanitizeRichText } from '../../modules/policies/rich-text';
import type { Clock } from '../../platform/clock';
import { DAY, HOUR } from '../../platform/clock';
import { SearchIndex } from '../../platform/text/search-index';
import type { DB } from '../database';
import { type Dialect, toJson } from '../dialect';
import { DEMO_ARTICLES } from './content-articles';
import { DEMO_GUIDES } from './content-guides';
import { DEMO_PLAN, DEMO_PLAN_GROUPS } from './content-plan';

export { DEMO_ARTICLES } from './content-articles';
export { DEMO_GUIDES } from './content-guides';
export { DEMO_PLAN, DEMO_PLAN_GROUPS } from './content-plan';

export interface ContentSeedSummary {
  articles: number;
  guides: number;
  actionPlans: number;
  measures: number;
  measureNotes: number;
}

export interface ContentSeedContext {
  dialect: Dialect;
  clock: Clock;
  id: () => string;
  /** Department code → id (reference.ts codes). */
  departments: Map<string, string>;
  editorId: string;
}

/**
 * The content module's demo data (SPEC §2.6): ~30 articles over the twelve months before now (pinned notices,
 * events, interpretations naming the seeded programs, one scheduled for next week, two drafts, one archived), 13
 * service guides, and the district's action plan with 40 measures in four groups (13 + 6 + 11 + 10) and their
 * progress notes. Times are relative to the clock and fixed to the minute, so a given clock gives the same data;
 * published records are indexed for search.
 */
export async function seedContent(trx: DB, c: ContentSeedContext): Promise<ContentSeedSummary> {
  const now = c.clock.now();
  // Publication at 09:30 Shanghai (01:30 UTC) of the day `daysAgo` before now: a working-morning time.
  const at = (daysAgo: number, hourUtc = 1.5) => {
    const day = new Date(now.getTime() - daysAgo * DAY);
    day.setUTCHours(0, 0, 0, 0);
    return new Date(day.getTime() + hourUtc * HOUR).toISOString();
  };
  const search = new SearchIndex(trx, c.dialect, c.clock);

  const articles: ArticleRow[] = DEMO_ARTICLES.map((a) => {
    const publishAt = a.status === 'draft' ? null : at(a.daysAgo);
    const created = at(Math.max(a.daysAgo, 0) + 2);
    return {
      id: c.id(),
      channel: a.channel,
      title: a.title,
      summary: a.summary,
      source: a.source,
      bodyHtml: sanitizeRichText(a.body),
      pinned: a.pinned ? 1 : 0,
      // Event hour is Shanghai time: UTC = hour − 8.
      eventStartsAt: a.event ? at(a.daysAgo - a.event.daysAfter, a.event.hour - 8) : null,
      eventPlace: a.event?.place ?? null,
      status: a.status,
      publishAt,
      firstPublishedAt: publishAt,
      views: a.status === 'draft' || a.daysAgo < 0 ? 0 : 40 + ((a.daysAgo * 37 + a.title.length * 11) % 900),
      version: a.status === 'archived' ? 3 : a.status === 'published' ? 2 : 1,
      createdBy: c.editorId,
      updatedBy: c.editorId,
      createdAt: created,
      updatedAt: a.status === 'archived' ? at(Math.max(a.daysAgo - 200, 1)) : (publishAt ?? created),
    };
  });
  // Views are counted only for what the public could read; a scheduled article has none yet.
  await insertChunks(trx, 'contentArticles', articles);
  for (const a of articles) await indexArticle(trx, search, a);

  const guides: GuideRow[] = DEMO_GUIDES.map((g) => {
    const publishAt = at(g.daysAgo);
    return {
      id: c.id(),
      category: g.category,
      title: g.title,
      summary: g.summary,
      timeLimit: g.timeLimit,
      fees: g.fees,
      steps: toJson(g.steps),
      materials: toJson(g.materials),
      place: g.place,
      hours: g.hours,
      phone: g.phone,
      onlineUrl: g.onlineUrl,
      basis: g.basis,
      status: 'published',
      publishAt,
      firstPublishedAt: publishAt,
      version: 2,
      createdBy: c.editorId,
      updatedBy: c.editorId,
      createdAt: at(g.daysAgo + 3),
      updatedAt: publishAt,
    };
  });
  await insertChunks(trx, 'contentGuides', guides);
  for (const g of guides) await indexGuide(trx, search, g);

  // The action plan, published a year before the oldest note.
  const planId = c.id();
  const planPublished = at(350);
  await trx
    .insertInto('contentActionPlans')
    .values({
      id: planId,
      title: DEMO_PLAN.title,
      year: DEMO_PLAN.year,
      summary: DEMO_PLAN.summary,
      status: 'published',
      publishAt: planPublished,
      createdAt: at(355),
      updatedAt: planPublished,
    })
    .execute();
  let seq = 0;
  let measures = 0;
  let notes = 0;
  for (const [gi, group] of DEMO_PLAN_GROUPS.entries()) {
    const groupId = c.id();
    await trx
      .insertInto('contentPlanGroups')
      .values({ id: groupId, planId, seq: gi + 1, title: group.title })
      .execute();
    for (const m of group.measures) {
      seq += 1;
      const departmentId = c.departments.get(m.dept);
      if (!departmentId) throw new Error(`content seed: no department ${m.dept}`);
      const measureId = c.id();
      const lastNote = m.notes.length ? Math.min(...m.notes.map((n) => n[0])) : 350;
      await trx
        .insertInto('contentMeasures')
        .values({
          id: measureId,
          planId,
          groupId,
          seq,
          title: m.title,
          content: m.content,
          departmentId,
          deadline: m.deadline,
          status: m.status,
          progress: m.progress,
          version: 1 + m.notes.length,
          updatedBy: c.editorId,
          createdAt: planPublished,
          updatedAt: at(lastNote, 7),
        })
        .execute();
      measures += 1;
      const departmentName = (
        await trx
          .selectFrom('departments')
          .select('name')
          .where('id', '=', departmentId)
          .executeTakeFirstOrThrow()
      ).name;
      const steps = m.notes.length;
      for (const [k, [daysAgo, text]] of m.notes.entries()) {
        const last = k === steps - 1;
        // Earlier notes record an intermediate figure; the last one what the measure reports now.
        const progress = last ? m.progress : Math.round((m.progress * (k + 1)) / (steps + 1) / 5) * 5;
        await trx
          .insertInto('contentMeasureNotes')
          .values({
            id: c.id(),
            measureId,
            at: at(daysAgo, 7),
            text,
            status: last ? m.status : progress > 0 ? 'in_progress' : 'not_started',
            progress,
            authorId: c.editorId,
            authorName: departmentName,
          })
          .execute();
        notes += 1;
      }
    }
  }

  return {
    articles: articles.length,
    guides: guides.length,
    actionPlans: 1,
    measures,
    measureNotes: notes,
  };
}

async function insertChunks(trx: DB, table: 'contentArticles' | 'contentGuides', rows: readonly object[]) {
  for (let i = 0; i < rows.length; i += 50) {
    await trx
      .insertInto(table)
      .values(rows.slice(i, i + 50) as never)
      .execute();
  }
}
