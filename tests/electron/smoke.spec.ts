// Why: one run through the real app: launch, visit the five modes, and see
// state survive a relaunch on the same data folder.
import { _electron as electron, expect, test, type ElectronApplication } from '@playwright/test'
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'

const root = fileURLToPath(new URL('../..', import.meta.url))
let dataDir: string

async function launch(): Promise<ElectronApplication> {
  return electron.launch({
    // The project root, as `npm start` does: app.getAppPath() is then the root and the packs are found in resources/.
    args: [root],
    cwd: root,
    env: { ...process.env, REVISION_DESK_DATA_DIR: dataDir } as Record<string, string>
  })
}

test.beforeAll(async () => {
  dataDir = await mkdtemp(join(tmpdir(), 'rd-electron-'))
})
test.afterAll(async () => {
  await rm(dataDir, { recursive: true, force: true })
})

test('launches, visits the modes, and keeps state across a relaunch', async () => {
  let app = await launch()
  let page = await app.firstWindow()
  await expect(page).toHaveTitle('Revision Desk')
  expect(page.url()).toMatch(/^app:\/\/revision-desk\//)
  const modes = page.getByRole('navigation', { name: 'Modes' })
  for (const mode of ['Compare', 'Self-test', 'Dashboard', 'Settings', 'Read']) {
    await modes.getByRole('link', { name: mode }).click()
    await expect(page.getByRole('heading', { level: 1, name: mode })).toBeVisible()
  }
  const toggle = page.getByRole('button', { name: 'Mark section as read' })
  await toggle.click()
  await expect(toggle).toHaveAttribute('aria-pressed', 'true')
  await app.close()

  app = await launch()
  page = await app.firstWindow()
  await expect(page.getByRole('button', { name: 'Mark section as read' })).toHaveAttribute('aria-pressed', 'true')
  const isolated = await page.evaluate(() => !('require' in globalThis) && !('process' in globalThis))
  expect(isolated).toBe(true)
  await app.close()
})

test('a second launch on the same data folder does not open a second writer', async () => {
  const first = await launch()
  await first.firstWindow()
  const second = await launch().catch(() => null)
  if (second) {
    // The second process must quit on its own without opening a window.
    await expect.poll(() => second.windows().length, { timeout: 5_000 }).toBe(0)
  }
  expect(first.windows().length).toBe(1)
  await first.close()
})
