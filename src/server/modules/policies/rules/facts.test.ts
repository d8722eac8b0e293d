import { describe, expect, it } from 'vitest';
import type { EnterpriseProfile } from '../../../../shared/enterprises';
import {
  anniversaryDay,
  dateOfDay,
  dayNumber,
  daysFromCivil,
  describeFact,
  evaluationDate,
  factsFromProfile,
  prepareFacts,
  qualificationCodes,
} from './facts';

describe('dates', () => {
  it.each([
    ['2024-02-29', true],
    ['2025-02-29', false],
    ['2025-13-01', false],
    ['2025-04-31', false],
    ['2025-4-01', false],
    ['abcd-ef-gh', false],
    ['2000-02-29', true],
    ['1900-02-29', false],
  ])('dayNumber(%s) valid = %s', (date, valid) => {
    expect(Number.isNaN(dayNumber(date))).toBe(!valid);
    if (valid) expect(dateOfDay(dayNumber(date))).toBe(date);
  });

  it.each([
    // date, years, months, days, anniversary
    ['2025-03-15', 1, 0, 0, '2026-03-15'],
    ['2024-02-29', 1, 0, 0, '2025-02-28'], // no 29 February: the period ends on the last day of the month
    ['2024-02-29', 4, 0, 0, '2028-02-29'],
    ['2025-01-31', 0, 1, 0, '2025-02-28'],
    ['2024-01-31', 0, 1, 0, '2024-02-29'],
    ['2025-11-30', 0, 3, 0, '2026-02-28'],
    ['2025-12-31', 0, 0, 1, '2026-01-01'],
    ['2023-08-31', 1, 6, 0, '2025-02-28'],
  ])('%s + %iy %im %id = %s', (date, y, m, d, expected) => {
    expect(dateOfDay(anniversaryDay(date, y, m, d))).toBe(expected);
  });

  it('takes the evaluation date in Asia/Shanghai', () => {
    expect(evaluationDate(new Date('2026-03-14T15:59:59Z'))).toBe('2026-03-14');
    expect(evaluationDate(new Date('2026-03-14T16:00:00Z'))).toBe('2026-03-15');
  });
});

describe('prepareFacts', () => {
  it('defaults the reward year to the year before the evaluation year', () => {
    const f = prepareFacts({}, { asOf: '2026-01-02' });
    expect(f.evaluationYear).toBe(2026);
    expect(f.rewardYear).toBe(2025);
    expect(prepareFacts({}, { asOf: '2026-01-02', rewardYear: 2024 }).rewardYear).toBe(2024);
  });

  it('refuses an evaluation date that is not a date', () => {
    expect(() => prepareFacts({}, { asOf: '2026-02-30' })).toThrow(RangeError);
  });

  it('derives the industry section once', () => {
    expect(prepareFacts({ industryCode: '6511' }, { asOf: '2026-01-02' }).industrySection).toBe('I');
    expect(prepareFacts({}, { asOf: '2026-01-02' }).industrySection).toBeUndefined();
  });
});

