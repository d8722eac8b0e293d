/**
 * Text operations of the rich-text editor's toolbar: each takes the textarea's text and selection and returns the
 * new text with the selection to restore. The editor is a plain textarea of HTML (the server sanitises), so these
 * wrap the selection in the few tags policy texts need.
 */
export interface Edit {
  text: string;
  start: number;
  end: number;
}

const escapeText = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
const escapeAttr = (s: string) => escapeText(s).replace(/"/g, '&quot;');

/** Wrap the selection in `<tag>…</tag>` (an empty selection inserts the pair with the cursor inside). */
export function wrapSelection(e: Edit, tag: string, attrs = ''): Edit {
  const open = `<${tag}${attrs}>`;
  const close = `</${tag}>`;
  const inner = e.text.slice(e.start, e.end);
  const text = e.text.slice(0, e.start) + open + inner + close + e.text.slice(e.end);
  return { text, start: e.start + open.length, end: e.start + open.length + inner.length };
}

/** Turn the selected lines into a list, one item per non-empty line. */
export function listFromSelection(e: Edit, ordered = false): Edit {
  const lines = e.text
    .slice(e.start, e.end)
    .split('\n')
    .map((l) => l.trim())
    .filter(Boolean);
  const tag = ordered ? 'ol' : 'ul';
  const items = (lines.length ? lines : ['']).map((l) => `  <li>${l}</li>`).join('\n');
  const block = `<${tag}>\n${items}\n</${tag}>`;
  const text = e.text.slice(0, e.start) + block + e.text.slice(e.end);
  return { text, start: e.start, end: e.start + block.length };
}

/** A link around the selection (or the address itself); only web and mail addresses are accepted. */
export function linkSelection(e: Edit, href: string): Edit | null {
  const url = href.trim();
  if (!/^(https?:\/\/|mailto:)\S+$/i.test(url)) return null;
  const inner = e.text.slice(e.start, e.end) || escapeText(url);
  const tag = `<a href="${escapeAttr(url)}">`;
  const text = `${e.text.slice(0, e.start)}${tag}${inner}</a>${e.text.slice(e.end)}`;
  return { text, start: e.start + tag.length, end: e.start + tag.length + inner.length };
}
