/**
 * Hot-building ranking (热门楼宇, SPEC §2.5): recent interest with exponential time decay.
 *
 *   heat(now) = Σ_events w(kind) · 2^(−(now − at) / H)
 *
 *   w(view) = 1, w(favourite) = 5, w(viewing_request) = 10;  H = half-life, 7 days by default.
 *
 * An event counts fully when it happens, half after 7 days, a quarter after 14. Events dated after `now` (clock
 * skew between instances) count as happening now, never more.
 *
 * Because decay is exponential, the sum can be kept as one decayed counter per building — (score, lastAt) — and
 * updated per event without storing every event:
 *
 *   score' = score · 2^(−(at − lastAt) / H) + w,   lastAt' = at          (event at or after lastAt)
 *   score' = score + w · 2^(−(lastAt − at) / H),   lastAt' = lastAt      (late event, before lastAt)
 *
 * and read at any instant as score · 2^(−(now − lastAt) / H). To sort in SQL without computing powers, store
 * `heatSortKey` = log2(score) + lastAt / H (lastAt in ms, H in ms): for a common `now`, heat(now) =
 * 2^(sortKey − now / H), a monotonic function of sortKey, so ORDER BY sortKey DESC is the ranking at any instant.
 */

export const HEAT_EVENT_KINDS = ['view', 'favourite', 'viewing_request'] as const;
export type HeatEventKind = (typeof HEAT_EVENT_KINDS)[number];

export const HEAT_WEIGHTS: Record<HeatEventKind, number> = { view: 1, favourite: 5, viewing_request: 10 };

export const DEFAULT_HALF_LIFE_MS = 7 * 86_400_000;

export type Instant = Date | string | number;

export interface HeatEvent {
  kind: HeatEventKind;
  at: Instant;
}

export interface HeatOptions {
  halfLifeMs?: number;
  weights?: Record<HeatEventKind, number>;
}

/** The decayed counter kept per building. `lastAt` is an ISO instant; null before the first event. */
export interface HeatState {
  score: number;
  lastAt: string | null;
}

function ms(t: Instant): number {
  const v = t instanceof Date ? t.getTime() : typeof t === 'number' ? t : Date.parse(t);
  if (!Number.isFinite(v)) throw new RangeError(`invalid instant: ${String(t)}`);
  return v;
}

/** 2^(−Δ/H) for Δ ≥ 0; negative Δ (an event "in the future") counts as 0. */
const decay = (deltaMs: number, halfLifeMs: number) => 2 ** (-Math.max(0, deltaMs) / halfLifeMs);

/** The heat at `now` from the full event list (the reference the counter form must agree with). */
export function heatScore(events: readonly HeatEvent[], now: Instant, options: HeatOptions = {}): number {
  const h = options.halfLifeMs ?? DEFAULT_HALF_LIFE_MS;
  const w = options.weights ?? HEAT_WEIGHTS;
  const n = ms(now);
  let sum = 0;
  for (const e of events) sum += w[e.kind] * decay(n - ms(e.at), h);
  return sum;
}

export const EMPTY_HEAT: HeatState = { score: 0, lastAt: null };

/** Fold one event into the counter; out-of-order events are decayed back to `lastAt` instead. */
export function addHeatEvent(state: HeatState, event: HeatEvent, options: HeatOptions = {}): HeatState {
  const h = options.halfLifeMs ?? DEFAULT_HALF_LIFE_MS;
  const w = (options.weights ?? HEAT_WEIGHTS)[event.kind];
  const at = ms(event.at);
  if (state.lastAt === null) return { score: w, lastAt: new Date(at).toISOString() };
  const last = ms(state.lastAt);
  if (at >= last) return { score: state.score * decay(at - last, h) + w, lastAt: new Date(at).toISOString() };
  return { score: state.score + w * decay(last - at, h), lastAt: state.lastAt };
}

/** The counter read at `now`. */
export function currentHeat(state: HeatState, now: Instant, options: HeatOptions = {}): number {
  if (state.lastAt === null) return 0;
  return state.score * decay(ms(now) - ms(state.lastAt), options.halfLifeMs ?? DEFAULT_HALF_LIFE_MS);
}

/**
 * A time-independent sort key (see the module comment): higher means hotter at every common instant. −Infinity
 * for a building with no interest yet.
 */
export function heatSortKey(state: HeatState, options: HeatOptions = {}): number {
  if (state.lastAt === null || state.score <= 0) return Number.NEGATIVE_INFINITY;
  return Math.log2(state.score) + ms(state.lastAt) / (options.halfLifeMs ?? DEFAULT_HALF_LIFE_MS);
}

/** Rank buildings by heat at `now`, hottest first; ties by id for a stable order. */
export function rankByHeat<T extends { id: string; heat: HeatState }>(
  items: readonly T[],
  now: Instant,
  options: HeatOptions = {},
): { item: T; heat: number }[] {
  return items
    .map((item) => ({ item, heat: currentHeat(item.heat, now, options) }))
    .sort((a, b) => b.heat - a.heat || a.item.id.localeCompare(b.item.id));
}
