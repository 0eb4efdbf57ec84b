// Why: stands in for '@renderer/api' (never window.api) with a tiny in-memory
// "main", so tests drive the real stores and can make any call fail on purpose.
import { vi, type Mock } from 'vitest'
import type { Client } from '@renderer/api'
import { CHANNELS, type Channel } from '@shared/channels'
import type { PackList, PackProgress, Settings, StoreNotice } from '@shared/domain'
import { ApiError, type ApiErrorCode } from '@shared/result'
import { fixturePack, fixtureSummary } from '../fixtures/pack'

type FakeClient = { [K in Channel]: Mock<Client[K]> }

export interface FakeMain {
  settings: Settings
  progress: PackProgress
  notices: StoreNotice[]
  list: PackList
}

export const main: FakeMain = freshMain()

function freshMain(): FakeMain {
  return {
    settings: { theme: 'light', fontSize: 18, lineWidth: 'medium' },
    progress: { packId: 'fixture', readSections: [], location: null },
    notices: [],
    list: { packs: [fixtureSummary()], errors: [] }
  }
}

// Built from CHANNELS so a channel added later exists here too (as a bare mock) without breaking every test.
export const api = Object.fromEntries(CHANNELS.map((channel) => [channel, vi.fn()])) as unknown as FakeClient

const copy = <T>(value: T): T => structuredClone(value)

/** Puts main back to a fresh state and every channel back to its working fake. */
export function resetApi(patch: Partial<FakeMain> = {}): void {
  Object.assign(main, freshMain(), patch)
  api['app:info'].mockReset().mockImplementation(async () => ({ name: 'Revision Desk', version: '0.1.0', host: 'web', dataDir: '/tmp/x' }))
  api['app:notices'].mockReset().mockImplementation(async () => copy(main.notices))
  api['packs:list'].mockReset().mockImplementation(async () => copy(main.list))
  api['packs:get'].mockReset().mockImplementation(async ({ packId }) => {
    if (packId !== 'fixture') throw new ApiError({ code: 'not-found', message: `no pack ${packId}` })
    return fixturePack()
  })
  api['settings:get'].mockReset().mockImplementation(async () => copy(main.settings))
  api['settings:update'].mockReset().mockImplementation(async (patch) => {
    main.settings = { ...main.settings, ...patch }
    return copy(main.settings)
  })
  api['progress:get'].mockReset().mockImplementation(async () => copy(main.progress))
  api['progress:markRead'].mockReset().mockImplementation(async ({ sectionId, read }) => {
    const others = main.progress.readSections.filter((id) => id !== sectionId)
    main.progress = { ...main.progress, readSections: read ? [...others, sectionId] : others }
    return copy(main.progress)
  })
  api['progress:setLocation'].mockReset().mockImplementation(async ({ sectionId, blockId }) => {
    main.progress = { ...main.progress, location: blockId ? { sectionId, blockId } : { sectionId } }
    return copy(main.progress)
  })
}

/** Makes the next call on `channel` fail the way main reports a failure. */
export function failNext(channel: Channel, code: ApiErrorCode, message = `fake ${code}`): void {
  ;(api[channel] as Mock).mockRejectedValueOnce(new ApiError({ code, message }))
}
