// Why: the thin Electron shell. It owns the app lifecycle and the one window,
// locks the app to a single instance (two lowdb writers corrupt a file), and
// wires Electron to the plain services; all logic lives in services/.
import { app, BrowserWindow, dialog, session, shell, type Session, type WebContents, type WebPreferences } from 'electron'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { createDispatcher } from './dispatch'
import { registerIpc } from './ipc'
import { hostsFromAddresses, isAllowedExternalUrl } from './security/link-policy'
import { isAllowedNavigation, resolveDataDir, trustedPageFor, type TrustedPage } from './security/page-policy'
import { createAppServices, type AppServices } from './services/app-services'
import { writeChosenFile, type Platform } from './services/platform'

const here = fileURLToPath(new URL('.', import.meta.url))

export function webPreferencesFor(preload: string): WebPreferences {
  return {
    preload,
    contextIsolation: true,
    sandbox: true,
    nodeIntegration: false,
    nodeIntegrationInWorker: false,
    nodeIntegrationInSubFrames: false,
    webSecurity: true,
    allowRunningInsecureContent: false,
    webviewTag: false,
    navigateOnDragDrop: false,
    safeDialogs: true,
    spellcheck: false,
    // Middle-click opens new windows outside will-navigate's reach.
    disableBlinkFeatures: 'Auxclick'
  }
}

/** Refuses navigation, new windows and webviews; https links to cited hosts open in the system browser. */
export function hardenContents(contents: WebContents, page: TrustedPage, linkHosts: ReadonlySet<string>): void {
  contents.on('will-navigate', (event, url) => {
    if (!isAllowedNavigation(url, page)) event.preventDefault()
  })
  contents.on('will-redirect', (event, url) => {
    if (!isAllowedNavigation(url, page)) event.preventDefault()
  })
  contents.on('will-attach-webview', (event) => event.preventDefault())
  contents.setWindowOpenHandler(({ url }) => {
    if (isAllowedExternalUrl(url, linkHosts)) void shell.openExternal(url)
    return { action: 'deny' }
  })
}

/** No camera, microphone, notifications, geolocation or anything else: the app needs none. */
export function denyAllPermissions(target: Session): void {
  target.setPermissionRequestHandler((_contents, _permission, callback) => callback(false))
  target.setPermissionCheckHandler(() => false)
  target.setDevicePermissionHandler(() => false)
}

export function appPaths(): { preload: string; indexFile: string; packsDir: string } {
  return {
    preload: join(here, '../preload/index.cjs'),
    indexFile: join(here, '../renderer/index.html'),
    packsDir: app.isPackaged ? join(process.resourcesPath, 'packs') : join(app.getAppPath(), 'resources', 'packs')
  }
}

let mainWindow: BrowserWindow | null = null

/** Exports go through the native save dialog; the page never sees or picks a path. */
export function electronPlatform(): Platform {
  return {
    async saveFile({ suggestedName, content }) {
      const options = { defaultPath: join(app.getPath('documents'), suggestedName) }
      const choice = mainWindow ? await dialog.showSaveDialog(mainWindow, options) : await dialog.showSaveDialog(options)
      if (choice.canceled || !choice.filePath) return { mode: 'cancelled' }
      await writeChosenFile(choice.filePath, content)
      return { mode: 'saved', path: choice.filePath }
    },
    async openDataFolder(dataDir) {
      return { opened: (await shell.openPath(dataDir)) === '' }
    }
  }
}

function focusMainWindow(): void {
  if (!mainWindow) return
  if (mainWindow.isMinimized()) mainWindow.restore()
  mainWindow.focus()
}

async function openWindow(services: AppServices, page: TrustedPage, linkHosts: ReadonlySet<string>): Promise<void> {
  const paths = appPaths()
  registerIpc(createDispatcher(services.handlers), page)
  mainWindow = new BrowserWindow({
    width: 1280,
    height: 860,
    minWidth: 800,
    minHeight: 600,
    show: false,
    title: 'Revision Desk',
    webPreferences: webPreferencesFor(paths.preload)
  })
  hardenContents(mainWindow.webContents, page, linkHosts)
  mainWindow.once('ready-to-show', () => mainWindow?.show())
  mainWindow.on('closed', () => {
    mainWindow = null
  })
  const devUrl = process.env['ELECTRON_RENDERER_URL']
  if (!app.isPackaged && devUrl) await mainWindow.loadURL(devUrl)
  else await mainWindow.loadFile(paths.indexFile)
}

/** Starts the app; returns false when another instance already holds the lock. */
export function startApp(): boolean {
  // Pinned, so the folder does not move if the product name is changed by packaging.
  const dataDir = resolveDataDir(process.env, join(app.getPath('appData'), 'revision-desk'))
  // The instance lock is keyed on userData, so a test's own data folder gets its own lock.
  app.setPath('userData', dataDir)
  if (!app.requestSingleInstanceLock()) {
    app.quit()
    return false
  }
  app.on('second-instance', focusMainWindow)

  let services: AppServices | null = null
  let flushed = false
  app.on('before-quit', (event) => {
    if (!services || flushed) return
    event.preventDefault()
    void services.close().finally(() => {
      flushed = true
      app.quit()
    })
  })
  app.on('window-all-closed', () => app.quit())

  void app.whenReady().then(async () => {
    denyAllPermissions(session.defaultSession)
    const paths = appPaths()
    const page = trustedPageFor(app.isPackaged ? undefined : process.env['ELECTRON_RENDERER_URL'], paths.indexFile)
    services = await createAppServices({ dataDir, packsDir: paths.packsDir, host: 'electron', version: app.getVersion(), platform: electronPlatform() })
    await openWindow(services, page, hostsFromAddresses(services.sourceAddresses))
  })
  return true
}

startApp()
