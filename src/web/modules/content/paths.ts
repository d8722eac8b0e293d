import '../policies/policies.css';
import './content.css';

/**
 * Every content endpoint the web client calls (contract: notes/content-contract.md, routes in
 * src/server/modules/content), and the pages' own addresses. Pages build URLs only through these. The policy
 * stylesheet comes along for the rich-text body and the file lists the two modules share.
 */

const enc = encodeURIComponent;

export const contentApi = {
  articles: '/content/articles',
  article: (id: string) => `/content/articles/${enc(id)}`,
  guides: '/content/guides',
  guide: (id: string) => `/content/guides/${enc(id)}`,
  actionPlans: '/content/action-plans',
  actionPlan: (id: string) => `/content/action-plans/${enc(id)}`,
  /** Full URLs: the feeds are opened by feed readers, not by the JSON client. */
  feedAtom: '/api/v1/content/feed.atom',
  feedRss: '/api/v1/content/feed.rss',
  // content editor
  manageArticles: '/content/manage/articles',
  manageArticle: (id: string) => `/content/manage/articles/${enc(id)}`,
  manageGuides: '/content/manage/guides',
  manageGuide: (id: string) => `/content/manage/guides/${enc(id)}`,
  manageActionPlans: '/content/manage/action-plans',
  manageActionPlan: (id: string) => `/content/manage/action-plans/${enc(id)}`,
  measure: (id: string) => `/content/manage/measures/${enc(id)}`,
  measureProgress: (id: string) => `/content/manage/measures/${enc(id)}/progress`,
  departments: '/departments',
};

export type ContentKind = 'articles' | 'guides';

/** The editor's endpoints of one record, articles and guides alike. */
export function manageApi(kind: ContentKind, id: string) {
  const base = `/content/manage/${kind}/${enc(id)}`;
  return {
    record: base,
    publish: `${base}/publish`,
    archive: `${base}/archive`,
    withdraw: `${base}/withdraw`,
    /** Full URL: a multipart upload goes around the JSON client. */
    upload: `/api/v1${base}/attachments`,
    attachment: (attachmentId: string) => `${base}/attachments/${enc(attachmentId)}`,
  };
}

export const contentPages = {
  news: '/services/news',
  article: (id: string) => `/services/news/${enc(id)}`,
  guides: '/services/guides',
  guide: (id: string) => `/services/guides/${enc(id)}`,
  actionPlan: '/services/action-plan',
  staff: '/workbench/content',
  staffTab: (tab: 'articles' | 'guides' | 'plan') => `/workbench/content?tab=${tab}`,
  staffArticle: (id: string) => `/workbench/content/articles/${enc(id)}`,
  staffGuide: (id: string) => `/workbench/content/guides/${enc(id)}`,
};
