import { createContext, useCallback, useContext, useMemo, useState, type ReactNode } from 'react';
import { formatDate, formatDateTime, type Lang } from './format';
import { en, id, type MessageKey } from './messages';

const STORAGE_KEY = 'gesit.lang';

interface I18n {
  lang: Lang;
  setLang(lang: Lang): void;
  /** The signed-in person's unit zone, in which times are shown. */
  setTimeZone(zone: string): void;
  t(key: MessageKey, params?: Record<string, string | number>): string;
  dateTime(iso: string | null | undefined): string;
  date(value: string | null | undefined): string;
}

const Context = createContext<I18n | null>(null);

export function currentLang(): Lang {
  return localStorage.getItem(STORAGE_KEY) === 'en' ? 'en' : 'id';
}

export function I18nProvider({ children }: { children: ReactNode }) {
  const [lang, setLangState] = useState<Lang>(currentLang);
  const [timeZone, setTimeZone] = useState('Asia/Jakarta');
  const setLang = useCallback((next: Lang) => {
    localStorage.setItem(STORAGE_KEY, next);
    document.documentElement.lang = next;
    setLangState(next);
  }, []);
  const value = useMemo<I18n>(() => {
    const catalogue = lang === 'en' ? en : id;
    return {
      lang,
      setLang,
      setTimeZone,
      t: (key, params) => {
        const text: string = catalogue[key] ?? key;
        return params ? text.replace(/\{(\w+)\}/g, (whole, name: string) => (name in params ? String(params[name]) : whole)) : text;
      },
      dateTime: (iso) => formatDateTime(iso, lang, timeZone),
      date: (value) => formatDate(value, lang),
    };
  }, [lang, setLang, timeZone]);
  return <Context.Provider value={value}>{children}</Context.Provider>;
}

export function useI18n(): I18n {
  const value = useContext(Context);
  if (!value) throw new Error('useI18n outside I18nProvider');
  return value;
}
