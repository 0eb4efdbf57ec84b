// Why: Chart.js is tree-shaken to the two chart types the dashboard draws and
// is imported only from here, inside the lazily loaded Dashboard chunk, so the
// app's first paint never waits for it.
import { BarController, BarElement, CategoryScale, Chart, LinearScale, LineController, LineElement, PointElement, Tooltip } from 'chart.js'

Chart.register(BarController, BarElement, LineController, LineElement, PointElement, CategoryScale, LinearScale, Tooltip)

export { Chart }

export interface ChartColours {
  accent: string
  accentSoft: string
  text: string
  muted: string
  grid: string
  /** The page's UI face stack, so Hindi ticks draw in Devanagari rather than as empty boxes. */
  font: string
}

/** The theme's colours and face as the page has them now (tokens.css), so charts match light and dark. */
export function chartColours(): ChartColours {
  const css = getComputedStyle(document.documentElement)
  const read = (name: string, fallback: string): string => css.getPropertyValue(name).trim() || fallback
  return {
    accent: read('--color-accent', '#1f5fa8'),
    accentSoft: read('--color-accent-soft', '#e4eef9'),
    text: read('--color-text', '#1f2328'),
    muted: read('--color-text-muted', '#57606a'),
    grid: read('--color-border', '#d8d4c8'),
    font: read('--font-ui', 'sans-serif')
  }
}
