// Why: the five modes as routes. Hash history, because Electron loads the page
// from file:// where there is no server to answer a deep path.
import { createRouter, createWebHashHistory, type RouteRecordRaw, type RouterHistory } from 'vue-router'

export type ModeName = 'read' | 'compare' | 'self-test' | 'dashboard' | 'settings'

export interface Mode {
  name: ModeName
  label: string
  path: string
  /** Digit pressed with Alt to open the mode. */
  key: string
}

export const MODES: readonly Mode[] = [
  { name: 'read', label: 'Read', path: '/read', key: '1' },
  { name: 'compare', label: 'Compare', path: '/compare', key: '2' },
  { name: 'self-test', label: 'Self-test', path: '/self-test', key: '3' },
  { name: 'dashboard', label: 'Dashboard', path: '/dashboard', key: '4' },
  { name: 'settings', label: 'Settings', path: '/settings', key: '5' }
]

/** Search is a view, not a mode: it has Ctrl/Cmd+K instead of an Alt digit. */
export const SEARCH_LINK = { name: 'search', label: 'Search', path: '/search' } as const

export const routes: RouteRecordRaw[] = [
  { path: '/', redirect: '/read' },
  { path: '/read/:sectionId?', name: 'read', component: () => import('./views/ReadView.vue') },
  // Every view loads on first visit: the first bundle is the shell alone, so the
  // first paint waits for as little JavaScript as possible.
  { path: '/compare', name: 'compare', component: () => import('./views/CompareView.vue') },
  { path: '/self-test', name: 'self-test', component: () => import('./views/SelfTestView.vue') },
  { path: '/dashboard', name: 'dashboard', component: () => import('./views/DashboardView.vue') },
  { path: '/settings', name: 'settings', component: () => import('./views/SettingsView.vue') },
  { path: '/search', name: 'search', component: () => import('./views/SearchView.vue') },
  { path: '/:unknown(.*)*', redirect: '/read' }
]

export function createAppRouter(history: RouterHistory = createWebHashHistory()) {
  return createRouter({
    history,
    routes,
    scrollBehavior: (_to, _from, saved) => saved ?? { top: 0 }
  })
}
