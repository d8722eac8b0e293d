import dayjs from 'dayjs';
import { describe, expect, it } from 'vitest';
import { toFactValue, toFormValue } from './answers';

describe('answers between the form and the API', () => {
  it('turns 万元 into whole 元 and back', () => {
    expect(toFactValue({ answer: 'money' }, 1850)).toBe(18_500_000);
    expect(toFactValue({ answer: 'money' }, 0.01)).toBe(100);
    expect(toFormValue({ answer: 'money' }, 18_500_000)).toBe(1850);
  });

  it('keeps an unanswered question unknown, never zero', () => {
    for (const answer of ['money', 'number', 'date', 'boolean', 'qualification', 'industry'] as const) {
      expect(toFactValue({ answer }, undefined)).toBeUndefined();
      expect(toFactValue({ answer }, null)).toBeUndefined();
      expect(toFactValue({ answer }, '')).toBeUndefined();
    }
    expect(toFactValue({ answer: 'qualification' }, { recognizedOn: dayjs('2025-01-01') })).toBeUndefined();
  });

  it('writes dates as YYYY-MM-DD', () => {
    expect(toFactValue({ answer: 'date' }, dayjs('2019-05-01'))).toBe('2019-05-01');
    expect((toFormValue({ answer: 'date' }, '2019-05-01') as dayjs.Dayjs).format('YYYY-MM-DD')).toBe(
      '2019-05-01',
    );
  });

  it('reads a qualification: not held, held with dates, held once', () => {
    expect(
      toFactValue({ answer: 'qualification' }, { recognized: false, recognizedOn: dayjs('2025-01-01') }),
    ).toEqual({
      recognized: false,
    });
    expect(
      toFactValue(
        { answer: 'qualification' },
        { recognized: true, recognizedOn: dayjs('2025-11-20'), firstRecognizedOn: dayjs('2019-11-20') },
      ),
    ).toEqual({ recognized: true, recognizedOn: '2025-11-20', firstRecognizedOn: '2019-11-20' });
    // Recognised once: the first recognition is the latest one.
    expect(
      toFactValue({ answer: 'qualification' }, { recognized: true, recognizedOn: dayjs('2025-11-20') }),
    ).toEqual({
      recognized: true,
      recognizedOn: '2025-11-20',
      firstRecognizedOn: '2025-11-20',
    });
    expect(toFactValue({ answer: 'qualification' }, { recognized: true })).toEqual({ recognized: true });
  });

  it('passes yes/no, codes and counts through', () => {
    expect(toFactValue({ answer: 'boolean' }, false)).toBe(false);
    expect(toFactValue({ answer: 'sizeClass' }, 'small')).toBe('small');
    expect(toFactValue({ answer: 'number' }, 12)).toBe(12);
    expect(toFactValue({ answer: 'number' }, '12')).toBeUndefined();
  });
});
