// Why: mounts the whole shell on a memory router, the way the app starts, and
// waits until start-up calls (and the reader's redirect) have settled.
import { flushPromises, mount, type VueWrapper } from '@vue/test-utils'
import { createPinia, setActivePinia, type Pinia } from 'pinia'
import { nextTick } from 'vue'
import { createMemoryHistory, type Router } from 'vue-router'
import App from '@renderer/App.vue'
import { createAppRouter } from '@renderer/router'

export async function settle(): Promise<void> {
  for (let i = 0; i < 5; i++) {
    await flushPromises()
    await nextTick()
  }
}

export interface MountedApp {
  wrapper: VueWrapper
  router: Router
  pinia: Pinia
  root: HTMLElement
}

export async function mountApp(path = '/'): Promise<MountedApp> {
  const pinia = createPinia()
  setActivePinia(pinia)
  const router = createAppRouter(createMemoryHistory())
  await router.push(path)
  await router.isReady()
  const wrapper = mount(App, { global: { plugins: [pinia, router] }, attachTo: document.body })
  await settle()
  return { wrapper, router, pinia, root: document.body }
}
