/** Geometry of the map without a base map: the area the buildings cover and a grid to read distances by. */

export interface Bounds {
  south: number;
  west: number;
  north: number;
  east: number;
}

/**
 * The box around the points, widened to at least `minSpan` degrees (≈ 1 km) so one building or a row of them
 * still shows its surroundings. Throws on an empty list: the caller shows "no coordinates" instead.
 */
export function mapBounds(points: { lat: number; lng: number }[], minSpan = 0.01): Bounds {
  if (points.length === 0) throw new Error('mapBounds needs at least one point');
  let south = Number.POSITIVE_INFINITY;
  let west = Number.POSITIVE_INFINITY;
  let north = Number.NEGATIVE_INFINITY;
  let east = Number.NEGATIVE_INFINITY;
  for (const p of points) {
    south = Math.min(south, p.lat);
    north = Math.max(north, p.lat);
    west = Math.min(west, p.lng);
    east = Math.max(east, p.lng);
  }
  const widen = (lo: number, hi: number): [number, number] => {
    const pad = Math.max(0, minSpan - (hi - lo)) / 2;
    return [lo - pad, hi + pad];
  };
  [south, north] = widen(south, north);
  [west, east] = widen(west, east);
  return { south, west, north, east };
}

/**
 * Grid lines every `step` degrees covering the bounds plus one step around them, as [lat, lng] polylines:
 * parallels first, then meridians. Lines snap to multiples of the step so they stay put when the data changes.
 */
export function graticule(b: Bounds, step: number): [number, number][][] {
  const lines: [number, number][][] = [];
  const from = (v: number) => Math.floor(v / step) * step - step;
  const to = (v: number) => Math.ceil(v / step) * step + step;
  const s = from(b.south);
  const n = to(b.north);
  const w = from(b.west);
  const e = to(b.east);
  const round = (v: number) => Math.round(v / step) * step;
  for (let i = 0; s + i * step <= n + 1e-9; i++) {
    const lat = round(s + i * step);
    lines.push([
      [lat, w],
      [lat, e],
    ]);
  }
  for (let i = 0; w + i * step <= e + 1e-9; i++) {
    const lng = round(w + i * step);
    lines.push([
      [s, lng],
      [n, lng],
    ]);
  }
  return lines;
}
