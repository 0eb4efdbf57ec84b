// Why: a recovery notice is the only sign a student gets that their file was
// damaged; it must be read out, readable, and go away only when dismissed.
import { mount } from '@vue/test-utils'
import { createPinia, setActivePinia } from 'pinia'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import NoticeArea from '@renderer/components/common/NoticeArea.vue'
import { applyLocale, t } from '@renderer/i18n'
import { useNoticesStore } from '@renderer/stores/notices'
import type { StoreNotice } from '@shared/domain'
import { ApiError } from '@shared/result'
import { main, resetApi } from '../helpers/fake-api'
import { settle } from '../helpers/mount-app'
import { allByRole, getByRole } from '../helpers/roles'

vi.mock('@renderer/api', () => import('../helpers/fake-api'))

beforeEach(() => {
  resetApi()
  setActivePinia(createPinia())
})
afterEach(async () => {
  await applyLocale('en')
})

const progressRecovered = (): StoreNotice => ({
  id: 'n1',
  kind: 'recovered',
  file: 'progress.json',
  keptAs: 'progress.corrupt-1.json',
  restoredFrom: 'defaults',
  reason: 'bad JSON',
  at: '2026-11-25T10:00:00Z'
})

describe('NoticeArea', () => {
  it('renders a recovered notice from main and dismisses it', async () => {
    main.notices = [progressRecovered()]
    const wrapper = mount(NoticeArea, { attachTo: document.body })
    await useNoticesStore().load()
    await settle()

    const region = getByRole(wrapper.element.parentElement as HTMLElement, 'region', 'Notices')
    expect(region.querySelector('[aria-live="polite"]')).not.toBeNull()
    expect(region.textContent).toContain("We couldn't read progress.json. We kept it as progress.corrupt-1.json and loaded fresh defaults.")

    getByRole(region, 'button', 'Dismiss').click()
    await settle()
    expect(region.textContent).not.toContain('progress.json')
    expect(allByRole(region, 'button', 'Dismiss')).toHaveLength(0)
    wrapper.unmount()
  })

  it('is present, and empty, when there is nothing to say', () => {
    const wrapper = mount(NoticeArea, { attachTo: document.body })
    const region = getByRole(document.body, 'region', 'Notices')
    expect(region.textContent?.trim()).toBe('')
    wrapper.unmount()
  })

  it('follows the interface language when it changes while a notice is on screen', async () => {
    main.notices = [progressRecovered()]
    const wrapper = mount(NoticeArea, { attachTo: document.body })
    const notices = useNoticesStore()
    await notices.load()
    notices.reportError(new ApiError({ code: 'write-failed', message: 'disk full' }), () => t('settings.actions.save'))
    await settle()
    const region = getByRole(wrapper.element.parentElement as HTMLElement, 'region', 'Notices')
    expect(region.textContent).toContain("We couldn't read progress.json.")
    expect(region.textContent).toContain('save your settings')

    await applyLocale('hi')
    await settle()
    const hindiAction = t('settings.actions.save')
    expect(hindiAction).toMatch(/[\u0900-\u097F]/)
    expect(region.textContent).not.toContain("We couldn't read")
    expect(region.textContent).not.toContain('save your settings')
    expect(region.textContent).toContain(hindiAction)
    expect(region.textContent).toContain('progress.corrupt-1.json')
    // Main's own reason stays as main wrote it.
    expect(region.textContent).toContain('disk full')
    wrapper.unmount()
  })
})
