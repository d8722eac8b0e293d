import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  addHeatEvent,
  currentHeat,
  EMPTY_HEAT,
  type HeatEvent,
  type HeatEventKind,
  type HeatState,
  heatScore,
  heatSortKey,
  rankByHeat,
} from './heat';

const NOW = '2026-11-26T08:00:00.000Z';
const DAY = 86_400_000;
const ago = (days: number) => new Date(Date.parse(NOW) - days * DAY).toISOString();

describe('heatScore', () => {
  it.each<[string, HeatEvent[], number]>([
    ['nothing', [], 0],
    ['a view now', [{ kind: 'view', at: NOW }], 1],
    ['a favourite now', [{ kind: 'favourite', at: NOW }], 5],
    ['a viewing request now', [{ kind: 'viewing_request', at: NOW }], 10],
    ['a view one half-life ago', [{ kind: 'view', at: ago(7) }], 0.5],
    ['a viewing request two half-lives ago', [{ kind: 'viewing_request', at: ago(14) }], 2.5],
    ['a favourite 3.5 days ago', [{ kind: 'favourite', at: ago(3.5) }], 5 / Math.SQRT2],
    ['an event "in the future" counts as now', [{ kind: 'view', at: ago(-1) }], 1],
    [
      'a mix',
      [
        { kind: 'view', at: NOW },
        { kind: 'view', at: ago(7) },
        { kind: 'favourite', at: ago(7) },
        { kind: 'viewing_request', at: ago(21) },
      ],
      1 + 0.5 + 2.5 + 1.25,
    ],
  ])('%s → %d', (_label, events, expected) => {
    expect(heatScore(events, NOW)).toBeCloseTo(expected, 9);
  });

  it('accepts Date and epoch milliseconds for now', () => {
    const events: HeatEvent[] = [{ kind: 'view', at: ago(7) }];
    expect(heatScore(events, new Date(NOW))).toBeCloseTo(0.5, 9);
    expect(heatScore(events, Date.parse(NOW))).toBeCloseTo(0.5, 9);
  });

  it('honours a custom half-life and weights', () => {
    const events: HeatEvent[] = [{ kind: 'favourite', at: ago(1) }];
    expect(heatScore(events, NOW, { halfLifeMs: DAY })).toBeCloseTo(2.5, 9);
    expect(heatScore(events, NOW, { weights: { view: 1, favourite: 2, viewing_request: 3 } })).toBeCloseTo(
      2 * 2 ** (-1 / 7),
      9,
    );
  });

  it('a viewing request last week beats twenty views a month ago', () => {
    const old = Array.from({ length: 20 }, () => ({ kind: 'view' as const, at: ago(30) }));
    expect(heatScore([{ kind: 'viewing_request', at: ago(7) }], NOW)).toBeGreaterThan(heatScore(old, NOW));
  });

  it('rejects an invalid instant', () => {
    expect(() => heatScore([{ kind: 'view', at: 'yesterday' }], NOW)).toThrow(RangeError);
  });
});

describe('decayed counter', () => {
  it('folds events one at a time', () => {
    let s: HeatState = EMPTY_HEAT;
    s = addHeatEvent(s, { kind: 'view', at: ago(14) });
    expect(s).toEqual({ score: 1, lastAt: ago(14) });
    s = addHeatEvent(s, { kind: 'favourite', at: ago(7) });
    expect(s.score).toBeCloseTo(0.5 + 5, 9);
    expect(s.lastAt).toBe(ago(7));
    s = addHeatEvent(s, { kind: 'viewing_request', at: ago(14) }); // late: decayed back to lastAt
    expect(s.score).toBeCloseTo(0.5 + 5 + 5, 9);
    expect(s.lastAt).toBe(ago(7));
    expect(currentHeat(s, NOW)).toBeCloseTo((0.5 + 5 + 5) / 2, 9);
    expect(currentHeat(EMPTY_HEAT, NOW)).toBe(0);
  });

  const kind = fc.constantFrom<HeatEventKind>('view', 'favourite', 'viewing_request');
  const event = fc.record({
    kind,
    at: fc.integer({ min: 0, max: 90 * DAY }).map((t) => Date.parse(NOW) - t),
  });

  it('agrees with heatScore over the full event list, in any arrival order', () => {
    fc.assert(
      fc.property(fc.array(event, { maxLength: 40 }), (events) => {
        const state = events.reduce<HeatState>((s, e) => addHeatEvent(s, e), EMPTY_HEAT);
        const expected = heatScore(events, NOW);
        expect(currentHeat(state, NOW)).toBeCloseTo(expected, 6);
      }),
    );
  });

  it('the sort key orders buildings as their heat does at any common instant', () => {
    fc.assert(
      fc.property(
        fc.array(event, { minLength: 1, maxLength: 10 }),
        fc.array(event, { minLength: 1, maxLength: 10 }),
        fc.integer({ min: 0, max: 60 * DAY }),
        (ea, eb, later) => {
          const a = ea.reduce<HeatState>((s, e) => addHeatEvent(s, e), EMPTY_HEAT);
          const b = eb.reduce<HeatState>((s, e) => addHeatEvent(s, e), EMPTY_HEAT);
          const at = Date.parse(NOW) + later;
          const ha = currentHeat(a, at);
          const hb = currentHeat(b, at);
          if (Math.abs(ha - hb) < 1e-9 * Math.max(ha, hb)) return;
          expect(Math.sign(heatSortKey(a) - heatSortKey(b))).toBe(Math.sign(ha - hb));
        },
      ),
    );
    expect(heatSortKey(EMPTY_HEAT)).toBe(Number.NEGATIVE_INFINITY);
  });
});

describe('rankByHeat', () => {
  it('ranks hottest first, ties by id', () => {
    const items = [
      { id: 'b', heat: { score: 10, lastAt: ago(7) } }, // 5 now
      { id: 'a', heat: { score: 5, lastAt: NOW } }, // 5 now
      { id: 'c', heat: { score: 8, lastAt: ago(1) } }, // ≈ 7.26 now
      { id: 'd', heat: EMPTY_HEAT },
    ];
    expect(rankByHeat(items, NOW).map((r) => r.item.id)).toEqual(['c', 'a', 'b', 'd']);
  });
});
