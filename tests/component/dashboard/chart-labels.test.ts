// Why: long section titles were cut off at the chart's left edge ("e meeting:
// format, ministers, agenda"). Axis labels must wrap or end in "…", while the
// tooltip, the canvas summary and the text table keep every title whole.
import { mount } from '@vue/test-utils'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import type { StudyStats } from '@shared/domain/study'
import StudyCharts from '@renderer/components/dashboard/StudyCharts.vue'
import { axisLabel, LABEL_LINE_CHARS, LABEL_LINES } from '@renderer/components/dashboard/chart-labels'
import { statsFor } from '../self-test/fake-study'
import { allByRole, getByRole } from '../helpers/roles'

interface Drawn {
  data: { labels: string[] }
  options: {
    scales: { y: { ticks: { autoSkip: boolean; callback: (value: number) => string | string[] } } }
    plugins: { tooltip: { callbacks: { title: (items: { dataIndex: number }[]) => string[] } } }
  }
}
const drawn: Drawn[] = []
vi.mock('@renderer/components/dashboard/chart-setup', () => ({
  Chart: class {
    constructor(_ctx: unknown, config: Drawn) {
      drawn.push(config)
    }
    destroy(): void {}
  },
  chartColours: () => ({ accent: '#000', accentSoft: '#111', text: '#222', muted: '#333', grid: '#444' })
}))

const LONG = 'The meeting: format, ministers, agenda and the joint statement that followed it'
const HINDI = 'भारत-अमेरिका संबंध: रक्षा, व्यापार और प्रौद्योगिकी सहयोग का विस्तार और आगे की राह'
const graphemes = (s: string): number => [...new Intl.Segmenter(undefined, { granularity: 'grapheme' }).segment(s)].length
const text = (el: Element): string => (el.textContent ?? '').replace(/\s+/g, ' ').trim()

function stats(): StudyStats {
  const s = statsFor(0)
  s.sections = [
    { sectionId: 'sec-a', title: LONG, items: 4, new: 2, learning: 1, review: 1, mastery: 0.5, recall: 0.9 },
    { sectionId: 'sec-b', title: HINDI, items: 4, new: 4, learning: 0, review: 0, mastery: 0, recall: null },
    { sectionId: 'sec-c', title: 'Defence ties', items: 4, new: 4, learning: 0, review: 0, mastery: 0.25, recall: 0.5 }
  ]
  return s
}

beforeEach(() => {
  drawn.length = 0
  vi.spyOn(HTMLCanvasElement.prototype, 'getContext').mockReturnValue({} as never)
})
afterEach(() => vi.restoreAllMocks())

describe('mastery by section labels', () => {
  it('wrap or abbreviate on the axis, and stay whole in the tooltip, the summary and the table', () => {
    const wrapper = mount(StudyCharts, { props: { stats: stats() }, attachTo: document.body })
    const mastery = drawn[0]!
    const titles = [LONG, HINDI, 'Defence ties']
    expect(mastery.data.labels).toEqual(titles)
    // Every section keeps its label: none is skipped to make room.
    expect(mastery.options.scales.y.ticks.autoSkip).toBe(false)
    const ticks = titles.map((_, i) => mastery.options.scales.y.ticks.callback(i))
    expect(ticks[2]).toBe('Defence ties')
    for (const tick of ticks.slice(0, 2)) {
      const lines = [tick].flat()
      expect(lines.length).toBeGreaterThan(1)
      expect(lines.length).toBeLessThanOrEqual(LABEL_LINES)
      for (const line of lines) expect(graphemes(line)).toBeLessThanOrEqual(LABEL_LINE_CHARS)
    }
    expect([ticks[0]].flat().at(-1)).toMatch(/…$/)
    expect(ticks[0]).toEqual(axisLabel(LONG))
    expect(mastery.options.plugins.tooltip.callbacks.title([{ dataIndex: 0 }])).toEqual([LONG])
    expect(mastery.options.plugins.tooltip.callbacks.title([{ dataIndex: 1 }])).toEqual([HINDI])

    const root = wrapper.element as HTMLElement
    const figure = getByRole(root, 'table', 'Mastery by section')
    expect(allByRole(figure, 'rowheader').map(text)).toEqual(titles)
    const summary = root.querySelector('canvas')!.getAttribute('aria-label')
    expect(summary).toBe(`Mastery by section: highest ${LONG} at 50%, lowest ${HINDI} at 0%.`)
    wrapper.unmount()
  })

  it('never splits a Devanagari cluster or leaves a line over the width', () => {
    for (const title of [LONG, HINDI, 'Supercalifragilisticexpialidocious treaty of 1971', 'Short']) {
      const lines = [axisLabel(title)].flat()
      for (const line of lines) {
        expect(graphemes(line)).toBeLessThanOrEqual(LABEL_LINE_CHARS)
        // A line starting with a vowel sign or virama would be half a cluster.
        expect(line).not.toMatch(/^\p{M}/u)
      }
      const shown = lines.join('').replace(/…$/, '').replace(/\s/g, '')
      expect(title.replace(/\s/g, '').startsWith(shown)).toBe(true)
    }
  })
})
