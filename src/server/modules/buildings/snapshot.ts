import { setImmediate as yieldToEvents } from 'node:timers/promises';
import type { BuildingSort } from '../../../shared/buildings-api';
import type { DB } from '../../db/database';
import { fromJson } from '../../db/dialect';
import { coalesced } from '../../platform/coalesce';
import { MemoryTextIndex } from '../../platform/text/memory-index';
import { BUILDING_SCOPE } from './derived';
import { type CardRow, cardQuery } from './present';

/**
 * The buildings as the search needs them, held in memory by each process: the card columns, the filter columns, the
 * vacant spaces (area and monthly rent) for the "one vacant space in every range" test, the cover photo, and the
 * building's search entry with its tokens (MemoryTextIndex). A district has a few thousand buildings (5,000 with
 * 100,000 spaces take about 36 MB of heap and load in about a second), and a search over them in memory costs
 * 0.1–0.4 ms where the same search in SQL cost 1.5–14 ms (bench/building-search.ts).
 *
 * Staying in step: migration 008's triggers stamp every building whose row, spaces, photos, heat or search entry a
 * committed transaction changed with the next number of the `buildings` counter (in commit order). Before each
 * search the snapshot reads the counter (one primary-key read); when it moved, it reloads only the buildings stamped
 * after the number it holds. So a search sees every write committed before it started, in this process or another
 * one, and a view of a building (which moves its heat) costs the next search one building's reload.
 */

export interface SnapshotBuilding extends CardRow {
  /** The building's number in this snapshot (stable while it is held): its document in `text`, its index in marks. */
  slot: number;
  heatSortKey: number;
  tagList: string[];
  coverPhotoId: string | null;
  entry: { title: string; summary: string | null; body: string } | null;
}

export type SnapshotOrder = Exclude<BuildingSort, 'relevance'>;

/** Ids per statement when reloading some buildings. */
const CHUNK = 500;
/** Entries tokenised between two yields to the event loop during a full load (jieba costs ~0.2 ms an entry). */
const TOKENISE_SLICE = 200;

const num = (v: unknown): number => Number(v ?? 0);
const numOrNull = (v: unknown): number | null => (v === null || v === undefined ? null : Number(v));

export class BuildingSnapshot {
  private readonly byId = new Map<string, SnapshotBuilding>();
  private readonly slotOf = new Map<string, number>();
  private readonly freeSlots: number[] = [];
  private slots = 0;
  /** The search entries of the buildings, by slot. */
  readonly text = new MemoryTextIndex();
  /** The vacant spaces of the buildings, by slot. */
  readonly vacant = new VacantSpaces();
  /** The filter columns of the buildings, by slot. */
  readonly columns = new BuildingColumns();
  private readonly bySlot: (SnapshotBuilding | undefined)[] = [];
  /** The counter's value this snapshot reflects; -1 before the first load. */
  private seq = -1;
  private readonly orders = new Map<SnapshotOrder, Int32Array>();
  /** Reloads so far (full, partial) and buildings reloaded: diagnostics and tests. */
  readonly stats = { full: 0, partial: 0, reloaded: 0 };

  constructor(private readonly db: DB) {}

  get size(): number {
    return this.byId.size;
  }

  /** One more than the highest slot in use: the length of an array indexed by slot. */
  get capacity(): number {
    return this.slots;
  }

  get(id: string): SnapshotBuilding | undefined {
    return this.byId.get(id);
  }

  /** The building in this slot (a slot taken from `ordered` or a text match always holds one). */
  at(slot: number): SnapshotBuilding {
    return this.bySlot[slot]!;
  }

  /**
   * Bring the snapshot up to every change committed before this call. Concurrent callers share the work: one sync
   * runs at a time, and those arriving during it share the next one (which starts after theirs arrived).
   */
  readonly sync: () => Promise<void> = coalesced(() => this.syncOnce());

  /** The slots of every building in this order (cached until the next change): ties by heat, then id, descending. */
  ordered(order: SnapshotOrder): Int32Array {
    let list = this.orders.get(order);
    if (!list) {
      list = Int32Array.from([...this.byId.values()].sort(COMPARE[order]), (b) => b.slot);
      this.orders.set(order, list);
    }
    return list;
  }

  private put(b: SnapshotBuilding): void {
    this.byId.set(b.id, b);
    this.bySlot[b.slot] = b;
    this.columns.set(b.slot, b);
  }

