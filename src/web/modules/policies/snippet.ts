/**
 * Search snippets arrive as HTML from the server: the text escaped, matches wrapped in `<mark>`. The page never
 * hands that string to the browser's HTML parser. It is read here into plain text runs, marked or not, and React
 * renders them as text nodes and <mark> elements — so even a snippet that carried a raw tag or a script (a server
 * bug, a poisoned index) shows as harmless text.
 */

export interface Segment {
  text: string;
  mark: boolean;
}

const NAMED: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00a0' };

/** Decode the entities an escaper writes (&amp; &lt; &gt; &quot; &#39; &#x27; …); anything else stays as it is. */
export function decodeEntities(text: string): string {
  return text.replace(/&(#x[0-9a-f]{1,6}|#\d{1,7}|[a-z]{2,6});/gi, (whole, body: string) => {
    if (body[0] === '#') {
      const code =
        body[1] === 'x' || body[1] === 'X' ? Number.parseInt(body.slice(2), 16) : Number(body.slice(1));
      // Lone surrogates and code points beyond Unicode are not characters: keep the entity as text.
      if (!Number.isInteger(code) || code <= 0 || code > 0x10ffff || (code >= 0xd800 && code <= 0xdfff))
        return whole;
      return String.fromCodePoint(code);
    }
    return NAMED[body.toLowerCase()] ?? whole;
  });
}

const MARK_TAG = /<(\/?)mark\s*>/gi;

/**
 * Split a marked snippet into runs. Only `<mark>` and `</mark>` are markup; every other `<…>` is literal text.
 * Nested or unbalanced marks do not break anything: a mark is open while more opened than closed.
 */
export function parseMarked(html: string): Segment[] {
  const out: Segment[] = [];
  const push = (raw: string, mark: boolean) => {
    if (!raw) return;
    const text = decodeEntities(raw);
    const last = out[out.length - 1];
    if (last && last.mark === mark) last.text += text;
    else out.push({ text, mark });
  };
  let depth = 0;
  let at = 0;
  for (const m of html.matchAll(MARK_TAG)) {
    push(html.slice(at, m.index), depth > 0);
    depth = m[1] ? Math.max(0, depth - 1) : depth + 1;
    at = m.index + m[0].length;
  }
  push(html.slice(at), depth > 0);
  return out;
}

/** The snippet as plain text (for aria labels and titles). */
export function markedText(html: string): string {
  return parseMarked(html)
    .map((s) => s.text)
    .join('');
}
