// Why: the desktop app has never run on a real Electron here, so this lane runs
// the BUILT main and preload against a stand-in electron, with Chromium as the
// window, and checks what a student would meet: it starts, every mode opens,
// work survives a relaunch, a second launch hands over to the first, only our
// own page may call main, the packs are found both from the project and once
// packaged, and a start-up failure says so and leaves.
import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { expect, test } from '@playwright/test'
import { CHANNELS } from '../../src/shared/channels'
import { DesktopApp, repoRoot } from './desktop-app'
import { chooseDarkTheme, highlight, MODES, openMode, reviewOneCard } from './flows'

const temps: string[] = []
const apps: DesktopApp[] = []
const temp = (prefix: string): string => {
  const dir = mkdtempSync(join(tmpdir(), prefix))
  temps.push(dir)
  return dir
}
const launch = (...args: Parameters<typeof DesktopApp.launch>): DesktopApp => {
  const app = DesktopApp.launch(...args)
  apps.push(app)
  return app
}
test.afterEach(async () => {
  for (const app of apps.splice(0)) await app.kill()
  for (const dir of temps.splice(0)) rmSync(dir, { recursive: true, force: true })
})

/** An app folder laid out as given, with the built output and the run-time modules beside it. */
function appFolder(at: string): string {
  mkdirSync(at, { recursive: true })
  cpSync(join(repoRoot, 'out'), join(at, 'out'), { recursive: true })
  cpSync(join(repoRoot, 'package.json'), join(at, 'package.json'))
  symlinkSync(join(repoRoot, 'node_modules'), join(at, 'node_modules'), 'dir')
  return at
}

const OUR_FRAME = { url: 'app://revision-desk/index.html#/read', origin: 'app://revision-desk', isMainFrame: true, parentUrl: null }

test('starts from the project root hardened as designed, and every mode opens with no request leaving the app', async ({ browser }) => {
  const app = launch({ appData: temp('rd-appdata-'), dataDir: temp('rd-data-'), browser })
  const page = await app.firstWindow()
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Read')
  expect(await page.title()).toBe('Revision Desk')

  const order = app.records.map((r) => `${r.area}:${r.what}`)
  expect(order.indexOf('protocol:registerSchemesAsPrivileged')).toBeLessThan(order.indexOf('app:ready'))
  expect(app.find('protocol', 'registerSchemesAsPrivileged')[0]!.detail['schemes']).toEqual([
    { scheme: 'app', privileges: { standard: true, secure: true, supportFetchAPI: true, codeCache: true } }
  ])
  expect(app.find('protocol', 'handle').map((r) => r.detail['scheme'])).toEqual(['app'])
  const created = app.find('window', 'created')
  expect(created).toHaveLength(1)
  expect(created[0]!.detail['options']).toMatchObject({
    show: false,
    webPreferences: { contextIsolation: true, sandbox: true, nodeIntegration: false, nodeIntegrationInSubFrames: false, webSecurity: true, webviewTag: false }
  })
  expect(app.find('window', 'loadURL').map((r) => r.detail['url'])).toEqual(['app://revision-desk/index.html'])
  expect(
    app
      .find('ipcMain', 'handle')
      .map((r) => r.detail['channel'])
      .sort()
  ).toEqual([...CHANNELS].sort())
  for (const what of ['setPermissionRequestHandler', 'setPermissionCheckHandler', 'setDevicePermissionHandler'])
    expect(app.find('session', what)).toHaveLength(1)
  for (const permission of ['media', 'geolocation', 'notifications', 'clipboard-read']) {
    expect(await app.call('permission', { permission })).toEqual({ granted: false, check: false, handled: true })
  }

  // The page sees exactly the contract, through the built preload, and no Node.
  const surface = await page.evaluate(() => ({ keys: Object.keys(window.api).sort(), node: 'require' in globalThis || 'process' in globalThis }))
  expect(surface).toEqual({ keys: [...CHANNELS].sort(), node: false })

  for (const mode of MODES) await openMode(page, mode)
  expect(app.offline).toEqual([])
})

