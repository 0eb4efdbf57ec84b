// Why: a Mains question is marked first on whether the answer does what its
// directive word asks; "critically examine" wants a verdict that "describe"
// does not. The desk names the directive as the student starts writing.

export interface Directive {
  /** The directive as written in the question, lower case, e.g. "critically examine". */
  word: string
  /** One line on what the examiner expects. */
  asks: string
}

/** Longer phrases first, so "critically examine" wins over "examine". */
export const DIRECTIVES: readonly Directive[] = [
  { word: 'critically examine', asks: 'Look at the issue from all sides, weigh the evidence for and against, and end with a reasoned verdict.' },
  { word: 'critically analyse', asks: 'Break the issue into its parts, judge the strengths and weaknesses of each, and reach a balanced conclusion.' },
  { word: 'critically evaluate', asks: 'Judge the worth of the claim or policy on evidence, pros and cons, and give your own assessment.' },
  { word: 'critically comment', asks: 'Give a reasoned opinion on the statement, with arguments for and against and a clear stand.' },
  { word: 'critically discuss', asks: 'Argue both sides with evidence and finish with a judged, balanced view.' },
  { word: 'discuss', asks: 'Cover the issue from several angles, with arguments and evidence on each side, and conclude.' },
  { word: 'analyse', asks: 'Break the topic into its parts and explain how they relate and why, beyond a description.' },
  { word: 'analyze', asks: 'Break the topic into its parts and explain how they relate and why, beyond a description.' },
  { word: 'comment', asks: 'Give your opinion on the main points, backed by facts and reasons.' },
  { word: 'elucidate', asks: 'Make the point clear: explain it fully, with examples, so the reader understands it.' },
  { word: 'examine', asks: 'Probe the topic in depth, find the facts and the causes behind it, and draw out their implications.' },
  { word: 'evaluate', asks: 'Appraise the worth or effect with evidence, both merits and limits, and give a judgement.' },
  { word: 'explain', asks: 'Say what it is and why or how it happens, clearly and with reasons.' },
  { word: 'justify', asks: 'Give the grounds that support the statement or decision, and answer the main objections.' },
  { word: 'illustrate', asks: 'Make the point with concrete examples, cases, data or a diagram.' },
  { word: 'substantiate', asks: 'Back the statement up with facts, data and examples.' },
  { word: 'enumerate', asks: 'List the points one by one, briefly and clearly.' },
  { word: 'describe', asks: 'Give a detailed account of the features or events, without needing a judgement.' },
  { word: 'highlight', asks: 'Bring out the main points or features that matter, concisely.' },
  { word: 'compare', asks: 'Set the two side by side and bring out their similarities and differences.' },
  { word: 'contrast', asks: 'Bring out the differences between the two.' },
  { word: 'distinguish', asks: 'Show how the two differ, point by point.' },
  { word: 'outline', asks: 'Give the main features or structure briefly, without detail.' },
  { word: 'assess', asks: 'Weigh how important or effective it is, with evidence, and give a judgement.' },
  { word: 'account for', asks: 'Give the reasons why it happened or is so.' },
  { word: 'bring out', asks: 'Draw out and state clearly the points the question names.' }
]

const escape = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
const PATTERN = new RegExp(`(?<![\\p{L}\\p{M}])(${DIRECTIVES.map((d) => escape(d.word).replace(/ /g, '\\s+')).join('|')})(?![\\p{L}\\p{M}])`, 'giu')

/** The directives in `prompt`, in the order they appear, each once. */
export function findDirectives(prompt: string): Directive[] {
  const found: Directive[] = []
  for (const match of prompt.matchAll(PATTERN)) {
    const word = (match[1] as string).toLowerCase().replace(/\s+/g, ' ')
    const directive = DIRECTIVES.find((d) => d.word === word)
    if (directive && !found.includes(directive)) found.push(directive)
  }
  return found
}
