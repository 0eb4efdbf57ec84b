// Why: the app's shell, tested as a student meets it: through the built page,
// the browser bridge, the real services and real files. The host is restarted
// mid-test to prove that what the UI saved is on disk, not just in memory.
import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs'
import { basename, join, relative } from 'node:path'
import type { Page } from '@playwright/test'
import { expect, isLocal, test } from './host'

const MODES = ['Read', 'Compare', 'Self-test', 'Dashboard', 'Settings', 'Write'] as const

const modes = (page: Page) => page.getByRole('navigation', { name: 'Modes' })
const heading = (page: Page) => page.getByRole('heading', { level: 1 })
const themeGroup = (page: Page) => page.getByRole('group', { name: 'Theme' })
const contents = (page: Page) => page.getByRole('navigation', { name: 'Contents' })
const markRead = (page: Page) => page.getByRole('button', { name: 'Mark section as read' })
const notices = (page: Page) => page.getByRole('region', { name: 'Notices' })

async function open(page: Page, mode: (typeof MODES)[number]): Promise<void> {
  await modes(page).getByRole('link', { name: mode, exact: true }).click()
  await expect(heading(page)).toHaveText(mode)
}

async function chooseTheme(page: Page, theme: 'System' | 'Light' | 'Dark'): Promise<void> {
  await open(page, 'Settings')
  await themeGroup(page).getByRole('radio', { name: theme, exact: true }).check()
  await expect(page.getByRole('status').filter({ hasText: 'Saved' })).toBeVisible()
}

/** Opens the first section of the contents; returns its heading. */
async function openFirstSection(page: Page): Promise<string> {
  await open(page, 'Read')
  await contents(page).getByRole('link').first().click()
  const title = page.getByRole('article').getByRole('heading', { level: 2 }).first()
  await expect(title).toBeVisible()
  return (await title.innerText()).trim()
}

function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name)
    return statSync(path).isDirectory() ? filesUnder(path) : [path]
  })
}

test('the app opens on the Read view', async ({ page, host }) => {
  await page.goto(host.current.url)
  await expect(page).toHaveTitle('Revision Desk')
  await expect(heading(page)).toHaveText('Read')
  for (const mode of MODES) await expect(modes(page).getByRole('link', { name: mode, exact: true })).toBeVisible()
})

test('each mode is reachable from the Modes nav, and by its address', async ({ page, host }) => {
  await page.goto(host.current.url)
  for (const mode of [...MODES.slice(1), MODES[0]]) {
    await open(page, mode)
    const slug = mode.toLowerCase()
    await expect(page).toHaveURL(mode === 'Read' ? /#\/(read\b.*)?$/ : new RegExp(`#/${slug}\\b`))
  }
  for (const mode of MODES.slice(1)) {
    await page.goto(`${host.current.url}/#/${mode.toLowerCase()}`)
    await expect(heading(page)).toHaveText(mode)
  }
})

test('Toggle theme sets data-theme on <html>', async ({ page, host }) => {
  await page.goto(host.current.url)
  await expect(heading(page)).toHaveText('Read')
  const html = page.locator('html')
  // The attribute is there before any click (the system theme), so read it first: a check made
  // right after the click could see the old value and race the save.
  await expect(html).toHaveAttribute('data-theme', /^(light|dark)$/)
  const start = (await html.getAttribute('data-theme'))!
  const toggle = page.getByRole('button', { name: 'Toggle theme' })
  await toggle.click()
  await expect(html).toHaveAttribute('data-theme', start === 'dark' ? 'light' : 'dark')
  await toggle.click()
  await expect(html).toHaveAttribute('data-theme', start)
})

test('what the UI saved survives a host restart', async ({ page, host }) => {
  await page.goto(host.current.url)
  await chooseTheme(page, 'Dark')
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark')

  const section = await openFirstSection(page)
  await expect(markRead(page)).toHaveAttribute('aria-pressed', 'false')
  await markRead(page).click()
  await expect(markRead(page)).toHaveAttribute('aria-pressed', 'true')

  await host.restart()
  await page.reload()

  await open(page, 'Settings')
  await expect(themeGroup(page).getByRole('radio', { name: 'Dark', exact: true })).toBeChecked()
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark')
  expect(await openFirstSection(page)).toBe(section)
  await expect(markRead(page)).toHaveAttribute('aria-pressed', 'true')
})

test('no request leaves 127.0.0.1', async ({ page, host, requests }) => {
  await page.goto(host.current.url)
  for (const mode of MODES) await open(page, mode)
  await chooseTheme(page, 'Light')
  await page.getByRole('button', { name: 'Toggle theme' }).click()
  await openFirstSection(page)
  await markRead(page).click()
  await expect(markRead(page)).toHaveAttribute('aria-pressed', 'true')
  await page.reload()
  await expect(heading(page)).toBeVisible()

  expect(requests.length, 'the tour should have made requests').toBeGreaterThan(5)
  expect(
    requests.some((url) => url.includes('/api/')),
    'the tour should have called the API'
  ).toBe(true)
  const foreign = requests.filter((url) => !isLocal(url, host.ports))
  expect(foreign, `every request should go to ${host.current.url}`).toEqual([])
})

test('a corrupt settings file at start is kept and reported in Notices', async ({ page, host, dataDir }) => {
  // Run once so the settings file exists under whatever name the store gives it.
  await page.goto(host.current.url)
  await chooseTheme(page, 'Dark')
  await host.stop()

  const settingsFile = filesUnder(dataDir)
    .filter((f) => /^settings[^/]*\.json$/i.test(basename(f)) && !/corrupt|bak|backup|tmp/i.test(relative(dataDir, f)))
    .sort((a, b) => a.split('/').length - b.split('/').length)[0]
  expect(settingsFile, `a settings store file in ${dataDir}: ${filesUnder(dataDir).join(', ')}`).toBeTruthy()
  const garbage = `{"theme": "dark", this is not JSON ${Date.now()} \u0000\u00ff`
  writeFileSync(settingsFile!, garbage)

  await host.start()
  await page.reload()

  await expect(notices(page)).toContainText(/kept/i)
  await expect(notices(page)).toContainText(basename(settingsFile!))
  const kept = filesUnder(dataDir).filter((f) => f !== settingsFile && readFileSync(f, 'utf8') === garbage)
  expect(kept, 'the unreadable bytes are kept, unchanged, in a file of their own').toHaveLength(1)
})
