import { createContext, type ReactNode, useCallback, useContext, useEffect, useMemo, useState } from 'react';
import { type Messages, zhCN } from '../locales/zh-CN';

/** The UI languages: Simplified Chinese first, English second. */
export type LocaleCode = 'zh-CN' | 'en';

const LOCALE_KEY = 'qifu.locale';
const LARGE_TEXT_KEY = 'qifu.largeText';

function readStorage(key: string): string | null {
  try {
    return window.localStorage.getItem(key);
  } catch {
    // Private mode or a disabled storage: the preference simply is not remembered.
    return null;
  }
}

function writeStorage(key: string, value: string): void {
  try {
    window.localStorage.setItem(key, value);
  } catch {
    /* not remembered, still applied */
  }
}

interface PrefsValue {
  locale: LocaleCode;
  messages: Messages;
  setLocale(locale: LocaleCode): void;
  /** 适老化: larger type everywhere, remembered on this device. */
  largeText: boolean;
  setLargeText(on: boolean): void;
}

const PrefsContext = createContext<PrefsValue | null>(null);

/**
 * User preferences kept in localStorage. Chinese ships in the entry bundle; English is fetched only when chosen,
 * so visitors who never switch never download it.
 */
export function PrefsProvider({ children }: { children: ReactNode }) {
  const [locale, setLocaleState] = useState<LocaleCode>(() =>
    readStorage(LOCALE_KEY) === 'en' ? 'en' : 'zh-CN',
  );
  const [messages, setMessages] = useState<Messages>(zhCN);
  const [largeText, setLargeTextState] = useState<boolean>(() => readStorage(LARGE_TEXT_KEY) === '1');

  useEffect(() => {
    let cancelled = false;
    if (locale === 'zh-CN') {
      setMessages(zhCN);
    } else {
      import('../locales/en').then(
        (m) => {
          if (!cancelled) setMessages(m.en);
        },
        () => {
          // The English bundle could not be loaded (offline): stay in Chinese rather than show nothing.
          if (!cancelled) setLocaleState('zh-CN');
        },
      );
    }
    document.documentElement.lang = locale === 'en' ? 'en' : 'zh-CN';
    return () => {
      cancelled = true;
    };
  }, [locale]);

  useEffect(() => {
    document.documentElement.classList.toggle('qifu-large-text', largeText);
  }, [largeText]);

  useEffect(() => {
    document.title = messages.app.documentTitle;
  }, [messages]);

  const setLocale = useCallback((l: LocaleCode) => {
    writeStorage(LOCALE_KEY, l);
    setLocaleState(l);
  }, []);
  const setLargeText = useCallback((on: boolean) => {
    writeStorage(LARGE_TEXT_KEY, on ? '1' : '0');
    setLargeTextState(on);
  }, []);

  const value = useMemo(
    () => ({ locale, messages, setLocale, largeText, setLargeText }),
    [locale, messages, setLocale, largeText, setLargeText],
  );
  return <PrefsContext.Provider value={value}>{children}</PrefsContext.Provider>;
}

export function usePrefs(): PrefsValue {
  const v = useContext(PrefsContext);
  if (!v) throw new Error('usePrefs outside PrefsProvider');
  return v;
}

/** The copy of the current language. */
export function useT(): Messages {
  return usePrefs().messages;
}
