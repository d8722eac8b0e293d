import { sql } from 'kysely';
import { SEARCH_TERM_SCOPES, type SearchTermScope } from '../../../shared/insights-api';
import type { DB } from '../../db/database';
import { shanghaiDate } from '../calendar/workdays';
import type { Clock } from '../clock';

/**
 * The searched-terms log (insights, "most searched terms"): every search route calls `record(scope, query)`, which
 * normalises the query and counts it in memory; nothing is written on the request path. The buffer is written every
 * `flushEveryMs` (10 s) and on close, as one upsert per (Shanghai day, scope, term) that ADDS its count to the
 * stored one, so several instances add up.
 *
 * Loss: a crash (not a clean shutdown) loses what is buffered, at most the last 10 s of counts of that instance; a
 * failed write keeps the counts for the next flush. Statistics tolerate that; searches never wait for a write.
 *
 * Personal data never lands here: a query with a run of 7 or more digits (phone numbers, 身份证号, bank cards),
 * anything shaped like a 统一社会信用代码 (18 letters and digits with several digits) or an e-mail address is dropped,
 * not stored masked. The scope names are fixed (SEARCH_TERM_SCOPES): policies, buildings, content, appeals_kb.
 */

/** The longest term kept, in characters (longer queries are cut, not dropped). */
export const MAX_TERM_CHARS = 40;
/** How often the buffer is written (ms). */
export const SEARCH_TERM_FLUSH_MS = 10_000;
/** Distinct (day, scope, term) keys kept between flushes; past it new keys are not counted (a flood of junk). */
const MAX_PENDING_KEYS = 20_000;

/** Digits, possibly split by spaces, dashes or dots: 138 0000 0001, 0532-8890-1001, 3702…X. */
const LONG_NUMBER = /\d(?:[\s\-.]?\d){6,}/;
/** A USCC-like token: 18 letters/digits (the check code alphabet), at least 6 of them digits. */
const USCC_LIKE = /(?:^|[^0-9a-z])([0-9a-z]{18})(?:$|[^0-9a-z])/;
const EMAIL = /[^\s@]+@[^\s@]+\.[a-z]{2,}/;

/**
 * The form a query is counted under, or null when it is not counted (empty, or personal data). NFKC folds
 * full-width letters and digits; spaces are trimmed and collapsed; Latin letters lower-cased; at most 40 characters.
 */
export function normalizeSearchTerm(query: string | null | undefined): string | null {
  if (!query) return null;
  const text = query.normalize('NFKC').replace(/\s+/g, ' ').trim().toLowerCase();
  if (!text) return null;
  if (LONG_NUMBER.test(text) || EMAIL.test(text)) return null;
  const uscc = USCC_LIKE.exec(text);
  if (uscc && (uscc[1]!.match(/\d/g)?.length ?? 0) >= 6) return null;
  // Cut by code points so a surrogate pair is never split.
  const cut = [...text].slice(0, MAX_TERM_CHARS).join('').trim();
  return cut || null;
}

interface Pending {
  day: string;
  scope: SearchTermScope;
  term: string;
  count: number;
}

export class SearchTermLog {
  private readonly pending = new Map<string, Pending>();
  private timer: NodeJS.Timeout | undefined;
  private flushing: Promise<void> = Promise.resolve();
  private readonly flushEveryMs: number;

  constructor(
    private readonly db: DB,
    private readonly clock: Clock,
    private readonly options: {
      /** Delay before buffered counts are written (default 10 s; 0 = only on flush/close). */
      flushEveryMs?: number;
      /** Where a failed background flush is reported (the counts stay buffered). */
      onError?: (err: unknown) => void;
    } = {},
  ) {
    this.flushEveryMs = options.flushEveryMs ?? SEARCH_TERM_FLUSH_MS;
  }

  /**
   * Count one search of `query` in `scope`. Only the first page of a result counts (`page` > 1 is the same search
   * read further). Never throws, never waits.
   */
  record(scope: SearchTermScope, query: string | null | undefined, page = 1): void {
    if (page > 1 || !SEARCH_TERM_SCOPES.includes(scope)) return;
    const term = normalizeSearchTerm(query);
    if (!term) return;
    const day = shanghaiDate(this.clock.now());
    const key = `${day}\u0000${scope}\u0000${term}`;
    const entry = this.pending.get(key);
    if (entry) entry.count++;
    else if (this.pending.size < MAX_PENDING_KEYS) this.pending.set(key, { day, scope, term, count: 1 });
    if (!this.timer && this.flushEveryMs > 0) {
      this.timer = setTimeout(() => {
        this.timer = undefined;
        this.flush().catch((err) => this.options.onError?.(err));
      }, this.flushEveryMs);
      this.timer.unref();
    }
  }

  /** Searches counted but not written yet (tests, diagnostics). */
  get bufferedKeys(): number {
    return this.pending.size;
  }

  /** Write the buffered counts now; flushes run one after the other. */
  flush(): Promise<void> {
    const run = this.flushing.then(() => this.write());
    this.flushing = run.catch(() => {});
    return run;
  }

  private async write(): Promise<void> {
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
    if (!this.pending.size) return;
    const batch = [...this.pending.values()];
    this.pending.clear();
    try {
      await this.db.transaction().execute(async (trx) => {
        for (let i = 0; i < batch.length; i += 500) {
          await trx
            .insertInto('searchTerms')
            .values(batch.slice(i, i + 500))
            .onConflict((oc) =>
              oc
                .columns(['day', 'scope', 'term'])
                .doUpdateSet({ count: sql`search_terms.count + excluded.count` }),
            )
            .execute();
        }
      });
    } catch (err) {
      for (const e of batch) {
        const key = `${e.day}\u0000${e.scope}\u0000${e.term}`;
        const kept = this.pending.get(key);
        if (kept) kept.count += e.count;
        else this.pending.set(key, e);
      }
      throw err;
    }
  }

  /** Write what is buffered and stop the timer (the app's onClose). */
  async close(): Promise<void> {
    await this.flush();
  }
}
