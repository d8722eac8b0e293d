import type { AppealSimilar } from './types';

/** The shortest text worth a lookup: fewer characters match everything and help no one. */
export const SIMILAR_MIN_CHARS = 4;
/** The lookup text is capped: the first few hundred characters carry the subject. */
export const SIMILAR_MAX_CHARS = 500;

export function isEmptySimilar(s: AppealSimilar | undefined): boolean {
  return !s || (s.open.length === 0 && s.public.length === 0 && s.kb.length === 0);
}

/** The text sent for the lookup, or null when there is too little to look for. */
export function similarProbe(text: string): string | null {
  const t = text.replace(/\s+/g, ' ').trim();
  return t.length >= SIMILAR_MIN_CHARS ? t.slice(0, SIMILAR_MAX_CHARS) : null;
}
