import { describe, expect, it } from 'vitest';
import {
  addressKey,
  type BuildingLike,
  buildingNameKey,
  compareBuildings,
  distanceMetres,
  duplicateSpacesWithin,
  findDuplicateBuildings,
  findDuplicateSpaces,
  type SpaceLike,
  unitKey,
} from './duplicates';

// Coordinates near 香港中路 (WGS-84); 0.001° of latitude ≈ 111 m.
const EXISTING: BuildingLike[] = [
  { id: 'b1', name: '华润大厦', address: '市南区香港中路10号', lat: 36.0662, lng: 120.3826 },
  { id: 'b2', name: '青岛国际金融中心', address: '香港中路59号', lat: 36.0668, lng: 120.4011 },
  { id: 'b3', name: '万达广场写字楼', address: '山东路6号', lat: 36.0702, lng: 120.3905 },
  { id: 'b4', name: '海信大厦', address: '东海西路17号', lat: 36.0596, lng: 120.3855 },
  { id: 'b5', name: '中联广场', address: '香港中路69号', lat: 36.0664, lng: 120.403 },
];

describe('name and address keys', () => {
  it.each([
    ['华润大厦', '华润'],
    ['华润 大厦', '华润'],
    ['青岛市华润大厦', '华润'],
    ['华润大厦（A座）', '华润a座'],
    ['华润大厦(A座)', '华润a座'],
    ['万达广场写字楼', '万达'],
    ['青岛国际金融中心', '青岛国际金融'],
    ['中心大厦', '中心大厦'], // nothing but generic words: keep the folded name
    ['ＩＦＣ国际金融中心', 'ifc国际金融'],
  ])('buildingNameKey(%j) = %j', (name, key) => {
    expect(buildingNameKey(name)).toBe(key);
  });

  it('addressKey folds width and drops the region prefix', () => {
    expect(addressKey('山东省青岛市市南区 香港中路１０号')).toBe('香港中路10号');
  });

  it('distanceMetres is about 111 m per 0.001° of latitude', () => {
    expect(distanceMetres(36, 120, 36.001, 120)).toBeCloseTo(111.2, 0);
    expect(distanceMetres(36, 120, 36, 120)).toBe(0);
  });
});

describe('findDuplicateBuildings', () => {
  it.each<[string, Omit<BuildingLike, 'id'>, string | null, string[]]>([
    ['same name, other spelling', { name: '华润 大厦' }, 'b1', ['name']],
    [
      'full-width name and address',
      { name: '华润大廈', address: '香港中路１０号' },
      'b1',
      ['name', 'address'],
    ],
    ['generic word differs', { name: '万达广场', address: '山东路6号' }, 'b3', ['name', 'address']],
    ['with region prefix', { name: '青岛国际金融中心大厦' }, 'b2', ['name']],
    ['same address, new name', { name: 'IFC', address: '青岛市市南区香港中路59号' }, 'b2', ['address']],
    ['same spot, different name', { name: '某新楼', lat: 36.0662, lng: 120.3827 }, 'b1', ['distance']],
    ['unrelated', { name: '颐和国际', address: '香港中路10号甲', lat: 36.07, lng: 120.36 }, null, []],
    ['similar road, other number', { name: '银座', address: '香港中路12号' }, null, []],
  ])('%s', (_label, candidate, expectedId, kinds) => {
    const matches = findDuplicateBuildings(candidate, EXISTING);
    if (expectedId === null) {
      expect(matches.filter((m) => m.score >= 0.6)).toEqual([]);
      return;
    }
    expect(matches[0]?.id).toBe(expectedId);
    expect(matches[0]!.reasons.map((r) => r.kind)).toEqual(kinds);
  });

  it('scores follow the documented noisy-OR', () => {
    expect(compareBuildings({ name: '华润大厦' }, { name: '华润中心' }).score).toBe(0.9);
    expect(
      compareBuildings({ name: 'x', address: '香港中路10号' }, { name: 'y', address: '香港中路10号' }).score,
    ).toBe(0.7);
    const all = compareBuildings(
      { name: '华润大厦', address: '香港中路10号', lat: 36.0662, lng: 120.3826 },
      { name: '华润大厦', address: '香港中路10号', lat: 36.0662, lng: 120.3826 },
    );
    expect(all.score).toBeCloseTo(1 - 0.1 * 0.3 * 0.4, 3);
    expect(all.reasons.map((r) => r.message)).toEqual([
      '名称相同（华润大厦）',
      '地址相同（香港中路10号）',
      '坐标相距约 0 米',
    ]);
  });

  it('a larger radius catches a building 150 m away', () => {
    const c = { name: '某新楼', lat: 36.0662 + 0.00135, lng: 120.3826 };
    expect(findDuplicateBuildings(c, EXISTING)).toEqual([]);
    expect(findDuplicateBuildings(c, EXISTING, { nearMetres: 500 }).map((m) => m.id)).toEqual(['b1']);
  });

  it('a stricter threshold drops the weaker match', () => {
    const c = { name: '青岛国际金融' };
    expect(findDuplicateBuildings(c, EXISTING).map((m) => m.id)).toEqual(['b2']);
    expect(findDuplicateBuildings({ name: '国际金融广场' }, EXISTING, { threshold: 0.95 })).toEqual([]);
  });

  it('A座 and B座 are not the same name; sharing an address they are flagged for a person to decide', () => {
    expect(compareBuildings({ name: '华润大厦A座' }, { name: '华润大厦B座' }).score).toBeLessThan(0.6);
    const r = compareBuildings(
      { name: '华润大厦A座', address: '香港中路10号' },
      { name: '华润大厦B座', address: '香港中路10号' },
    );
    expect(r.score).toBeGreaterThanOrEqual(0.7);
    expect(r.reasons.map((x) => x.kind)).toEqual(['address']);
  });

  it('10号甲 is another house number than 10号', () => {
    const r = compareBuildings(
      { name: 'x', address: '香港中路10号甲' },
      { name: 'y', address: '香港中路10号' },
    );
    expect(r.score).toBeLessThan(0.7);
    expect(
      compareBuildings({ name: 'x', address: '香港中路10甲号' }, { name: 'y', address: '香港中路10号甲' })
        .score,
    ).toBe(0.7);
  });

  it('near decays from N to 2N metres', () => {
    const at = (m: number) =>
      compareBuildings({ name: 'x', lat: 36 + m / 111_195, lng: 120 }, { name: 'y', lat: 36, lng: 120 });
    expect(at(90).score).toBeCloseTo(0.6, 3);
    expect(at(150).score).toBeCloseTo(0.3, 2);
    expect(at(150).reasons).toEqual([]);
    expect(at(250).score).toBe(0);
  });
});

