// Why: the directive words and the rubric are defined in shared, in English
// (main writes them into the Markdown export); the page shows them in its own
// language, so each one maps to catalogue keys here, and a rubric part or
// level added in shared cannot go unlabelled (the Records fail the typecheck).
import type { MessageKey } from '@renderer/i18n'
import type { Messages } from '@renderer/i18n/locales/en'
import type { Directive } from '@shared/domain/directives'
import type { RubricKey, RubricLevel } from '@shared/domain/writing'

type DirectiveId = keyof Messages['write']['directives']

/** Each directive word as shared spells it → its catalogue entry. A unit test checks every word in DIRECTIVES is here. */
export const DIRECTIVE_IDS: Readonly<Record<string, DirectiveId>> = {
  'critically examine': 'criticallyExamine',
  'critically analyse': 'criticallyAnalyse',
  'critically evaluate': 'criticallyEvaluate',
  'critically comment': 'criticallyComment',
  'critically discuss': 'criticallyDiscuss',
  discuss: 'discuss',
  analyse: 'analyse',
  analyze: 'analyze',
  comment: 'comment',
  elucidate: 'elucidate',
  examine: 'examine',
  evaluate: 'evaluate',
  explain: 'explain',
  justify: 'justify',
  illustrate: 'illustrate',
  substantiate: 'substantiate',
  enumerate: 'enumerate',
  describe: 'describe',
  highlight: 'highlight',
  compare: 'compare',
  contrast: 'contrast',
  distinguish: 'distinguish',
  outline: 'outline',
  assess: 'assess',
  'account for': 'accountFor',
  'bring out': 'bringOut'
}

/** The directive's name in the page's language and what it asks; null for a word the catalogue does not know yet. */
export function directiveKeys(d: Directive): { term: MessageKey; asks: MessageKey } | null {
  const id = DIRECTIVE_IDS[d.word]
  return id ? { term: `write.directives.${id}.term`, asks: `write.directives.${id}.asks` } : null
}

export const RUBRIC_LABELS: Readonly<Record<RubricKey, { label: MessageKey; hint: MessageKey }>> = {
  directive: { label: 'write.rubric.directive.label', hint: 'write.rubric.directive.hint' },
  structure: { label: 'write.rubric.structure.label', hint: 'write.rubric.structure.hint' },
  content: { label: 'write.rubric.content.label', hint: 'write.rubric.content.hint' },
  examples: { label: 'write.rubric.examples.label', hint: 'write.rubric.examples.hint' },
  conclusion: { label: 'write.rubric.conclusion.label', hint: 'write.rubric.conclusion.hint' },
  wordLimit: { label: 'write.rubric.wordLimit.label', hint: 'write.rubric.wordLimit.hint' }
}

export const LEVEL_LABELS: Readonly<Record<RubricLevel, MessageKey>> = {
  0: 'write.levels.missing',
  1: 'write.levels.partly',
  2: 'write.levels.well'
}

/** A rubric level by number, as stored; a number outside the scale shows as itself. */
export function levelKey(level: number): MessageKey | null {
  return level === 0 || level === 1 || level === 2 ? LEVEL_LABELS[level] : null
}

/**
 * Attributes for an element showing a prompt: a pack's is English content
 * (lang="en"), the student's own question is their text (data-own-text).
 */
export function promptAttrs(packId: string | null): Record<string, string> {
  return packId ? { lang: 'en' } : { 'data-own-text': '' }
}
