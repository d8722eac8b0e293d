import type { QueryTerm } from './segment';
import { indexTokens } from './segment';

/**
 * An in-memory copy of a small slice of the platform's full-text index (one scope's entries: a district's few
 * thousand buildings), answering the same matching question as `fullTextMatches` without a database round trip.
 * The tokens are the index's own (`indexTokens` of the title, summary and body as stored in `search_entries`), and a
 * query is the same list of required terms (`parseQuery(...).runs[].required`, exact or prefix), so both answer
 * with the same set: `memory-index.test.ts` compares them on both databases.
 *
 * Fields: `all` (title, summary and body together, as the big index holds them), `title`, `summary` (as the head
 * index). Documents are numbered by the caller (small integers: a snapshot's slots), so that a caller can mark its
 * matches in a typed array instead of hashing keys. Postings are arrays of document numbers, kept up to date on every
 * `set` and `delete`; the sorted vocabulary (for prefix terms) is rebuilt when a new token appears, on the next query
 * that needs it.
 */

export type MemoryField = 'all' | 'title' | 'summary';

export interface MemoryDocument {
  title: string;
  summary: string | null;
  body: string | null;
}

type Tokens = Record<MemoryField, string[]>;

const FIELDS: readonly MemoryField[] = ['all', 'title', 'summary'];

export class MemoryTextIndex {
  /** The tokens of each document by its number (undefined: no document). */
  private readonly docs: (Tokens | undefined)[] = [];
  private count = 0;
  private readonly postings: Record<MemoryField, Map<string, number[]>> = {
    all: new Map(),
    title: new Map(),
    summary: new Map(),
  };
  private readonly vocabulary: Record<MemoryField, string[] | null> = {
    all: null,
    title: null,
    summary: null,
  };
  /** Per document, the number of terms it has matched so far in the current query (see match). */
  private marks = new Uint32Array(64);
  private generation = 0;

  get size(): number {
    return this.count;
  }

  /** Index (or re-index) document number `slot` (a small non-negative integer). */
  set(slot: number, doc: MemoryDocument): void {
    if (!Number.isInteger(slot) || slot < 0) throw new RangeError(`document number ${slot}`);
    this.delete(slot);
    const title = [...indexTokens(doc.title)];
    const summary = [...indexTokens(doc.summary)];
    const all = [...new Set([...title, ...summary, ...indexTokens(doc.body)])];
    const tokens: Tokens = { all, title, summary };
    this.docs[slot] = tokens;
    this.count += 1;
    if (slot >= this.marks.length) {
      const grown = new Uint32Array(Math.max(slot + 1, this.marks.length * 2));
      grown.set(this.marks);
      this.marks = grown;
    }
    for (const field of FIELDS) {
      const map = this.postings[field];
      for (const token of tokens[field]) {
        const list = map.get(token);
        if (list) list.push(slot);
        else {
          map.set(token, [slot]);
          this.vocabulary[field] = null;
        }
      }
    }
  }

  delete(slot: number): void {
    const tokens = this.docs[slot];
    if (!tokens) return;
    for (const field of FIELDS) {
      const map = this.postings[field];
      for (const token of tokens[field]) {
        const list = map.get(token);
        if (!list) continue;
        const at = list.indexOf(slot);
        if (at >= 0) {
          list[at] = list[list.length - 1]!;
          list.pop();
        }
        if (!list.length) {
          map.delete(token);
          this.vocabulary[field] = null;
        }
      }
    }
    this.docs[slot] = undefined;
    this.count -= 1;
  }

  /**
   * The numbers of the documents holding every term in this field (a prefix term: any token starting with it), each
   * once, in no particular order. No terms: nothing (a query with nothing searchable in it finds nothing, as with
   * the database index).
   */
  match(terms: readonly QueryTerm[], field: MemoryField = 'all'): number[] {
    const out: number[] = [];
    if (!terms.length) return out;
    const lists = terms.map((t) => this.listsOf(t, field));
    // The rarest term first: the later ones only re-mark what is still in the running.
    const order = lists
      .map((l, i) => ({ i, n: l.reduce((s, x) => s + x.length, 0) }))
      .sort((a, b) => a.n - b.n);
    if (order[0]!.n === 0) return out;
    // Marks count the terms a slot has matched in this query: after term k it is base + k + 1. Each query starts
    // past every mark of the previous one (the generation moves by terms + 2), so nothing needs clearing.
    if (this.generation > 0xffffffff - terms.length - 4) {
      this.marks.fill(0);
      this.generation = 0;
    }
    const base = this.generation;
    this.generation += terms.length + 2;
    for (let k = 0; k < order.length; k++) {
      for (const list of lists[order[k]!.i]!) {
        for (const slot of list) {
          const mark = this.marks[slot]!;
          if (k === 0 ? mark <= base : mark === base + k) this.marks[slot] = base + k + 1;
        }
      }
    }
    const last = base + order.length;
    for (const list of lists[order[order.length - 1]!.i]!) {
      for (const slot of list) {
        if (this.marks[slot] === last) {
          out.push(slot);
          this.marks[slot] = last + 1;
        }
      }
    }
    return out;
  }

  private listsOf(term: QueryTerm, field: MemoryField): number[][] {
    const map = this.postings[field];
    if (!term.prefix) {
      const list = map.get(term.token);
      return list ? [list] : [];
    }
    const words = this.sortedVocabulary(field);
    const out: number[][] = [];
    for (let i = lowerBound(words, term.token); i < words.length && words[i]!.startsWith(term.token); i++) {
      out.push(map.get(words[i]!)!);
    }
    return out;
  }

  private sortedVocabulary(field: MemoryField): string[] {
    let words = this.vocabulary[field];
    if (!words) {
      words = [...this.postings[field].keys()].sort();
      this.vocabulary[field] = words;
    }
    return words;
  }
}

/** The first index whose word is ≥ token (code-unit order, as Array.prototype.sort). */
function lowerBound(words: readonly string[], token: string): number {
  let lo = 0;
  let hi = words.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (words[mid]! < token) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
