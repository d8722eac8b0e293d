import type {
  Article,
  ArticleChannel,
  ArticleSummary,
  Attachment,
  ContentDisplayState,
  ContentStatus,
  Guide,
  GuideCategory,
  GuideMaterial,
  GuideStep,
  GuideSummary,
  Measure,
  MeasureStatus,
} from '../../../shared/content-api';
import { fromJson } from '../../db/dialect';
import type {
  ContentArticleTable,
  ContentGuideTable,
  ContentMeasureNoteTable,
  ContentMeasureTable,
} from '../../db/schema';

/** Rows as read (with the editors' names where the query joined them). */
export type ArticleRow = ContentArticleTable & {
  createdByName?: string | null;
  updatedByName?: string | null;
};
export type GuideRow = ContentGuideTable & { createdByName?: string | null; updatedByName?: string | null };
export type MeasureRow = ContentMeasureTable & { departmentName: string };

/** The path a file of an article or guide downloads from. */
export const attachmentUrl = (id: string) => `/api/v1/content/attachments/${id}`;

/** The state shown: a published record whose time has not come is `scheduled`. */
export function displayState(status: string, publishAt: string | null, nowIso: string): ContentDisplayState {
  if (status === 'published') return publishAt && publishAt > nowIso ? 'scheduled' : 'published';
  return status === 'archived' ? 'archived' : 'draft';
}

/** Public: published and due. */
export function isVisible(status: string, publishAt: string | null, nowIso: string): boolean {
  return displayState(status, publishAt, nowIso) === 'published';
}

export function articleSummary(r: ArticleRow, nowIso: string): ArticleSummary {
  return {
    id: r.id,
    channel: r.channel as ArticleChannel,
    title: r.title,
    summary: r.summary,
    source: r.source,
    publishAt: r.publishAt,
    pinned: !!r.pinned,
    state: displayState(r.status, r.publishAt, nowIso),
    eventStartsAt: r.eventStartsAt,
    eventPlace: r.eventPlace,
  };
}

export function article(r: ArticleRow, attachments: Attachment[], nowIso: string): Article {
  return {
    ...articleSummary(r, nowIso),
    bodyHtml: r.bodyHtml,
    attachments,
    views: r.views,
    updatedAt: r.updatedAt,
  };
}

export function editorFields(r: ArticleRow | GuideRow) {
  return {
    status: r.status as ContentStatus,
    version: r.version,
    createdAt: r.createdAt,
    createdByName: r.createdByName ?? null,
    updatedByName: r.updatedByName ?? null,
  };
}

export function guideSummary(r: GuideRow, nowIso: string): GuideSummary {
  return {
    id: r.id,
    category: r.category as GuideCategory,
    title: r.title,
    summary: r.summary,
    timeLimit: r.timeLimit,
    fees: r.fees,
    state: displayState(r.status, r.publishAt, nowIso),
    updatedAt: r.updatedAt,
  };
}

export function guide(r: GuideRow, attachments: Attachment[], nowIso: string): Guide {
  return {
    ...guideSummary(r, nowIso),
    steps: fromJson<GuideStep[]>(r.steps, []),
    materials: fromJson<GuideMaterial[]>(r.materials, []),
    place: r.place,
    hours: r.hours,
    phone: r.phone,
    onlineUrl: r.onlineUrl,
    basis: r.basis,
    attachments,
    publishAt: r.publishAt,
  };
}

/** A measure not done past its deadline reads as delayed, whatever was stored. */
export function derivedStatus(stored: string, deadline: string, today: string): MeasureStatus {
  if (stored !== 'done' && deadline < today) return 'delayed';
  return stored as MeasureStatus;
}

export function measure(r: MeasureRow, notes: ContentMeasureNoteTable[], today: string): Measure {
  return {
    id: r.id,
    groupId: r.groupId,
    seq: r.seq,
    title: r.title,
    content: r.content,
    departmentId: r.departmentId,
    departmentName: r.departmentName,
    deadline: r.deadline,
    storedStatus: r.status as MeasureStatus,
    status: derivedStatus(r.status, r.deadline, today),
    progress: r.progress,
    updatedAt: r.updatedAt,
    notes: notes
      .slice()
      .sort((a, b) => (a.at < b.at ? 1 : a.at > b.at ? -1 : 0))
      .map((n) => ({ id: n.id, at: n.at, text: n.text, authorName: n.authorName })),
  };
}
