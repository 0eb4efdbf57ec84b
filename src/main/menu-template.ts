// Why: the application menu as plain data, so a test can read it. A student's
// build has no DevTools and no Reload (a reload mid-answer loses the screen's
// state); the developer's build keeps both.
/** The subset of Electron's MenuItemConstructorOptions this menu uses. */
export interface MenuItemSpec {
  label?: string
  role?: string
  type?: 'separator'
  submenu?: MenuItemSpec[]
}

export function menuTemplate(options: { dev: boolean; platform: NodeJS.Platform }): MenuItemSpec[] {
  const mac = options.platform === 'darwin'
  const view: MenuItemSpec[] = [
    ...(options.dev ? [{ role: 'reload' }, { role: 'forceReload' }, { role: 'toggleDevTools' }, { type: 'separator' as const }] : []),
    { role: 'resetZoom' },
    { role: 'zoomIn' },
    { role: 'zoomOut' },
    { type: 'separator' },
    { role: 'togglefullscreen' }
  ]
  return [
    ...(mac ? [{ role: 'appMenu' }] : []),
    // Quit lives in the app menu on macOS and in File elsewhere.
    { label: 'File', submenu: [mac ? { role: 'close' } : { role: 'quit' }] },
    // Copy, paste and undo in text fields need the edit roles on macOS.
    { role: 'editMenu' },
    { label: 'View', submenu: view },
    { role: 'windowMenu' }
  ]
}