  private async syncOnce(): Promise<void> {
    const head = await this.db
      .selectFrom('changeCounters')
      .select('seq')
      .where('name', '=', 'buildings')
      .executeTakeFirst();
    const seq = Number(head?.seq ?? 0);
    if (this.seq < 0) {
      await this.loadAll();
      this.seq = seq;
      return;
    }
    if (seq === this.seq) return;
    const changed = await this.db
      .selectFrom('buildingChanges')
      .select(['buildingId', 'seq'])
      .where('seq', '>', this.seq)
      .execute();
    if (!changed.length) return;
    const ids = changed.map((c) => c.buildingId);
    for (let i = 0; i < ids.length; i += CHUNK) await this.reload(ids.slice(i, i + CHUNK));
    this.seq = Math.max(this.seq, ...changed.map((c) => Number(c.seq)));
    this.stats.partial += 1;
    this.stats.reloaded += ids.length;
  }

  private async loadAll(): Promise<void> {
    const [rows, spaces, photos, entries] = await Promise.all([
      cardQuery(this.db).select('b.heatSortKey').execute(),
      this.db
        .selectFrom('buildingSpaces')
        .select(['buildingId', 'area', 'rentMonthly'])
        .where('status', '=', 'vacant')
        .execute(),
      this.photoQuery().execute(),
      this.db
        .selectFrom('searchEntries')
        .select(['entityId', 'title', 'summary', 'body'])
        .where('scope', '=', BUILDING_SCOPE)
        .execute(),
    ]);
    for (const slot of this.slotOf.values()) this.text.delete(slot);
    this.vacant.clear();
    this.columns.clear();
    this.bySlot.length = 0;
    this.byId.clear();
    this.slotOf.clear();
    this.freeSlots.length = 0;
    this.slots = 0;
    this.orders.clear();
    const vacant = groupVacant(spaces);
    const covers = firstPhotos(photos);
    const entryOf = new Map(entries.map((e) => [e.entityId, e]));
    for (const r of rows) {
      const slot = this.slotFor(r.id);
      this.put(shape(r, slot, covers.get(r.id), entryOf.get(r.id)));
      this.vacant.set(slot, vacant.get(r.id) ?? []);
    }
    let n = 0;
    for (const b of this.byId.values()) {
      if (b.entry) this.text.set(b.slot, b.entry);
      if (++n % TOKENISE_SLICE === 0) await yieldToEvents();
    }
    this.stats.full += 1;
  }

  private async reload(ids: string[]): Promise<void> {
    const [rows, spaces, photos, entries] = await Promise.all([
      cardQuery(this.db).select('b.heatSortKey').where('b.id', 'in', ids).execute(),
      this.db
        .selectFrom('buildingSpaces')
        .select(['buildingId', 'area', 'rentMonthly'])
        .where('status', '=', 'vacant')
        .where('buildingId', 'in', ids)
        .execute(),
      this.photoQuery().where('buildingId', 'in', ids).execute(),
      this.db
        .selectFrom('searchEntries')
        .select(['entityId', 'title', 'summary', 'body'])
        .where('scope', '=', BUILDING_SCOPE)
        .where('entityId', 'in', ids)
        .execute(),
    ]);
    const vacant = groupVacant(spaces);
    const covers = firstPhotos(photos);
    const entryOf = new Map(entries.map((e) => [e.entityId, e]));
    const found = new Map(rows.map((r) => [r.id, r]));
    for (const id of ids) {
      const r = found.get(id);
      const before = this.byId.get(id);
      if (!r) {
        if (before) {
          this.text.delete(before.slot);
          this.vacant.set(before.slot, []);
          this.columns.remove(before.slot);
          this.bySlot[before.slot] = undefined;
          this.byId.delete(id);
          this.slotOf.delete(id);
          this.freeSlots.push(before.slot);
        }
        continue;
      }
      const b = shape(r, this.slotFor(id), covers.get(id), entryOf.get(id));
      this.put(b);
      this.vacant.set(b.slot, vacant.get(id) ?? []);
      if (!b.entry) this.text.delete(b.slot);
      else if (!sameEntry(before?.entry ?? null, b.entry)) this.text.set(b.slot, b.entry);
    }
    this.orders.clear();
  }

  private slotFor(id: string): number {
    let slot = this.slotOf.get(id);
    if (slot === undefined) {
      slot = this.freeSlots.pop() ?? this.slots++;
      this.slotOf.set(id, slot);
    }
    return slot;
  }

  private photoQuery() {
    return this.db
      .selectFrom('buildingPhotos')
      .select(['id', 'buildingId'])
      .orderBy('buildingId')
      .orderBy('sortOrder')
      .orderBy('createdAt')
      .orderBy('id');
  }
}

type LoadedRow = CardRow & { heatSortKey: number };

