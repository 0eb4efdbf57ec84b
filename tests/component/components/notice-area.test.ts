// Why: a recovery notice is the only sign a student gets that their file was
// damaged; it must be read out, readable, and go away only when dismissed.
import { mount } from '@vue/test-utils'
import { createPinia, setActivePinia } from 'pinia'
import { beforeEach, describe, expect, it, vi } from 'vitest'
import NoticeArea from '@renderer/components/common/NoticeArea.vue'
import { useNoticesStore } from '@renderer/stores/notices'
import { main, resetApi } from '../helpers/fake-api'
import { settle } from '../helpers/mount-app'
import { allByRole, getByRole } from '../helpers/roles'

vi.mock('@renderer/api', () => import('../helpers/fake-api'))

beforeEach(() => {
  resetApi()
  setActivePinia(createPinia())
})

describe('NoticeArea', () => {
  it('renders a recovered notice from main and dismisses it', async () => {
    main.notices = [
      {
        id: 'n1',
        kind: 'recovered',
        file: 'progress.json',
        keptAs: 'progress.corrupt-1.json',
        restoredFrom: 'defaults',
        reason: 'bad JSON',
        at: '2026-11-25T10:00:00Z'
      }
    ]
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
})
