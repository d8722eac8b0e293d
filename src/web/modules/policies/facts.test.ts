import { describe, expect, it } from 'vitest';
import { claimInputSchema } from '../../../shared/policies';
import { enterpriseFactsSchema } from '../../../shared/policy-rules';
import {
  claimAnswersFrom,
  claimFieldPath,
  factGroup,
  factValuesFromAnswers,
  getFact,
  isClaimAnswerable,
  profileTabOf,
  setFact,
} from './facts';

describe('facts by key', () => {
  it('sets and reads every kind of fact key, leaving the input untouched', () => {
    const empty = {};
    let f = setFact(empty, 'employees', 120);
    f = setFact(f, 'establishedOn', '2019-05-01');
    f = setFact(f, 'yearly.2025.revenue', 18_500_000);
    f = setFact(f, 'yearly.2025.rdSpending', 1_200_000);
    f = setFact(f, 'yearly.2024.revenue', 15_000_000);
    f = setFact(f, 'ip.invention', 3);
    f = setFact(f, 'qualification.high_tech', { recognized: true, recognizedOn: '2025-11-20' });
    f = setFact(f, 'flag.tax_credit_a', false);
    f = setFact(f, 'measure.rented_area', 350);
    f = setFact(f, 'event.settled', '2024-03-01');
    f = setFact(f, 'otherPayment.city_listing', 500_000);
    expect(empty).toEqual({});
    expect(f).toEqual({
      employees: 120,
      establishedOn: '2019-05-01',
      yearly: { '2025': { revenue: 18_500_000, rdSpending: 1_200_000 }, '2024': { revenue: 15_000_000 } },
      ip: { invention: 3 },
      qualifications: { high_tech: { recognized: true, recognizedOn: '2025-11-20' } },
      flags: { tax_credit_a: false },
      measures: { rented_area: 350 },
      events: { settled: '2024-03-01' },
      otherPayments: { city_listing: 500_000 },
    });
    // What the self-test posts must pass the API's own schema.
    expect(enterpriseFactsSchema.safeParse(f).success).toBe(true);
    expect(getFact(f, 'yearly.2025.rdSpending')).toBe(1_200_000);
    expect(getFact(f, 'flag.tax_credit_a')).toBe(false);
    expect(getFact(f, 'qualification.high_tech')).toEqual({ recognized: true, recognizedOn: '2025-11-20' });
    expect(getFact(f, 'yearly.2023.revenue')).toBeUndefined();
    expect(getFact(f, 'flag.other')).toBeUndefined();
  });

  it('ignores keys it does not know', () => {
    expect(factGroup('nonsense')).toBeNull();
    expect(factGroup('foo.bar')).toBeNull();
    expect(setFact({ employees: 1 }, 'foo.bar', 2)).toEqual({ employees: 1 });
  });

  it('sends only facts the profile cannot hold as claim answers', () => {
    expect(isClaimAnswerable('measure.rented_area')).toBe(true);
    expect(isClaimAnswerable('yearly.2025.revenue')).toBe(false);
    const answers = claimAnswersFrom({
      'measure.rented_area': 350,
      'measure.lease_months': 12,
      'flag.rent_paid': true,
      'event.settled': '2024-03-01',
      'otherPayment.city_listing': 0,
      'yearly.2025.revenue': 1,
      'measure.loan_amount': undefined,
      'flag.x': '',
    });
    expect(answers).toEqual({
      measures: { rented_area: 350, lease_months: 12 },
      flags: { rent_paid: true },
      events: { settled: '2024-03-01' },
      otherPayments: { city_listing: 0 },
    });
    expect(
      claimInputSchema.safeParse({ contactName: '李海鹏', contactPhone: '13800000001', answers }).success,
    ).toBe(true);
    expect(factValuesFromAnswers(answers)).toEqual({
      'measure.rented_area': 350,
      'measure.lease_months': 12,
      'flag.rent_paid': true,
      'event.settled': '2024-03-01',
      'otherPayment.city_listing': 0,
    });
  });

  it('points each profile fact to the tab where it is kept', () => {
    expect(profileTabOf('employees')).toBe('basic');
    expect(profileTabOf('yearly.2025.revenue')).toBe('yearly');
    expect(profileTabOf('ip.invention')).toBe('ip');
    expect(profileTabOf('qualification.high_tech')).toBe('qualifications');
    expect(profileTabOf('measure.rented_area')).toBeNull();
  });

  it('places server errors on answers beside the fact they name', () => {
    expect(claimFieldPath('answers.measures.rented_area')).toEqual(['answers', 'measure.rented_area']);
    expect(claimFieldPath('answers.flags.rent_paid')).toEqual(['answers', 'flag.rent_paid']);
    expect(claimFieldPath('contactPhone')).toEqual(['contactPhone']);
    expect(claimFieldPath('attachments.0.fileId')).toEqual(['attachments', 0, 'fileId']);
  });
});
