import { createElement, Fragment, type ReactNode } from 'react';

/**
 * Rendering policy rich text (documents' 正文, interpretations' 白话). The server already keeps only a strict
 * allow-list (src/server/modules/policies/rich-text.ts); the page does not take that on trust and builds React
 * elements from the parsed tree with the same allow-list, so a stored body that somehow carries a script, an event
 * handler or a `javascript:` link renders as inert text or not at all. Nothing goes through innerHTML.
 */

/** Tags rendered as themselves (the server's list; h1 is demoted to h2 there). */
export const RICH_TAGS = new Set([
  'p',
  'br',
  'h2',
  'h3',
  'h4',
  'strong',
  'b',
  'em',
  'i',
  'u',
  's',
  'sub',
  'sup',
  'ol',
  'ul',
  'li',
  'blockquote',
  'table',
  'thead',
  'tbody',
  'tr',
  'th',
  'td',
  'caption',
  'a',
  'hr',
]);

/** Tags whose content is dropped with them. */
const DROPPED = new Set([
  'script',
  'style',
  'template',
  'iframe',
  'object',
  'embed',
  'noscript',
  'textarea',
  'title',
]);
const VOID = new Set(['br', 'hr']);

/** Links only to the web and to mail: no `javascript:`, `data:`, protocol-relative or obfuscated schemes. */
export function safeHref(href: string | null): string | null {
  if (!href) return null;
  // Browsers ignore whitespace and control characters inside a scheme ("java\tscript:"), so judge without them.
  // biome-ignore lint/suspicious/noControlCharactersInRegex: stripping control characters is the point
  const compact = href.replace(/[\u0000-\u0020\u007f]/g, '');
  if (/^(https?:\/\/|mailto:)/i.test(compact)) return href.trim();
  return null;
}

/** A small positive integer attribute (colspan, rowspan, start), or undefined. */
function smallInt(v: string | null, max: number): number | undefined {
  if (v === null || !/^\d{1,4}$/.test(v.trim())) return undefined;
  const n = Number(v);
  return n >= 1 && n <= max ? n : undefined;
}

/** The DOM surface the converter reads, so tests can feed it plain objects. */
export interface RichNode {
  nodeType: number;
  nodeName: string;
  textContent: string | null;
  childNodes: ArrayLike<RichNode>;
  getAttribute?(name: string): string | null;
}

const TEXT_NODE = 3;
const ELEMENT_NODE = 1;

/** Convert a parsed tree into React nodes under the allow-list; unknown elements keep their text. */
export function richNodesToReact(nodes: ArrayLike<RichNode>, keyPrefix = 'r'): ReactNode[] {
  const out: ReactNode[] = [];
  for (let i = 0; i < nodes.length; i++) {
    const node = nodes[i]!;
    const key = `${keyPrefix}.${i}`;
    if (node.nodeType === TEXT_NODE) {
      if (node.textContent) out.push(node.textContent);
      continue;
    }
    if (node.nodeType !== ELEMENT_NODE) continue;
    const tag = node.nodeName.toLowerCase();
    if (DROPPED.has(tag)) continue;
    const children = richNodesToReact(node.childNodes, key);
    if (!RICH_TAGS.has(tag)) {
      // Not allowed: keep what it says, lose what it is.
      out.push(createElement(Fragment, { key }, ...children));
      continue;
    }
    const attr = (name: string) => node.getAttribute?.(name) ?? null;
    const props: Record<string, unknown> = { key };
    if (tag === 'a') {
      const href = safeHref(attr('href'));
      if (!href) {
        out.push(createElement(Fragment, { key }, ...children));
        continue;
      }
      props.href = href;
      props.target = '_blank';
      props.rel = 'noopener noreferrer';
      const title = attr('title');
      if (title) props.title = title;
    }
    if (tag === 'td' || tag === 'th') {
      const colSpan = smallInt(attr('colspan'), 100);
      const rowSpan = smallInt(attr('rowspan'), 1000);
      if (colSpan) props.colSpan = colSpan;
      if (rowSpan) props.rowSpan = rowSpan;
    }
    if (tag === 'ol') {
      const start = smallInt(attr('start'), 9999);
      if (start) props.start = start;
    }
    out.push(VOID.has(tag) ? createElement(tag, props) : createElement(tag, props, ...children));
  }
  return out;
}

/** Parse HTML in the browser (inert: DOMParser runs no scripts and loads nothing) and convert it. */
export function richHtmlToReact(html: string): ReactNode[] {
  if (!html.trim() || typeof DOMParser === 'undefined') return [];
  const doc = new DOMParser().parseFromString(`<body>${html}</body>`, 'text/html');
  return richNodesToReact(doc.body.childNodes as unknown as ArrayLike<RichNode>);
}

/** Plain text typed by an editor → paragraphs of rich text (blank lines separate paragraphs). */
export function plainToRichHtml(text: string): string {
  const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
  return text
    .split(/\n\s*\n/)
    .map((p) => p.trim())
    .filter(Boolean)
    .map((p) => `<p>${esc(p).replace(/\n/g, '<br>')}</p>`)
    .join('\n');
}
