import { usePrefs, useT } from '../../app/prefs';

/**
 * Row labels in the reader's language. The server labels rows in Chinese (the export needs them); the English page
 * names what it can from the row key: industry sections, size classes, months and years. Street and department
 * names are proper names and stay as they are.
 */
export function useRowLabels() {
  const m = useT();
  const { locale } = usePrefs();
  const t = m.insights;
  const en = locale === 'en';
  return {
    street: (key: string, label: string) => (key === 'unknown' ? t.notFilled : label),
    industry: (key: string, label: string) =>
      key === 'unknown' ? t.notFilled : en ? `${key} ${t.industrySections[key] ?? label}` : label,
    size: (key: string, label: string) =>
      key === 'unknown' ? t.unclassified : ((m.enterprise.sizes as Record<string, string>)[key] ?? label),
    /** YYYY-MM or YYYY keys: the key itself in English, 2026年1月 in Chinese. */
    period: (key: string | null, label: string) => (en && key ? key : label),
    department: (key: string | null, label: string) => (key === null ? t.notDispatched : label),
  };
}