function shape(
  r: LoadedRow,
  slot: number,
  cover: string | undefined,
  entry: { title: string; summary: string | null; body: string } | undefined,
): SnapshotBuilding {
  return {
    ...r,
    slot,
    lat: numOrNull(r.lat),
    lng: numOrNull(r.lng),
    spaceCount: num(r.spaceCount),
    vacantCount: num(r.vacantCount),
    vacantArea: num(r.vacantArea),
    minVacantArea: numOrNull(r.minVacantArea),
    maxVacantArea: numOrNull(r.maxVacantArea),
    minRentMonthly: numOrNull(r.minRentMonthly),
    maxRentMonthly: numOrNull(r.maxRentMonthly),
    vacancyRate: num(r.vacancyRate),
    heatScore: numOrNull(r.heatScore),
    heatSortKey: num(r.heatSortKey),
    tagList: fromJson<string[]>(r.tags, []),
    coverPhotoId: cover ?? null,
    entry: entry ? { title: entry.title, summary: entry.summary, body: entry.body } : null,
  };
}

/** The columns the filters compare as small codes (0: null), each value numbered when first seen. */
export const CODED_COLUMNS = ['status', 'streetCode', 'grade', 'use', 'taxFlag'] as const;
export type CodedColumn = (typeof CODED_COLUMNS)[number];

/**
 * The filter columns of every building in typed arrays by slot: the text columns as codes, the vacant ranges as
 * figures (NaN: none). A filter reading these costs a fraction of one reading the building objects' properties
 * (and their strings, fresh from the driver, compared character by character).
 */
export class BuildingColumns {
  readonly coded = {} as Record<CodedColumn, Uint16Array<ArrayBuffer>>;
  vacantCount = new Int32Array(0);
  minArea = new Float64Array(0);
  maxArea = new Float64Array(0);
  minRent = new Float64Array(0);
  maxRent = new Float64Array(0);
  private readonly codes = {} as Record<CodedColumn, Map<string, number>>;

  constructor() {
    for (const c of CODED_COLUMNS) {
      this.codes[c] = new Map();
      this.coded[c] = new Uint16Array(0);
    }
  }

  /** The code of a value in a column; -1 when no building ever had it (so nothing matches it). */
  code(column: CodedColumn, value: string): number {
    return this.codes[column].get(value) ?? -1;
  }

  clear(): void {
    for (const c of CODED_COLUMNS) this.coded[c].fill(0);
  }

  remove(slot: number): void {
    for (const c of CODED_COLUMNS) this.coded[c][slot] = 0;
  }

  set(slot: number, b: SnapshotBuilding): void {
    if (slot >= this.vacantCount.length) this.grow(Math.max(slot + 1, this.vacantCount.length * 2, 256));
    for (const c of CODED_COLUMNS) {
      const value = b[c];
      if (value === null) {
        this.coded[c][slot] = 0;
        continue;
      }
      const codes = this.codes[c];
      let code = codes.get(value);
      if (code === undefined) {
        code = codes.size + 1;
        if (code > 0xffff) throw new RangeError(`too many distinct values of ${c}`);
        codes.set(value, code);
      }
      this.coded[c][slot] = code;
    }
    this.vacantCount[slot] = b.vacantCount;
    this.minArea[slot] = b.minVacantArea ?? Number.NaN;
    this.maxArea[slot] = b.maxVacantArea ?? Number.NaN;
    this.minRent[slot] = b.minRentMonthly ?? Number.NaN;
    this.maxRent[slot] = b.maxRentMonthly ?? Number.NaN;
  }

  private grow(size: number): void {
    for (const c of CODED_COLUMNS) {
      const next = new Uint16Array(size);
      next.set(this.coded[c]);
      this.coded[c] = next;
    }
    const f = (a: Float64Array<ArrayBuffer>) => {
      const next = new Float64Array(size);
      next.set(a);
      return next;
    };
    const counts = new Int32Array(size);
    counts.set(this.vacantCount);
    this.vacantCount = counts;
    this.minArea = f(this.minArea);
    this.maxArea = f(this.maxArea);
    this.minRent = f(this.minRent);
    this.maxRent = f(this.maxRent);
  }
}

/**
 * The vacant spaces of every building in one flat array (pairs: area ㎡, monthly rent 元/㎡·月 or NaN), each
 * building's pairs at [start, end) of its slot. A flat typed array, because reading thousands of small ones costs
 * six times as much (bench: 0.31 against 0.05 ms for 33,000 vacant spaces). A building whose spaces change gets
 * fresh room at the end; the array is compacted when more than half of it is left behind.
 */
export class VacantSpaces {
  private data = new Float64Array(4096);
  private used = 0;
  private garbage = 0;
  private start = new Int32Array(1024);
  private end = new Int32Array(1024);

  clear(): void {
    this.used = 0;
    this.garbage = 0;
    this.start.fill(0);
    this.end.fill(0);
  }

