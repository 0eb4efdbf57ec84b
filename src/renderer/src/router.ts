// Why: the six modes (lib/modes.ts) as routes. Hash history, because the
// app:// handler serves files, not a fallback page for deep paths.
import { createRouter, createWebHashHistory, type RouteRecordRaw, type RouterHistory } from 'vue-router'

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
  // Query `pack` and `prompt` preselect a mains prompt (the daily plan links here).
  { path: '/write', name: 'write', component: () => import('./views/WriteView.vue') },
  { path: '/:unknown(.*)*', redirect: '/read' }
]

export function createAppRouter(history: RouterHistory = createWebHashHistory()) {
  return createRouter({
    history,
    routes,
    scrollBehavior: (_to, _from, saved) => saved ?? { top: 0 }
  })
}
