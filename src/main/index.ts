// Why: the thin Electron shell. It owns the app lifecycle and the one window,
// locks the app to a single instance (two lowdb writers corrupt a file), serves
// the renderer from app://revision-desk, and wires Electron to the plain
// services; all logic lives in services/.
import {
  app,
  BrowserWindow,
  dialog,
  Menu,
  protocol,
  session,
  shell,
  type MenuItemConstructorOptions,
  type Session,
  type WebContents,
  type WebPreferences
} from 'electron'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { createDispatcher } from './dispatch'
import { registerIpc } from './ipc'
import { menuTemplate } from './menu-template'
import { APP_ENTRY_URL, APP_SCHEME, APP_SCHEME_PRIVILEGES, createAppProtocolHandler } from './security/app-scheme'
import { hostsFromAddresses, isAllowedExternalUrl } from './security/link-policy'
import { isAllowedNavigation, resolveDataDir, trustedPageFor, type TrustedPage } from './security/page-policy'
import { createAppServices, type AppServices } from './services/app-services'
import { writeChosenFile, type Platform } from './services/platform'
import { STARTUP_ERROR_TITLE, startupErrorText } from './startup-error'

const here = fileURLToPath(new URL('.', import.meta.url))

export function webPreferencesFor(preload: string, options: { devTools?: boolean } = {}): WebPreferences {
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
    devTools: options.devTools ?? true,
    // Middle-click opens new windows outside will-navigate's reach.
    disableBlinkFeatures: 'Auxclick'
  }
}

/**
 * Refuses navigation, new windows and webviews; https links to cited hosts open
 * in the system browser. `linkHosts` is asked at each click, so a pack imported
 * or removed since start counts at once.
 */
export function hardenContents(contents: WebContents, page: TrustedPage, linkHosts: () => ReadonlySet<string>): void {
  contents.on('will-navigate', (details) => {
    if (!isAllowedNavigation(details.url, page)) details.preventDefault()
  })
  contents.on('will-redirect', (details) => {
    if (!isAllowedNavigation(details.url, page)) details.preventDefault()
  })
  contents.on('will-attach-webview', (event) => event.preventDefault())
  contents.setWindowOpenHandler(({ url }) => {
    if (isAllowedExternalUrl(url, linkHosts())) {
      shell.openExternal(url).catch((error: unknown) => console.warn(`Could not open ${url} in the browser:`, error))
    }
    return { action: 'deny' }
  })
}

/** No camera, microphone, notifications, geolocation or anything else: the app needs none. */
export function denyAllPermissions(target: Session): void {
  target.setPermissionRequestHandler((_contents, _permission, callback) => callback(false))
  target.setPermissionCheckHandler(() => false)
  target.setDevicePermissionHandler(() => false)
}

export function appPaths(): { preload: string; rendererDir: string; packsDir: string } {
  return {
    preload: join(here, '../preload/index.cjs'),
    rendererDir: join(here, '../renderer'),
    // Packaged, the packs sit beside app.asar; from the project root (`npm start`), in resources/.
    packsDir: app.isPackaged ? join(process.resourcesPath, 'packs') : join(app.getAppPath(), 'resources', 'packs')
  }
}

let mainWindow: BrowserWindow | null = null

/** Exports go through the native save dialog; the page never sees or picks a path. */
export function electronPlatform(): Platform {
  return {
    async saveFile({ suggestedName, content, encoding }) {
      const options = { defaultPath: join(app.getPath('documents'), suggestedName) }
      const choice = mainWindow ? await dialog.showSaveDialog(mainWindow, options) : await dialog.showSaveDialog(options)
      if (choice.canceled || !choice.filePath) return { mode: 'cancelled' }
      await writeChosenFile(choice.filePath, content, encoding)
      return { mode: 'saved', path: choice.filePath }
    },
    async openDataFolder(dataDir) {
      return { opened: (await shell.openPath(dataDir)) === '' }
    }
  }
}

async function openWindow(page: TrustedPage, linkHosts: () => ReadonlySet<string>): Promise<void> {
  const paths = appPaths()
  const win = new BrowserWindow({
    width: 1280,
    height: 860,
    minWidth: 800,
    minHeight: 600,
    show: false,
    title: 'Revision Desk',
    webPreferences: webPreferencesFor(paths.preload, { devTools: !app.isPackaged })
  })
  mainWindow = win
  hardenContents(win.webContents, page, linkHosts)
  win.once('ready-to-show', () => win.show())
  win.on('closed', () => {
    if (mainWindow === win) mainWindow = null
  })
  const devUrl = process.env['ELECTRON_RENDERER_URL']
  await win.loadURL(!app.isPackaged && devUrl ? devUrl : APP_ENTRY_URL)
}

/** Starts the app; returns false when another instance already holds the lock. */
export function startApp(): boolean {
  // Pinned, so the folder does not move if the product name is changed by packaging.
  const dataDir = resolveDataDir(process.env, join(app.getPath('appData'), 'revision-desk'))
  let services: AppServices | null = null

  /** Any failure while starting: say so with the data folder, flush, let go of the lock, leave. */
  const failStart = async (error: unknown): Promise<void> => {
    console.error('Revision Desk could not start:', error)
    dialog.showErrorBox(STARTUP_ERROR_TITLE, startupErrorText(error, dataDir))
    await services?.close().catch(() => undefined)
    for (const win of BrowserWindow.getAllWindows()) win.destroy()
    app.releaseSingleInstanceLock()
    app.exit(1)
  }

  try {
    // The instance lock is keyed on userData, so a test's own data folder gets its own lock.
    app.setPath('userData', dataDir)
    if (!app.requestSingleInstanceLock()) {
      app.quit()
      return false
    }
    // Must happen before `ready`; a standard, secure scheme gives the page a real origin.
    protocol.registerSchemesAsPrivileged([{ scheme: APP_SCHEME, privileges: { ...APP_SCHEME_PRIVILEGES } }])
  } catch (error) {
    void failStart(error)
    return false
  }

  let page: TrustedPage | null = null
  const linkHosts = () => hostsFromAddresses(services?.sourceAddresses() ?? [])
  const showWindow = (): void => {
    if (mainWindow) {
      if (mainWindow.isMinimized()) mainWindow.restore()
      mainWindow.focus()
    } else if (page) {
      // macOS: the app outlives its window; a dock click or a second launch brings one back.
      openWindow(page, linkHosts).catch(failStart)
    }
  }
  app.on('second-instance', showWindow)
  app.on('activate', showWindow)

  let flushed = false
  app.on('before-quit', (event) => {
    if (!services || flushed) return
    event.preventDefault()
    void services.close().finally(() => {
      flushed = true
      app.quit()
    })
  })
  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit()
  })

  app
    .whenReady()
    .then(async () => {
      denyAllPermissions(session.defaultSession)
      Menu.setApplicationMenu(Menu.buildFromTemplate(menuTemplate({ dev: !app.isPackaged, platform: process.platform }) as MenuItemConstructorOptions[]))
      const paths = appPaths()
      const handler = await createAppProtocolHandler(paths.rendererDir)
      protocol.handle(APP_SCHEME, (request) => handler(request))
      services = await createAppServices({ dataDir, packsDir: paths.packsDir, host: 'electron', version: app.getVersion(), platform: electronPlatform() })
      const trusted = trustedPageFor(app.isPackaged ? undefined : process.env['ELECTRON_RENDERER_URL'])
      registerIpc(createDispatcher(services.handlers), trusted)
      await openWindow(trusted, linkHosts)
      page = trusted
    })
    .catch(failStart)
  return true
}

startApp()
