// Why: every view is held to the same accessibility bar: axe's serious and
// critical findings, named with where they are, so a failure says what to fix.
import AxeBuilder from '@axe-core/playwright'
import type { Page } from '@playwright/test'

const WCAG = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']

/** Serious and critical axe findings on the page as it is now; `bestPractice` adds axe's best-practice rules. */
export async function seriousViolations(page: Page, { bestPractice = true }: { bestPractice?: boolean } = {}): Promise<string[]> {
  const { violations } = await new AxeBuilder({ page }).withTags(bestPractice ? [...WCAG, 'best-practice'] : WCAG).analyze()
  return violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map(
      (v) =>
        `${v.id} (${v.impact}): ${v.help} — ${v.nodes
          .slice(0, 3)
          .map((n) => n.target.join(' '))
          .join(' | ')}`
    )
}
