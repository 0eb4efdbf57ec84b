// Why: the six modes, their paths and their Alt+digit shortcuts, apart from
// the router: the navigation and the shortcut handler read this list, and the
// router loads the views, which in turn use the shortcut handler; keeping the
// list here keeps that from becoming an import cycle.

import type { MessageKey } from '@renderer/i18n'

export type ModeName = 'read' | 'compare' | 'self-test' | 'dashboard' | 'settings' | 'write'

export interface Mode {
  name: ModeName
  /** The mode's name, as a message key. */
  label: MessageKey
  path: string
  /** Digit pressed with Alt to open the mode. */
  key: string
}

export const MODES: readonly Mode[] = [
  { name: 'read', label: 'shell.modes.read', path: '/read', key: '1' },
  { name: 'compare', label: 'shell.modes.compare', path: '/compare', key: '2' },
  { name: 'self-test', label: 'shell.modes.self-test', path: '/self-test', key: '3' },
  { name: 'dashboard', label: 'shell.modes.dashboard', path: '/dashboard', key: '4' },
  { name: 'settings', label: 'shell.modes.settings', path: '/settings', key: '5' },
  { name: 'write', label: 'shell.modes.write', path: '/write', key: '6' }
]

/** Search is a view, not a mode: it has Ctrl/Cmd+K instead of an Alt digit. */
export const SEARCH_LINK = { name: 'search', label: 'shell.modes.search', path: '/search' } as const
