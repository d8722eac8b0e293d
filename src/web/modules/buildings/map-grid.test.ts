import { describe, expect, it } from 'vitest';
import { graticule, mapBounds } from './map-grid';

describe('map without a base map', () => {
  it('boxes the buildings, widening a lone point to about a kilometre', () => {
    const b = mapBounds([{ lat: 36.06, lng: 120.38 }]);
    expect(b.north - b.south).toBeCloseTo(0.01, 10);
    expect(b.east - b.west).toBeCloseTo(0.01, 10);
    expect((b.north + b.south) / 2).toBeCloseTo(36.06, 10);
  });

  it('keeps a wide spread as it is', () => {
    const b = mapBounds([
      { lat: 36.05, lng: 120.31 },
      { lat: 36.08, lng: 120.43 },
    ]);
    expect(b).toEqual({ south: 36.05, west: 120.31, north: 36.08, east: 120.43 });
  });

  it('refuses an empty list (the page shows "no coordinates" instead)', () => {
    expect(() => mapBounds([])).toThrow();
  });

  it('draws grid lines on round degrees that cover the box with a margin', () => {
    const lines = graticule({ south: 36.055, west: 120.372, north: 36.071, east: 120.391 }, 0.01);
    const parallels = lines.filter((l) => l[0]![0] === l[1]![0]).map((l) => l[0]![0]);
    const meridians = lines.filter((l) => l[0]![1] === l[1]![1]).map((l) => l[0]![1]);
    expect(parallels[0]).toBeCloseTo(36.04, 10);
    expect(parallels.at(-1)).toBeCloseTo(36.09, 10);
    expect(meridians[0]).toBeCloseTo(120.36, 10);
    expect(meridians.at(-1)).toBeCloseTo(120.41, 10);
    expect(parallels.length + meridians.length).toBe(lines.length);
  });
});
