import { fold } from './segment';

/**
 * Highlighted snippets for search results. Output is HTML: the text is escaped everywhere and the only markup is
 * `<mark>…</mark>` around matches, so a client may render it as HTML safely.
 */

const ESCAPES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ESCAPES[c]!);
}

/** A marked range of the text and the indexes of the terms found inside it. */
export interface Span {
  start: number;
  end: number;
  terms: Set<number>;
}

/**
 * Where the terms occur in the text (matching on folded text: case and full-width forms do not matter).
 * Overlapping and touching occurrences merge, so the bigrams 研发 + 发费 mark 研发费 as one span.
 */
export function findMatches(text: string, terms: readonly string[]): Span[] {
  const haystack = fold(text);
  const found: [start: number, end: number, term: number][] = [];
  terms.forEach((raw, termIndex) => {
    const term = fold(raw);
    if (!term) return;
    for (let at = haystack.indexOf(term); at !== -1; at = haystack.indexOf(term, at + 1)) {
      found.push([at, at + term.length, termIndex]);
    }
  });
  found.sort((a, b) => a[0] - b[0] || b[1] - a[1]);
  const merged: Span[] = [];
  for (const [start, end, term] of found) {
    const last = merged[merged.length - 1];
    if (last && start <= last.end) {
      last.end = Math.max(last.end, end);
      last.terms.add(term);
    } else {
      merged.push({ start, end, terms: new Set([term]) });
    }
  }
  return merged;
}

/** Wrap the spans (sorted, disjoint) of text[from, to) in <mark>, escaping everything. */
function render(text: string, spans: readonly Span[], from: number, to: number): string {
  let out = '';
  let at = from;
  for (const span of spans) {
    const s = Math.max(span.start, from);
    const e = Math.min(span.end, to);
    if (e <= s) continue;
    out += escapeHtml(text.slice(at, s));
    out += `<mark>${escapeHtml(text.slice(s, e))}</mark>`;
    at = e;
  }
  return out + escapeHtml(text.slice(at, to));
}

/** Move an offset off the second half of a surrogate pair, so a cut never splits a character. */
function safeOffset(text: string, at: number): number {
  const code = text.charCodeAt(at);
  return at > 0 && code >= 0xdc00 && code <= 0xdfff ? at - 1 : at;
}

/** The whole text with every match marked (titles). */
export function markAll(text: string, terms: readonly string[]): string {
  return render(text, findMatches(text, terms), 0, text.length);
}

/**
 * The best window of at most maxLen characters: the one covering the most distinct terms, then the most matches;
 * it starts a little before its first match so the reader sees the context. `…` marks a cut at either end.
 * Whitespace runs (line breaks of the source document) collapse to one space. Without any match, the text's start.
 */
export function highlight(text: string, terms: readonly string[], maxLen = 120): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  if (flat.length <= maxLen) return markAll(flat, terms);
  const spans = findMatches(flat, terms);
  let bestStart = 0;
  if (spans.length) {
    const lead = Math.min(16, Math.floor(maxLen / 4));
    let bestScore = -1;
    for (let i = 0; i < spans.length; i++) {
      const start = Math.max(0, spans[i]!.start - lead);
      const end = start + maxLen;
      const distinct = new Set<number>();
      let count = 0;
      for (let j = i; j < spans.length && spans[j]!.end <= end; j++) {
        for (const t of spans[j]!.terms) distinct.add(t);
        count++;
      }
      const score = distinct.size * 1000 + count;
      if (score > bestScore) {
        bestScore = score;
        bestStart = start;
      }
    }
  }
  const start = safeOffset(flat, Math.min(bestStart, flat.length - maxLen));
  const end = safeOffset(flat, Math.min(flat.length, start + maxLen));
  return `${start > 0 ? '…' : ''}${render(flat, spans, start, end)}${end < flat.length ? '…' : ''}`;
}
