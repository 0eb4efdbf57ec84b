// Why: what a setting may be and what it starts as, in one validator-free
// place, so the settings page offers exactly what main will accept and shows
// the real defaults before main has answered.

export const THEMES = ['system', 'light', 'dark'] as const
export const LINE_WIDTHS = ['narrow', 'medium', 'wide'] as const
export type Theme = (typeof THEMES)[number]
export type LineWidth = (typeof LINE_WIDTHS)[number]
/** Interface languages: English and Hindi. Pack content stays in the language it was written in. */
export const LOCALES = ['en', 'hi'] as const
export type Locale = (typeof LOCALES)[number]

/** Reading font size in px. */
export const FONT_SIZE_MIN = 12
export const FONT_SIZE_MAX = 32

export interface Settings {
  theme: Theme
  /** Reading font size in px. */
  fontSize: number
  lineWidth: LineWidth
  /** The pack the student had open last, opened again at the next start (if it is still there). */
  lastPackId?: string
  /** The interface language; absent until the student picks one, and then the system's language is followed. */
  locale?: Locale
  /** Hindi terms and titles beside the English in Reading; absent = on in the Hindi interface, off in English. */
  hindiTerms?: boolean
}

export const DEFAULT_SETTINGS: Readonly<Settings> = Object.freeze({ theme: 'system', fontSize: 18, lineWidth: 'medium' })
