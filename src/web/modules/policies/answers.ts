import dayjs, { type Dayjs } from 'dayjs';
import type { FactQuestion, QualificationFact } from '../../../shared/policy-rules';
import { wanFromYuan, yuanFromWan } from './money';

/** Answers as a form holds them (万元, dayjs dates) and as the API takes them (元, YYYY-MM-DD). */

const day = (v: unknown): string | undefined =>
  dayjs.isDayjs(v) ? (v as Dayjs).format('YYYY-MM-DD') : typeof v === 'string' && v ? v : undefined;

/** The form's value of a question as the API's fact value; undefined when nothing usable was entered. */
export function toFactValue(question: Pick<FactQuestion, 'answer'>, v: unknown): unknown {
  if (v === undefined || v === null || v === '') return undefined;
  switch (question.answer) {
    case 'money':
      return typeof v === 'number' ? yuanFromWan(v) : undefined;
    case 'number':
      return typeof v === 'number' ? v : undefined;
    case 'date':
      return day(v);
    case 'boolean':
      return typeof v === 'boolean' ? v : undefined;
    case 'qualification': {
      const q = v as { recognized?: boolean; recognizedOn?: unknown; firstRecognizedOn?: unknown };
      if (typeof q.recognized !== 'boolean') return undefined;
      if (!q.recognized) return { recognized: false } satisfies QualificationFact;
      const recognizedOn = day(q.recognizedOn);
      const firstRecognizedOn = day(q.firstRecognizedOn) ?? recognizedOn;
      return {
        recognized: true,
        ...(recognizedOn ? { recognizedOn } : {}),
        ...(firstRecognizedOn ? { firstRecognizedOn } : {}),
      } satisfies QualificationFact;
    }
    default:
      return typeof v === 'string' ? v : undefined;
  }
}

/** The API's fact value back into the form's shape (to show an answer again). */
export function toFormValue(question: Pick<FactQuestion, 'answer'>, v: unknown): unknown {
  if (v === undefined || v === null) return undefined;
  switch (question.answer) {
    case 'money':
      return typeof v === 'number' ? wanFromYuan(v) : undefined;
    case 'date':
      return typeof v === 'string' ? dayjs(v) : undefined;
    case 'qualification': {
      const q = v as QualificationFact;
      return {
        recognized: q.recognized,
        recognizedOn: q.recognizedOn ? dayjs(q.recognizedOn) : undefined,
        firstRecognizedOn:
          q.firstRecognizedOn && q.firstRecognizedOn !== q.recognizedOn
            ? dayjs(q.firstRecognizedOn)
            : undefined,
      };
    }
    default:
      return v;
  }
}
