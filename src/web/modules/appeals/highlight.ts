/**
 * Client-side highlighting for texts the server returns without marks (the KB answers in the similar-appeal
 * panel, a KB entry opened from a search): the query's words, and for a longer Chinese word that does not occur
 * as a whole its two-character pieces, are marked wherever they occur.
 */

export interface Run {
  text: string;
  mark: boolean;
}

const CJK = /[\u4e00-\u9fff]/;

/** The words to look for: the query split on spaces and punctuation; Chinese words ≥ 3 also as bigrams. */
export function queryTerms(query: string, text?: string): string[] {
  const words = query
    .split(/[\s,，。;；、:：!！?？"“”'‘’()（）]+/)
    .map((w) => w.trim())
    .filter((w) => w.length > 0);
  const out = new Set<string>();
  const hay = text?.toLowerCase();
  for (const w of words) {
    const lw = w.toLowerCase();
    if (CJK.test(w) && w.length >= 3 && hay !== undefined && !hay.includes(lw)) {
      for (let i = 0; i + 2 <= w.length; i++) out.add(lw.slice(i, i + 2));
    } else {
      out.add(lw);
    }
  }
  // Longest first, so that a longer match wins over a piece of it.
  return [...out].sort((a, b) => b.length - a.length);
}

/** The text split into runs, marked where a term occurs (case-insensitive); overlapping matches merge. */
export function highlight(text: string, query: string): Run[] {
  const terms = queryTerms(query, text);
  if (terms.length === 0 || !text) return text ? [{ text, mark: false }] : [];
  const lower = text.toLowerCase();
  const marked = new Array<boolean>(text.length).fill(false);
  for (const t of terms) {
    let at = lower.indexOf(t);
    while (at >= 0) {
      for (let i = at; i < at + t.length; i++) marked[i] = true;
      at = lower.indexOf(t, at + t.length);
    }
  }
  const runs: Run[] = [];
  for (let i = 0; i < text.length; i++) {
    const last = runs[runs.length - 1];
    if (last && last.mark === marked[i]) last.text += text[i];
    else runs.push({ text: text[i] as string, mark: marked[i] as boolean });
  }
  return runs;
}