  /** Replace the spaces of a slot (pairs: area, rent). */
  set(slot: number, pairs: readonly number[]): void {
    if (slot >= this.start.length) {
      const size = Math.max(slot + 1, this.start.length * 2);
      this.start = grow(this.start, size);
      this.end = grow(this.end, size);
    }
    this.garbage += this.end[slot]! - this.start[slot]!;
    if (this.used + pairs.length > this.data.length) this.compact(pairs.length);
    this.data.set(pairs, this.used);
    this.start[slot] = this.used;
    this.used += pairs.length;
    this.end[slot] = this.used;
    if (this.garbage > 4096 && this.garbage * 2 > this.used) this.compact(0);
  }

  /** A vacant space of the slot with its area in [aMin, aMax] and, unless anyRent, its rent in [rMin, rMax]. */
  any(slot: number, aMin: number, aMax: number, rMin: number, rMax: number, anyRent: boolean): boolean {
    const d = this.data;
    const end = this.end[slot] ?? 0;
    for (let i = this.start[slot] ?? 0; i < end; i += 2) {
      const area = d[i]!;
      if (area < aMin || area > aMax) continue;
      if (anyRent) return true;
      const rent = d[i + 1]!;
      if (rent >= rMin && rent <= rMax) return true;
    }
    return false;
  }

  /** Copy the live pairs to the front of an array with room for `extra` more. */
  private compact(extra: number): void {
    const live = this.used - this.garbage;
    const next = new Float64Array(Math.max(4096, (live + extra) * 2));
    let at = 0;
    for (let slot = 0; slot < this.start.length; slot++) {
      const from = this.start[slot]!;
      const to = this.end[slot]!;
      next.set(this.data.subarray(from, to), at);
      this.start[slot] = at;
      at += to - from;
      this.end[slot] = at;
    }
    this.data = next;
    this.used = at;
    this.garbage = 0;
  }
}

function grow(a: Int32Array<ArrayBuffer>, size: number): Int32Array<ArrayBuffer> {
  const out = new Int32Array(size);
  out.set(a);
  return out;
}

function groupVacant(rows: { buildingId: string; area: number; rentMonthly: number | null }[]) {
  const out = new Map<string, number[]>();
  for (const s of rows) {
    let list = out.get(s.buildingId);
    if (!list) {
      list = [];
      out.set(s.buildingId, list);
    }
    list.push(Number(s.area), s.rentMonthly === null ? Number.NaN : Number(s.rentMonthly));
  }
  return out;
}

/** The first photo of each building (rows ordered by building, sort order, time, id). */
function firstPhotos(rows: { id: string; buildingId: string }[]) {
  const out = new Map<string, string>();
  for (const p of rows) if (!out.has(p.buildingId)) out.set(p.buildingId, p.id);
  return out;
}

function sameEntry(a: SnapshotBuilding['entry'], b: NonNullable<SnapshotBuilding['entry']>): boolean {
  return !!a && a.title === b.title && a.summary === b.summary && a.body === b.body;
}

// --- orders (as the SQL of the list used to sort: nulls last, then heat, then id, both descending) ---------------

type Compare = (a: SnapshotBuilding, b: SnapshotBuilding) => number;

const byHeat: Compare = (a, b) => b.heatSortKey - a.heatSortKey || (a.id < b.id ? 1 : a.id > b.id ? -1 : 0);

/** Ascending (dir 1) or descending (-1) on a nullable figure, nulls last, then by heat. */
const byFigure =
  (pick: (b: SnapshotBuilding) => number | null, dir: 1 | -1): Compare =>
  (a, b) => {
    const x = pick(a);
    const y = pick(b);
    if (x === null || y === null) return x === y ? byHeat(a, b) : x === null ? 1 : -1;
    return (x - y) * dir || byHeat(a, b);
  };

const COMPARE: Record<SnapshotOrder, Compare> = {
  heat: byHeat,
  rent_asc: byFigure((b) => b.minRentMonthly, 1),
  rent_desc: byFigure((b) => b.maxRentMonthly, -1),
  area_asc: byFigure((b) => b.minVacantArea, 1),
  area_desc: byFigure((b) => b.maxVacantArea, -1),
  vacancy_desc: byFigure((b) => b.vacancyRate, -1),
};

// --- one snapshot per database -----------------------------------------------------------------------------------

const SNAPSHOTS = new WeakMap<DB, BuildingSnapshot>();

/** The process's snapshot of this database's buildings (shared by the search, the editor's list and the export). */
export function buildingSnapshot(db: DB): BuildingSnapshot {
  let s = SNAPSHOTS.get(db);
  if (!s) {
    s = new BuildingSnapshot(db);
    SNAPSHOTS.set(db, s);
  }
  return s;
}
