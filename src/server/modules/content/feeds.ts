import { ARTICLE_CHANNEL_LABELS, type ArticleChannel } from '../../../shared/content-api';
import type { ArticleRow } from './present';

/**
 * Atom 1.0 and RSS 2.0 feeds of the latest published articles, written by hand (no dependency): every text is
 * XML-escaped, characters XML 1.0 forbids are dropped, links are absolute (the request's origin).
 */

export const ATOM_TYPE = 'application/atom+xml; charset=utf-8';
export const RSS_TYPE = 'application/rss+xml; charset=utf-8';
const SITE_TITLE = '企服平台 · 信息资讯';

/** Escape for XML text and attribute values; characters not allowed in XML 1.0 are removed. */
export function xmlEscape(text: string): string {
  return (
    text
      // biome-ignore lint/suspicious/noControlCharactersInRegex: removing what XML 1.0 forbids is the point
      .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/g, '')
      .replace(/[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g, '')
      .replace(/&/g, '&amp;')
      .replace(/</g, '&lt;')
      .replace(/>/g, '&gt;')
      .replace(/"/g, '&quot;')
      .replace(/'/g, '&apos;')
  );
}

/** The origin links are built on: scheme and host of the request (a host header that is not a host is ignored). */
export function originOf(protocol: string, host: string | undefined): string {
  const safeHost =
    host && /^[A-Za-z0-9.-]+(:\d{1,5})?$|^\[[0-9A-Fa-f:.]+\](:\d{1,5})?$/.test(host) ? host : 'localhost';
  return `${protocol === 'https' ? 'https' : 'http'}://${safeHost}`;
}

export interface FeedOptions {
  origin: string;
  channel?: ArticleChannel;
  /** The feed's own path with query (for rel="self"). */
  selfPath: string;
}

const articleLink = (origin: string, id: string) => `${origin}/services/news/${encodeURIComponent(id)}`;
const feedTitle = (channel?: ArticleChannel) =>
  channel ? `${SITE_TITLE} · ${ARTICLE_CHANNEL_LABELS[channel]}` : SITE_TITLE;

export function atomFeed(rows: readonly ArticleRow[], o: FeedOptions): string {
  const updated =
    rows
      .map((r) => r.updatedAt)
      .sort()
      .at(-1) ?? new Date(0).toISOString();
  const listLink = `${o.origin}/services/news${o.channel ? `?channel=${o.channel}` : ''}`;
  const entries = rows.map((r) => {
    const link = articleLink(o.origin, r.id);
    return [
      '  <entry>',
      `    <id>${xmlEscape(link)}</id>`,
      `    <title type="text">${xmlEscape(r.title)}</title>`,
      `    <link rel="alternate" type="text/html" href="${xmlEscape(link)}"/>`,
      `    <published>${xmlEscape(r.publishAt ?? r.updatedAt)}</published>`,
      `    <updated>${xmlEscape(r.updatedAt > (r.publishAt ?? '') ? r.updatedAt : (r.publishAt ?? r.updatedAt))}</updated>`,
      `    <author><name>${xmlEscape(r.source || '区政府')}</name></author>`,
      `    <category term="${xmlEscape(r.channel)}" label="${xmlEscape(ARTICLE_CHANNEL_LABELS[r.channel as ArticleChannel] ?? r.channel)}"/>`,
      `    <summary type="text">${xmlEscape(r.summary || r.title)}</summary>`,
      `    <content type="html">${xmlEscape(r.bodyHtml)}</content>`,
      '  </entry>',
    ].join('\n');
  });
  return [
    '<?xml version="1.0" encoding="utf-8"?>',
    '<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="zh-CN">',
    `  <id>${xmlEscape(listLink)}</id>`,
    `  <title type="text">${xmlEscape(feedTitle(o.channel))}</title>`,
    `  <updated>${xmlEscape(updated)}</updated>`,
    `  <link rel="self" type="application/atom+xml" href="${xmlEscape(o.origin + o.selfPath)}"/>`,
    `  <link rel="alternate" type="text/html" href="${xmlEscape(listLink)}"/>`,
    '  <generator>Qifu</generator>',
    ...entries,
    '</feed>',
    '',
  ].join('\n');
}

export function rssFeed(rows: readonly ArticleRow[], o: FeedOptions): string {
  const listLink = `${o.origin}/services/news${o.channel ? `?channel=${o.channel}` : ''}`;
  const latest = rows
    .map((r) => r.updatedAt)
    .sort()
    .at(-1);
  const items = rows.map((r) => {
    const link = articleLink(o.origin, r.id);
    return [
      '    <item>',
      `      <title>${xmlEscape(r.title)}</title>`,
      `      <link>${xmlEscape(link)}</link>`,
      `      <guid isPermaLink="true">${xmlEscape(link)}</guid>`,
      `      <pubDate>${new Date(r.publishAt ?? r.updatedAt).toUTCString()}</pubDate>`,
      `      <category>${xmlEscape(ARTICLE_CHANNEL_LABELS[r.channel as ArticleChannel] ?? r.channel)}</category>`,
      `      <description>${xmlEscape(r.summary || r.title)}</description>`,
      '    </item>',
    ].join('\n');
  });
  return [
    '<?xml version="1.0" encoding="utf-8"?>',
    '<rss version="2.0" xmlns:atom="http://www.w3.org/2005/Atom">',
    '  <channel>',
    `    <title>${xmlEscape(feedTitle(o.channel))}</title>`,
    `    <link>${xmlEscape(listLink)}</link>`,
    `    <description>${xmlEscape('通知公告、工作动态、政策解读与活动信息')}</description>`,
    '    <language>zh-CN</language>',
    ...(latest ? [`    <lastBuildDate>${new Date(latest).toUTCString()}</lastBuildDate>`] : []),
    `    <atom:link href="${xmlEscape(o.origin + o.selfPath)}" rel="self" type="application/rss+xml"/>`,
    ...items,
    '  </channel>',
    '</rss>',
    '',
  ].join('\n');
}
