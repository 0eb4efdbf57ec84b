// Why: main names the next exam in English ("Prelims", "GS-I", "Essay"); the
// page shows that name, and the papers in the dates form, in its own language.
import { t, type MessageKey } from '@renderer/i18n'
import { MAINS_PAPER_NAMES, MAINS_PAPERS, type MainsPaper } from '@shared/domain/exam'

const PAPER_KEYS: Record<MainsPaper, MessageKey> = {
  gs1: 'dashboard.exam.papers.gs1',
  gs2: 'dashboard.exam.papers.gs2',
  gs3: 'dashboard.exam.papers.gs3',
  gs4: 'dashboard.exam.papers.gs4',
  essay: 'dashboard.exam.papers.essay'
}

export function paperName(paper: MainsPaper): string {
  return t(PAPER_KEYS[paper])
}

/** An exam as main names it, in the page's language; a name main adds later shows as main wrote it. */
export function examName(name: string): string {
  if (name === 'Prelims') return t('dashboard.exam.prelims')
  const paper = MAINS_PAPERS.find((p) => MAINS_PAPER_NAMES[p] === name)
  return paper ? paperName(paper) : name
}
