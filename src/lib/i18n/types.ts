/** The two languages the UI speaks. */
export type Locale = 'zh' | 'en';

/** A text in both languages: what the UI shows one half of, and files and exports keep whole. */
export interface Bilingual {
  zh: string;
  en: string;
}
