import { monthlyRent } from '../../../shared/buildings';
import type { BuildingManageQuery, BuildingSearchQuery, BuildingSort } from '../../../shared/buildings-api';
import type { DB } from '../../db/database';
import { shanghaiDate } from '../../platform/calendar/workdays';
import type { Clock } from '../../platform/clock';
import { fieldError } from '../../platform/errors';
import { findMatches, highlight, markAll } from '../../platform/text/highlight';
import { parseQuery } from '../../platform/text/segment';
import { staleCutoff, toCard } from './present';
import { type BuildingSnapshot, buildingSnapshot, type CodedColumn, type SnapshotBuilding } from './snapshot';

/**
 * Building search (SPEC §2.5) over the process's in-memory snapshot of the buildings (snapshot.ts), brought up to
 * date with every committed change before each search. The keyword is matched with the platform index's own tokens
 * (MemoryTextIndex over the buildings' search entries: every term of the query, in the name, the address line or
 * the rest); the filters are the building's columns and, for area and rent, a VACANT space in every range asked
 * (`rent_monthly`, 元/㎡·月; a day rate bound is converted with monthlyRent first). Relevance: the name holds the
 * query (2), the address/street/tags line does (1), the rest (description, the enterprises inside) (0); heat breaks
 * ties. Other orders are kept sorted by the snapshot until the next change. `bench/building-search.ts` measures it.
 */

export interface SearchDeps {
  db: DB;
  clock: Clock;
  staleDays: number;
  /** Street code → name (the district's streets, cached by the service). */
  streets(): Promise<Map<string, string>>;
}

/** A test of the building in a slot of the snapshot. */
type Test = (slot: number) => boolean;

export class BuildingSearch {
  private readonly snapshot: BuildingSnapshot;

  constructor(private readonly c: SearchDeps) {
    this.snapshot = buildingSnapshot(c.db);
  }

  /** The public search (active buildings) or, with `manage`, the editor's list. */
  async search(q: BuildingSearchQuery | BuildingManageQuery, manage = false) {
    const now = this.c.clock.now();
    const staleBefore = staleCutoff(shanghaiDate(now), this.c.staleDays);
    const keyword = q.q?.trim() ?? '';
    const sort: BuildingSort = q.sort ?? (keyword ? 'relevance' : 'heat');
    const offset = (q.page - 1) * q.pageSize;
    const end = offset + q.pageSize;
    const filter = await this.filter(q, manage, staleBefore);
    const page = (slots: readonly number[], total: number, terms: string[] | null) => ({
      items: this.cards(slots, now, staleBefore, terms),
      total,
      page: q.page,
      pageSize: q.pageSize,
      terms: terms ?? [],
    });

    await this.snapshot.sync();
    const snapshot = this.snapshot;
    const test = filter(snapshot);
    /** The page and the total of the slots in this order that pass (and, with marks, are marked). */
    const walk = (order: Int32Array, mark: Uint8Array | null) => {
      const slots: number[] = [];
      let total = 0;
      for (let i = 0; i < order.length; i++) {
        const slot = order[i]!;
        if ((mark && mark[slot] === 0) || !test(slot)) continue;
        if (total >= offset && total < end) slots.push(slot);
        total += 1;
      }
      return { slots, total };
    };
    if (!keyword) {
      const found = walk(snapshot.ordered(sort === 'relevance' ? 'heat' : sort), null);
      return page(found.slots, found.total, null);
    }

    const parsed = parseQuery(keyword);
    const terms = parsed.highlightTerms;
    // Every required term of every run (as the database index is asked: all runs, all their terms).
    const required = parsed.runs.flatMap((r) => r.required);
    const matched = required.length ? snapshot.text.match(required) : [];
    if (!matched.length) return page([], 0, terms);
    // Marks by slot: 0 no match, 1 a match, 2 … in the address line, 3 … in the name (the relevance tiers).
    const mark = new Uint8Array(snapshot.capacity);
    for (const slot of matched) mark[slot] = 1;
    if (sort !== 'relevance') {
      const found = walk(snapshot.ordered(sort), mark);
      return page(found.slots, found.total, terms);
    }
    for (const slot of snapshot.text.match(required, 'summary')) mark[slot] = 2;
    for (const slot of snapshot.text.match(required, 'title')) mark[slot] = 3;
    // By tier, then heat: each tier keeps at most the rows up to the end of the page.
    const tiers: number[][] = [[], [], [], []];
    let total = 0;
    const order = snapshot.ordered('heat');
    for (let i = 0; i < order.length; i++) {
      const slot = order[i]!;
      const m = mark[slot]!;
      if (m === 0 || !test(slot)) continue;
      total += 1;
      if (tiers[m]!.length < end) tiers[m]!.push(slot);
    }
    return page([...tiers[3]!, ...tiers[2]!, ...tiers[1]!].slice(offset, end), total, terms);
  }

