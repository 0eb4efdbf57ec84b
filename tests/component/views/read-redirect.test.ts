// Why: "/read" waits for saved progress before opening where the student left
// off. A student who picks another mode in that moment must stay there: the
// late redirect once pulled them back to Read.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { api, main, resetApi } from '../helpers/fake-api'
import { mountApp, settle, type MountedApp } from '../helpers/mount-app'

vi.mock('@renderer/api', () => import('../helpers/fake-api'))

let app: MountedApp | null = null
beforeEach(() => resetApi())
afterEach(() => {
  app?.wrapper.unmount()
  app = null
})

describe('the Read view’s "where I left off" redirect', () => {
  it('does not pull the student back once they have left for another mode', async () => {
    let release: () => void = () => {}
    api['progress:get'].mockImplementation(async () => {
      await new Promise<void>((resolve) => (release = resolve))
      return structuredClone(main.progress)
    })
    app = await mountApp('/read')
    expect(app.router.currentRoute.value.name).toBe('read')
    // Settings' code is still loading (held here) when the saved progress arrives.
    let open: () => void = () => {}
    const loading = new Promise<void>((resolve) => (open = resolve))
    const hold = app.router.beforeEach(async (to) => {
      if (to.path === '/settings') await loading
    })
    const leaving = app.router.push('/settings')
    await settle()
    release()
    await settle()
    open()
    await leaving
    await settle()
    hold()
    expect(app.router.currentRoute.value.path).toBe('/settings')
  })

  it('still opens the first section when the student stays', async () => {
    app = await mountApp('/read')
    await settle()
    expect(app.router.currentRoute.value.params.sectionId).toBe('sec-origins')
  })
})
