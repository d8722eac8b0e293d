import sanitizeHtml from 'sanitize-html';

/**
 * Rich text of policy documents and interpretations. Editors paste from Word and WPS, so the input carries styles,
 * classes, fonts and sometimes scripts; what is stored is a strict allow-list of structure only: paragraphs,
 * headings, emphasis, lists, tables, quotes and links (http/https/mailto, opened with rel="noopener"). Images go in
 * as attachments (一图读懂), not inline, so no `img`; no `style`, no `class`, no event handlers, no iframes.
 */
const OPTIONS: sanitizeHtml.IOptions = {
  allowedTags: [
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
  ],
  allowedAttributes: {
    a: ['href', 'title'],
    th: ['colspan', 'rowspan'],
    td: ['colspan', 'rowspan'],
    ol: ['start'],
  },
  allowedSchemes: ['http', 'https', 'mailto'],
  allowedSchemesAppliedToAttributes: ['href'],
  allowProtocolRelative: false,
  // Word's h1 is the document title, shown separately: demote it rather than lose the text.
  transformTags: {
    h1: 'h2',
    a: sanitizeHtml.simpleTransform('a', { rel: 'noopener noreferrer', target: '_blank' }),
  },
  disallowedTagsMode: 'discard',
  // Scripts and styles lose their content too, not only their tags.
  nonTextTags: ['script', 'style', 'textarea', 'option', 'noscript', 'title'],
};
// The transform adds rel/target: allow exactly those on links.
OPTIONS.allowedAttributes = {
  ...(OPTIONS.allowedAttributes as object),
  a: ['href', 'title', 'rel', 'target'],
};

/** The stored form of rich text: only the allowed structure, whitespace trimmed. */
export function sanitizeRichText(html: string): string {
  return sanitizeHtml(html, OPTIONS).trim();
}

/** Plain text of (sanitised) HTML for search and snippets: block ends become line breaks, entities decoded. */
export function richTextToPlain(html: string): string {
  const withBreaks = html.replace(/<\/(p|h[1-6]|li|tr|blockquote|caption)>|<br\s*\/?>/gi, '$&\n');
  const text = sanitizeHtml(withBreaks, { allowedTags: [], allowedAttributes: {} });
  return text
    .replace(/&nbsp;/g, ' ')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, '&')
    .replace(/[ \t]+\n/g, '\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}