  /** Cards of the buildings in these slots, in this order, with highlights when terms are given. */
  private cards(slots: readonly number[], now: Date, staleBefore: string, terms: string[] | null) {
    const found = slots.map((slot) => this.snapshot.at(slot));
    const covers = new Map<string, string>();
    const highlights = terms ? new Map<string, { nameHtml: string; snippet: string }>() : undefined;
    for (const b of found) {
      if (b.coverPhotoId) covers.set(b.id, b.coverPhotoId);
      if (highlights && terms && b.entry) highlights.set(b.id, highlightOf(b.entry, terms));
    }
    return found.map((b) => toCard(b, { now, staleBefore, covers, highlights }));
  }

  /**
   * The filters, checked first (a bad combination is refused before anything is read), as a maker of one test of a
   * slot over the snapshot's columns once it is in step.
   */
  private async filter(
    q: BuildingSearchQuery | BuildingManageQuery,
    manage: boolean,
    staleBefore: string,
  ): Promise<(s: BuildingSnapshot) => Test> {
    const { areaMin, areaMax } = q;
    const rentMin = q.rentMin !== undefined ? monthlyRent(q.rentMin, q.rentUnit) : undefined;
    const rentMax = q.rentMax !== undefined ? monthlyRent(q.rentMax, q.rentUnit) : undefined;
    if (areaMin !== undefined && areaMax !== undefined && areaMin > areaMax) {
      throw fieldError('areaMax', 'VALIDATION_FAILED', '面积上限不能小于下限');
    }
    if (rentMin !== undefined && rentMax !== undefined && rentMin > rentMax) {
      throw fieldError('rentMax', 'VALIDATION_FAILED', '租金上限不能小于下限');
    }
    if (q.street?.length) {
      const streets = await this.c.streets();
      const unknown = q.street.filter((s) => !streets.has(s));
      if (unknown.length)
        throw fieldError('street', 'UNKNOWN_STREET', `街道代码不在本区街道列表中：${unknown.join('、')}`);
    }

    return (snapshot) => {
      const c = snapshot.columns;
      const tests: Test[] = [];
      /** The building's value of the column is one of these. */
      const oneOf = (column: CodedColumn, values: readonly string[]) => {
        const codes = c.coded[column];
        const wanted = values.map((v) => c.code(column, v)).filter((x) => x > 0);
        if (wanted.length === 1) {
          const only = wanted[0]!;
          tests.push((slot) => codes[slot] === only);
        } else tests.push((slot) => wanted.includes(codes[slot]!));
      };
      const status = manage ? ((q as BuildingManageQuery).status ?? 'all') : 'active';
      if (status !== 'all') oneOf('status', [status]);
      if (q.street?.length) oneOf('streetCode', q.street);
      if (q.grade?.length) oneOf('grade', q.grade);
      if (q.use?.length) oneOf('use', q.use);
      if (q.taxFlag) oneOf('taxFlag', [q.taxFlag]);
      if (q.vacantNow) {
        const counts = c.vacantCount;
        tests.push((slot) => counts[slot]! > 0);
      }
      if (manage && (q as BuildingManageQuery).stale) {
        tests.push((slot) => {
          const verified = snapshot.at(slot).lastVerifiedOn;
          return verified === null || verified < staleBefore;
        });
      }
      if (q.tags?.length) {
        const wanted = new Set(q.tags);
        tests.push((slot) => snapshot.at(slot).tagList.some((t) => wanted.has(t)));
      }
      if (areaMin !== undefined || areaMax !== undefined || rentMin !== undefined || rentMax !== undefined) {
        // One VACANT space meets every range asked (a space without a rent meets no rent bound). The building's
        // ranges of its vacant spaces rule most buildings out before their spaces are looked at (NaN: none).
        const aMin = areaMin ?? -Infinity;
        const aMax = areaMax ?? Infinity;
        const rMin = rentMin ?? -Infinity;
        const rMax = rentMax ?? Infinity;
        const anyRent = rentMin === undefined && rentMax === undefined;
        const { minArea, maxArea, minRent, maxRent } = c;
        const vacant = snapshot.vacant;
        tests.push((slot) => {
          if (!(maxArea[slot]! >= aMin && minArea[slot]! <= aMax)) return false;
          if (!anyRent && !(maxRent[slot]! >= rMin && minRent[slot]! <= rMax)) return false;
          return vacant.any(slot, aMin, aMax, rMin, rMax, anyRent);
        });
      }
      if (!tests.length) return () => true;
      if (tests.length === 1) return tests[0]!;
      return (slot) => {
        for (let i = 0; i < tests.length; i++) if (!tests[i]!(slot)) return false;
        return true;
      };
    };
  }
}

/** The name with the matches marked, and the best passage: the summary when it holds a match, else the body. */
function highlightOf(entry: NonNullable<SnapshotBuilding['entry']>, terms: string[]) {
  const summary = entry.summary ?? '';
  const source = summary && findMatches(summary, terms).length > 0 ? summary : entry.body || summary;
  return { nameHtml: markAll(entry.title, terms), snippet: highlight(source, terms, 120) };
}