test('the window cannot be navigated away, and a cited link opens in the system browser instead of a window', async ({ browser }) => {
  const app = launch({ appData: temp('rd-appdata-'), dataDir: temp('rd-data-'), browser })
  const page = await app.firstWindow()
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Read')

  await page.evaluate(() => {
    location.href = 'https://attacker.example/phish'
  })
  await expect.poll(() => app.find('driver', 'will-navigate').length).toBe(1)
  expect(app.find('driver', 'will-navigate')[0]!.detail).toMatchObject({ prevented: true })
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Read')

  const cited = await page.evaluate(async () => {
    const list = (await window.api['packs:list']()) as { ok: true; value: { packs: Array<{ id: string }> } }
    const pack = (await window.api['packs:get']({ packId: list.value.packs[0]!.id })) as { ok: true; value: { sources: Array<{ address?: string }> } }
    return pack.value.sources.map((s) => s.address).find((a) => a?.startsWith('https://'))!
  })
  await page.evaluate((url) => window.open(url, '_blank'), cited)
  await expect.poll(() => app.find('shell', 'openExternal').map((r) => r.detail['url'])).toEqual([cited])
  await page.evaluate(() => window.open('https://attacker.example/', '_blank'))
  await expect.poll(() => app.find('driver', 'window-open').length).toBe(2)
  expect(app.find('driver', 'window-open').every((r) => r.detail['action'] === 'deny')).toBe(true)
  expect(app.find('shell', 'openExternal')).toHaveLength(1)
})

test('a review, a highlight and a setting survive closing the window and starting again', async ({ browser }) => {
  const appData = temp('rd-appdata-')
  const dataDir = temp('rd-data-')
  const first = launch({ appData, dataDir, browser })
  let page = await first.firstWindow()
  await page.goto('https://revision-desk/index.html#/read/context')
  await highlight(page, 'ctx-putin-visit', 'annual summit')
  await reviewOneCard(page)
  await chooseDarkTheme(page)

  await first.closeWindow()
  expect(await first.exited).toBe(0)
  expect(first.find('app', 'window-all-closed')).toHaveLength(1)

  const second = launch({ appData, dataDir, browser })
  page = await second.firstWindow()
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark')
  await page.goto('https://revision-desk/index.html#/read/context')
  await expect(page.locator('[data-block-id="ctx-putin-visit"] mark[data-annotation-id]')).toHaveText(['annual summit'])
  await openMode(page, 'Dashboard')
  const study = page.getByRole('region', { name: 'Study', exact: true })
  await expect(study.locator('dt', { hasText: 'Reviews today' }).locator('xpath=following-sibling::dd')).toHaveText('1')
  expect(first.offline.concat(second.offline)).toEqual([])
})

test('a second launch on the same data folder focuses the first window and exits without a window', async ({ browser }) => {
  const appData = temp('rd-appdata-')
  const dataDir = temp('rd-data-')
  const first = launch({ appData, dataDir, browser })
  await first.firstWindow()
  const second = launch({ appData, dataDir })
  expect(await second.exited).toBe(0)
  expect(second.find('app', 'requestSingleInstanceLock')[0]!.detail).toEqual({ granted: false })
  expect(second.find('window', 'created')).toHaveLength(0)
  await expect.poll(() => first.find('window', 'focus').length).toBe(1)
  expect(first.find('app', 'second-instance')).toHaveLength(1)
})

test('a call from another origin or from a sub-frame is refused', async ({ browser }) => {
  const app = launch({ appData: temp('rd-appdata-'), dataDir: temp('rd-data-'), browser })
  const page = await app.firstWindow()
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Read')
  expect(await page.evaluate(() => window.api['app:info']())).toMatchObject({ ok: true })

  // A same-origin frame (a built file that carries no frame-ancestors header): no window.api, and its calls are refused.
  const asset = await page.evaluate(() => (document.querySelector('script[type="module"]') as HTMLScriptElement).src)
  await page.evaluate((src) => {
    const frame = document.createElement('iframe')
    frame.src = src
    document.body.append(frame)
  }, asset)
  const child = await expect
    .poll(() => page.frames().find((f) => f !== page.mainFrame()))
    .toBeTruthy()
    .then(() => page.frames().find((f) => f !== page.mainFrame())!)
  expect(await child.evaluate(() => 'api' in window)).toBe(false)
  expect(
    await child.evaluate(() =>
      (window as unknown as { __rdBridge: (m: string, a: unknown[]) => Promise<unknown> }).__rdBridge('settings:update', [{ theme: 'dark' }])
    )
  ).toMatchObject({
    ok: false,
    error: { code: 'forbidden' }
  })

  // Another origin shown in the window gets the preload too; main refuses it by origin.
  const other = await page.context().newPage()
  await other.route('https://attacker.example/**', (route) => route.fulfill({ contentType: 'text/html', body: '<title>x</title><p>x</p>' }))
  await other.goto('https://attacker.example/')
  expect(await other.evaluate(() => window.api['settings:update']({ theme: 'dark' }))).toMatchObject({ ok: false, error: { code: 'forbidden' } })
  expect(await page.evaluate(() => window.api['settings:get']())).toMatchObject({ ok: true, value: { theme: 'system' } })
})

