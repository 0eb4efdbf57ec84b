// Why: Settings → Scheduler shows the workload of the retention main saved,
// puts the slider back when main refuses a value, keeps Optimise off below
// 400 reviews, and says plainly when optimising failed and nothing changed.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import type { TuningState } from '@shared/domain/tuning'
import { ApiError } from '@shared/result'
import { api, resetApi } from '../helpers/fake-api'
import { mountApp, settle, type MountedApp } from '../helpers/mount-app'
import { getByRole } from '../helpers/roles'

vi.mock('@renderer/api', () => import('../helpers/fake-api'))

let app: MountedApp | null = null
let state: TuningState

const workload = (r: number) => [0.8, 0.85, 0.9, 0.93, 0.95, 0.97].map((retention) => ({ retention, reviewsPerDay: Math.round(retention * r * 10) / 10 }))
function fresh(reviews: number): TuningState {
  return {
    desiredRetention: 0.9,
    parameters: null,
    reviews,
    minReviews: 400,
    canOptimise: reviews >= 400,
    cards: 120,
    workload: workload(20),
    lastOptimise: null
  }
}

beforeEach(() => {
  resetApi()
  state = fresh(450)
  api['tuning:get'].mockImplementation(async () => structuredClone(state))
  api['tuning:setRetention'].mockImplementation(async ({ desiredRetention }) => {
    state = { ...state, desiredRetention }
    return structuredClone(state)
  })
})
afterEach(() => {
  app?.wrapper.unmount()
  app = null
})

async function until(check: () => boolean): Promise<void> {
  for (let i = 0; i < 50 && !check(); i++) {
    await settle()
    await new Promise((r) => setTimeout(r, 5))
  }
  expect(check()).toBe(true)
}

const region = () => getByRole(document.body, 'region', 'Scheduler')
const slider = () => region().querySelector<HTMLInputElement>('input[type="range"]')!
const optimiseButton = () => [...region().querySelectorAll('button')].find((b) => b.textContent?.trim() === 'Optimise')!
const setSlider = (value: string) => {
  slider().value = value
  slider().dispatchEvent(new Event('change'))
}

describe('Settings → Scheduler', () => {
  it('shows the workload of the saved retention and of the new one once main saved it', async () => {
    app = await mountApp('/settings')
    await until(() => region().textContent!.includes('At 90%: about 18 reviews a day.'))
    setSlider('0.85')
    await until(() => region().textContent!.includes('At 85%: about 17 reviews a day.'))
    expect(api['tuning:setRetention']).toHaveBeenCalledWith({ desiredRetention: 0.85 })
    expect(slider().value).toBe('0.85')
  })

  it("puts the slider back and shows main's reason when the value is refused", async () => {
    api['tuning:setRetention'].mockRejectedValueOnce(new ApiError({ code: 'validation', message: 'Invalid input for tuning:setRetention.' }))
    app = await mountApp('/settings')
    await until(() => region().textContent!.includes('At 90%'))
    setSlider('0.97')
    await until(() => region().querySelector('[role="alert"]')?.textContent?.includes('Invalid input for tuning:setRetention.') ?? false)
    expect(slider().value).toBe('0.9')
  })

  it('keeps Optimise off below 400 reviews and says how many more are needed', async () => {
    state = fresh(123)
    app = await mountApp('/settings')
    await until(() => region().textContent!.includes('277 more to go'))
    expect(optimiseButton().disabled).toBe(true)
  })

  it('says plainly when optimising failed, and shows no result', async () => {
    api['tuning:optimise'].mockRejectedValueOnce(
      new ApiError({ code: 'internal', message: 'Optimising failed: the optimiser stopped (exit code 1) before it answered. Your parameters are unchanged.' })
    )
    app = await mountApp('/settings')
    await until(() => !optimiseButton()?.disabled)
    optimiseButton().click()
    await until(() => region().querySelector('[role="alert"]')?.textContent?.includes('Your parameters are unchanged.') ?? false)
    expect(region().querySelector('table[aria-labelledby="optimise-error-caption"]')).toBeNull()
    expect(region().textContent).toContain('Parameters in use: the defaults.')
  })
})
