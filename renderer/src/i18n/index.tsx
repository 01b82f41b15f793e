// Tiny i18n: Vietnamese by default, English on demand; the choice is remembered per machine.
import { createContext, useContext, useMemo, useState, type ReactNode } from 'react';
import { en } from './en.js';
import { vi, type MessageKey } from './vi.js';
import { makeWords, type Words } from './words.js';

export type Lang = 'vi' | 'en';
export type Translate = (key: MessageKey, vars?: Record<string, string | number>) => string;

const dictionaries: Record<Lang, Record<MessageKey, string>> = { vi, en };

function initialLang(): Lang {
  try {
    return localStorage.getItem('kiemchung.lang') === 'en' ? 'en' : 'vi';
  } catch {
    return 'vi';
  }
}

interface I18n {
  lang: Lang;
  t: Translate;
  /** The engine's facts in words (errors, problems, reasons, notes, kinds, phases). */
  w: Words;
  setLang: (lang: Lang) => void;
}

const Ctx = createContext<I18n | null>(null);

export function I18nProvider({ children }: { children: ReactNode }) {
  const [lang, setLangState] = useState<Lang>(initialLang);
  const value = useMemo<I18n>(() => {
    const dict = dictionaries[lang];
    const t: Translate = (key, vars) => {
      let s: string = dict[key];
      if (vars) for (const [k, v] of Object.entries(vars)) s = s.replaceAll(`{${k}}`, String(v));
      return s;
    };
    return {
      lang,
      t,
      w: makeWords(t, lang),
      setLang: (l) => {
        setLangState(l);
        try {
          localStorage.setItem('kiemchung.lang', l);
        } catch {
          // storage may be disabled; the switch still works for this session
        }
        document.documentElement.lang = l;
      },
    };
  }, [lang]);
  return <Ctx.Provider value={value}>{children}</Ctx.Provider>;
}

export function useI18n(): I18n {
  const v = useContext(Ctx);
  if (!v) throw new Error('useI18n outside I18nProvider');
  return v;
}