test('finds the packs in the packaged layout, with no DevTools and no Reload', async () => {
  const root = temp('rd-packaged-')
  const resources = join(root, 'Revision Desk', 'resources')
  const appPath = appFolder(join(resources, 'app'))
  rmSync(join(appPath, 'resources'), { recursive: true, force: true })
  // As electron-builder lays them out: each pack's folder and the order file.
  const packIds = readdirSync(join(repoRoot, 'resources', 'packs'), { withFileTypes: true })
    .filter((e) => e.isDirectory())
    .map((e) => e.name)
  for (const id of packIds) {
    mkdirSync(join(resources, 'packs', id), { recursive: true })
    cpSync(join(repoRoot, 'resources', 'packs', id, 'pack.json'), join(resources, 'packs', id, 'pack.json'))
  }
  cpSync(join(repoRoot, 'resources', 'packs', 'order.json'), join(resources, 'packs', 'order.json'))
  const app = launch({ appPath, resourcesPath: resources, appData: temp('rd-appdata-'), dataDir: temp('rd-data-') })
  await expect.poll(() => app.find('window', 'loadURL').length).toBe(1)
  const packs = (await app.call('invoke', { channel: 'packs:list', args: [undefined], frame: OUR_FRAME, windowId: 1 })) as {
    ok: boolean
    value: { packs: Array<{ id: string }> }
  }
  expect(packs.ok).toBe(true)
  expect(packs.value.packs.map((p) => p.id)).toEqual(
    (JSON.parse(readFileSync(join(repoRoot, 'resources', 'packs', 'order.json'), 'utf8')) as { order: string[] }).order
  )
  const template = JSON.stringify(app.find('menu', 'setApplicationMenu')[0]!.detail['template'])
  expect(template).not.toMatch(/toggleDevTools|"reload"|forceReload/)
  expect(template).toMatch(/editMenu/)
  expect((app.find('window', 'created')[0]!.detail['options'] as { webPreferences: { devTools: boolean } }).webPreferences.devTools).toBe(false)
})

test('runs from a folder whose name broke file:// trust (%, ^, |, #, a space, non-ASCII)', async ({ browser }) => {
  const appPath = appFolder(join(temp('rd-odd-'), 'rd-100%^|# ü'))
  cpSync(join(repoRoot, 'resources'), join(appPath, 'resources'), { recursive: true })
  const app = launch({ appPath, appData: temp('rd-appdata-'), dataDir: temp('rd-data-'), browser })
  const page = await app.firstWindow()
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Read')
  await chooseDarkTheme(page)
  expect(await page.evaluate(() => window.api['settings:get']())).toMatchObject({ ok: true, value: { theme: 'dark' } })
})

test('a start-up failure shows the error box naming the data folder, lets go of the lock and exits', async () => {
  const dataDir = temp('rd-broken-')
  mkdirSync(join(dataDir, 'settings.json'))
  writeFileSync(join(dataDir, 'progress.json'), '{}')
  const app = launch({ appData: temp('rd-appdata-'), dataDir })
  expect(await app.exited).toBe(1)
  const boxes = app.find('dialog', 'showErrorBox')
  expect(boxes).toHaveLength(1)
  expect(boxes[0]!.detail['title']).toBe('Revision Desk could not start')
  expect(boxes[0]!.detail['content']).toContain(dataDir)
  expect(app.find('app', 'releaseSingleInstanceLock')[0]!.detail).toEqual({ held: true })
  expect(app.find('window', 'created')).toHaveLength(0)
  expect(app.output).not.toMatch(/Electron uninstall/)

  // The lock was let go: a fixed data folder starts at once.
  rmSync(join(dataDir, 'settings.json'), { recursive: true })
  const again = launch({ appData: temp('rd-appdata-'), dataDir })
  await expect.poll(() => again.find('window', 'loadURL').length).toBe(1)
})
