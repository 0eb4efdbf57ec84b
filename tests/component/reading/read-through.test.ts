// Why: a section is marked read when the student scrolls through it, and only
// then: opening a section, or a jump that scrolls the page, must not count.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { api, resetApi } from '../helpers/fake-api'
import { mountApp, settle, type MountedApp } from '../helpers/mount-app'
import { getByRole } from '../helpers/roles'
import { installNotes } from './fake-annotations'

vi.mock('@renderer/api', () => import('../helpers/fake-api'))

/** Stands in for the browser's observer: the test says when the section's end comes into view. */
class FakeObserver {
  static all: FakeObserver[] = []
  targets = new Set<Element>()
  constructor(private readonly callback: IntersectionObserverCallback) {
    FakeObserver.all.push(this)
  }
  observe(el: Element): void {
    this.targets.add(el)
  }
  unobserve(el: Element): void {
    this.targets.delete(el)
  }
  disconnect(): void {
    this.targets.clear()
  }
  static show(visible: boolean): void {
    for (const o of FakeObserver.all) {
      const entries = [...o.targets].map((target) => ({ target, isIntersecting: visible }) as IntersectionObserverEntry)
      if (entries.length) o.callback(entries, o as unknown as IntersectionObserver)
    }
  }
}

let app: MountedApp | null = null
beforeEach(() => {
  resetApi()
  installNotes()
  FakeObserver.all = []
  vi.stubGlobal('IntersectionObserver', FakeObserver)
})
afterEach(() => {
  app?.wrapper.unmount()
  app = null
  vi.unstubAllGlobals()
})

const markRead = (): HTMLElement => getByRole(document.body, 'button', 'Mark section as read')

describe('read progress by scrolling', () => {
  it('marks the section read when its end comes into view after the student scrolled', async () => {
    app = await mountApp('/read/sec-origins')
    expect(document.querySelector('.section__end')).not.toBeNull()
    window.dispatchEvent(new WheelEvent('wheel', { deltaY: 400 }))
    FakeObserver.show(true)
    await settle()
    expect(api['progress:markRead']).toHaveBeenCalledWith({ packId: 'fixture', sectionId: 'sec-origins', read: true })
    expect(markRead().getAttribute('aria-pressed')).toBe('true')
  })

  it('does not mark a section read that was only opened, or scrolled by a jump', async () => {
    app = await mountApp('/read/sec-origins')
    FakeObserver.show(true)
    await settle()
    expect(api['progress:markRead']).not.toHaveBeenCalled()
  })

  it('starts again in each section: a scroll in one does not count for the next', async () => {
    app = await mountApp('/read/sec-origins')
    window.dispatchEvent(new KeyboardEvent('keydown', { key: 'PageDown' }))
    await app.router.push('/read/sec-defence')
    await settle()
    FakeObserver.show(true)
    await settle()
    expect(api['progress:markRead']).not.toHaveBeenCalled()
    window.dispatchEvent(new KeyboardEvent('keydown', { key: 'End' }))
    FakeObserver.show(true)
    await settle()
    expect(api['progress:markRead']).toHaveBeenCalledWith({ packId: 'fixture', sectionId: 'sec-defence', read: true })
  })

  it('leaves a section the student already marked read alone', async () => {
    app = await mountApp('/read/sec-origins')
    markRead().click()
    await settle()
    expect(api['progress:markRead']).toHaveBeenCalledTimes(1)
    window.dispatchEvent(new WheelEvent('wheel', { deltaY: 400 }))
    FakeObserver.show(true)
    await settle()
    expect(api['progress:markRead']).toHaveBeenCalledTimes(1)
  })
})