describe('spaces', () => {
  const spaces: SpaceLike[] = [
    { id: 's1', buildingId: 'b1', floor: 12, unit: '1201' },
    { id: 's2', buildingId: 'b1', floor: 12, unit: '1202室' },
    { id: 's3', buildingId: 'b2', floor: 12, unit: '1201' },
    { id: 's4', buildingId: 'b1', floor: -1, unit: 'B1-01' },
  ];

  it.each([
    ['1201室', '1201'],
    ['１２０１', '1201'],
    ['1201 单元', '1201'],
    ['#1201', '1201'],
    ['12-01', '1201'],
    ['a座1201', 'A座1201'],
  ])('unitKey(%j) = %j', (u, k) => {
    expect(unitKey(u)).toBe(k);
  });

  it.each<[Omit<SpaceLike, 'id'>, string[]]>([
    [{ buildingId: 'b1', floor: 12, unit: '1201室' }, ['s1']],
    [{ buildingId: 'b1', floor: 12, unit: '1202' }, ['s2']],
    [{ buildingId: 'b1', floor: 12, unit: '1203' }, []],
    [{ buildingId: 'b1', floor: 11, unit: '1201' }, []],
    [{ buildingId: 'b2', floor: 12, unit: '1201' }, ['s3']],
    [{ buildingId: 'b1', floor: -1, unit: 'b1 01' }, ['s4']],
  ])('%j duplicates %j', (candidate, ids) => {
    const m = findDuplicateSpaces(candidate, spaces);
    expect(m.map((x) => x.id)).toEqual(ids);
    for (const x of m) expect(x.reasons[0]!.message).toContain('已有房号');
  });

  it('finds repeated rows within one file', () => {
    const rows = [
      { buildingId: 'b1', floor: 12, unit: '1201' },
      { buildingId: 'b1', floor: 12, unit: '1202' },
      { buildingId: 'b1', floor: 12, unit: '1201室' },
      { buildingId: 'b1', floor: 13, unit: '1201' },
      { buildingId: 'b1', floor: 12, unit: '#1201' },
    ];
    expect([...duplicateSpacesWithin(rows)]).toEqual([
      [2, [0]],
      [4, [0, 2]],
    ]);
  });
});
