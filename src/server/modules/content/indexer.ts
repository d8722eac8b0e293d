import {
  ARTICLE_CHANNEL_LABELS,
  type ArticleChannel,
  GUIDE_CATEGORY_LABELS,
  type GuideCategory,
} from '../../../shared/content-api';
import type { DB } from '../../db/database';
import { fromJson } from '../../db/dialect';
import { shanghaiDate } from '../../platform/calendar/workdays';
import type { SearchIndex } from '../../platform/text/search-index';
import { richTextToPlain } from '../policies/rich-text';
import type { ArticleRow, GuideRow } from './present';

/**
 * What of the content module is findable (platform SearchIndex): published articles (scope `content_article`,
 * filter `channel`) and guides (`content_guide`, filter `category`). A record enters the index when it is
 * published (also when scheduled: the search filters by publishAt at query time, so it shows from its time on
 * without a job) and leaves it when withdrawn, archived or deleted.
 */
export const CONTENT_SCOPES = { article: 'content_article', guide: 'content_guide' } as const;

export async function indexArticle(trx: DB, search: SearchIndex, a: ArticleRow): Promise<void> {
  if (a.status !== 'published') return search.remove(trx, CONTENT_SCOPES.article, a.id);
  await search.upsert(trx, {
    scope: CONTENT_SCOPES.article,
    id: a.id,
    title: a.title,
    summary: a.summary || null,
    body: [
      ARTICLE_CHANNEL_LABELS[a.channel as ArticleChannel] ?? '',
      a.source,
      a.eventPlace ?? '',
      richTextToPlain(a.bodyHtml),
    ]
      .filter(Boolean)
      .join('\n'),
    filters: { channel: a.channel },
    publishedOn: a.publishAt ? shanghaiDate(new Date(a.publishAt)) : null,
    boost: a.pinned ? 1 : 0,
  });
}

export async function indexGuide(trx: DB, search: SearchIndex, g: GuideRow): Promise<void> {
  if (g.status !== 'published') return search.remove(trx, CONTENT_SCOPES.guide, g.id);
  const steps = fromJson<{ title: string; detail: string }[]>(g.steps, []);
  const materials = fromJson<{ name: string; note: string }[]>(g.materials, []);
  await search.upsert(trx, {
    scope: CONTENT_SCOPES.guide,
    id: g.id,
    title: g.title,
    summary: g.summary || null,
    body: [
      GUIDE_CATEGORY_LABELS[g.category as GuideCategory] ?? '',
      `办理时限：${g.timeLimit}`,
      `收费标准：${g.fees}`,
      `办理流程：${steps.map((s) => `${s.title} ${s.detail}`).join('；')}`,
      `申请材料：${materials.map((m) => m.name).join('、')}`,
      `办理地点：${g.place}`,
      g.basis ? `设定依据：${g.basis}` : '',
    ]
      .filter(Boolean)
      .join('\n'),
    filters: { category: g.category },
    publishedOn: g.publishAt ? shanghaiDate(new Date(g.publishAt)) : null,
  });
}