function profile(overrides: Partial<EnterpriseProfile> = {}): EnterpriseProfile {
  const provenance = {
    source: 'self' as const,
    sourceRef: null,
    updatedAt: '2026-01-01T00:00:00Z',
    updatedByName: null,
  };
  return {
    id: 'e1',
    uscc: '91370202MA3C4XXXXX',
    name: '青岛示例科技有限公司',
    legalRepresentative: '张三',
    registeredCapital: 500,
    establishedOn: '2019-06-01',
    registeredAddress: null,
    street: { code: '370202007', name: '香港中路街道' },
    industry: {
      code: '6511',
      name: '软件和信息技术服务业',
      division: '65',
      section: 'I',
      sectionName: '信息传输、软件和信息技术服务业',
    },
    employees: 80,
    insuredEmployees: null,
    building: null,
    unit: null,
    tags: [],
    yearly: [
      { year: 2025, revenue: 1850.5, taxPaid: 120, rdSpending: null, exports: null, totalAssets: 3000 },
      { year: 2024, revenue: 1500, taxPaid: null, rdSpending: 90.25, exports: 0, totalAssets: null },
    ],
    ip: { invention: 3, utility_model: null, design: 0, software_copyright: 12, trademark: null },
    qualifications: [
      {
        id: 'q1',
        kind: 'high_tech',
        kindName: '高新技术企业',
        recognizedOn: '2019-12-01',
        expiresOn: '2022-11-30',
        certificateNo: null,
        current: false,
        provenance,
      },
      {
        id: 'q2',
        kind: 'high_tech',
        kindName: '高新技术企业',
        recognizedOn: '2022-12-05',
        expiresOn: '2025-12-04',
        certificateNo: null,
        current: false,
        provenance,
      },
      {
        id: 'q3',
        kind: 'high_tech',
        kindName: '高新技术企业',
        recognizedOn: '2026-05-01',
        expiresOn: '2029-04-30',
        certificateNo: null,
        current: false,
        provenance,
      },
      {
        id: 'q4',
        kind: 'tech_sme',
        kindName: '科技型中小企业',
        recognizedOn: '2025-04-10',
        expiresOn: null,
        certificateNo: null,
        current: true,
        provenance,
      },
    ],
    liaison: null,
    size: {
      sizeClass: 'small',
      label: '小型',
      status: 'decided',
      basisYear: 2025,
      basis: '',
      missing: [],
      standardId: 'x',
    },
    provenance: {},
    version: 1,
    createdAt: '2026-01-01T00:00:00Z',
    updatedAt: '2026-01-01T00:00:00Z',
    permissions: { edit: false, verify: false, assignLiaison: false, manageMembers: false },
    ...overrides,
  };
}

describe('factsFromProfile', () => {
  const facts = factsFromProfile(profile(), { asOf: '2026-03-15', qualificationKinds: qualificationCodes() });

  it('converts 万元 to 元 and leaves unknown figures absent, never 0', () => {
    expect(facts.registeredCapital).toBe(5_000_000);
    expect(facts.yearly?.['2025']).toEqual({
      revenue: 18_505_000,
      taxPaid: 1_200_000,
      totalAssets: 30_000_000,
    });
    expect(facts.yearly?.['2024']).toEqual({ revenue: 15_000_000, rdSpending: 902_500, exports: 0 });
    expect(facts.insuredEmployees).toBeUndefined();
    expect('insuredEmployees' in facts).toBe(false);
    expect(facts.ip).toEqual({ invention: 3, design: 0, software_copyright: 12 });
  });

  it('copies the profile fields', () => {
    expect(facts).toMatchObject({
      employees: 80,
      establishedOn: '2019-06-01',
      industryCode: '6511',
      streetCode: '370202007',
      sizeClass: 'small',
    });
  });

  it('summarises qualifications up to the evaluation date and records the other kinds as not held', () => {
    expect(facts.qualifications?.high_tech).toEqual({
      recognized: true,
      recognizedOn: '2022-12-05',
      firstRecognizedOn: '2019-12-01',
      expiresOn: '2025-12-04',
      recognitionYears: [2019, 2022],
    });
    expect(facts.qualifications?.tech_sme).toMatchObject({ recognized: true, expiresOn: null });
    expect(facts.qualifications?.little_giant).toEqual({ recognized: false });
  });

  it('leaves qualifications unknown when no kind list is given', () => {
    const f = factsFromProfile(profile(), { asOf: '2026-03-15' });
    expect(f.qualifications?.little_giant).toBeUndefined();
  });
});

describe('describeFact', () => {
  it.each([
    ['yearly.2025.revenue', '2025年营业收入', 'money'],
    ['ip.invention', '发明专利数量', 'number'],
    ['qualification.high_tech', '高新技术企业认定情况', 'qualification'],
    ['flag.tax_credit_a', '是否纳税信用等级为A级', 'boolean'],
    ['measure.rented_area', '租用办公面积', 'number'],
    ['event.settled', '落户本区日期', 'date'],
    ['establishedOn', '成立日期', 'date'],
  ])('%s → %s', (key, name, answer) => {
    expect(describeFact(key)).toMatchObject({ name, answer });
  });
});

describe('daysFromCivil', () => {
  it('agrees with Date.UTC from 1900 to 2100', () => {
    for (let day = Date.UTC(1900, 0, 1) / 86_400_000; day <= Date.UTC(2100, 11, 31) / 86_400_000; day += 1) {
      const d = new Date(day * 86_400_000);
      expect(daysFromCivil(d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate())).toBe(day);
    }
  });
});
