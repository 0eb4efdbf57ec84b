// Why: the data and pack-import channels of the fake main, so the Settings
// tests drive the real stores and components and can see exactly which
// calls (and confirmations) reached main.
import { vi } from 'vitest'
import type { AutomaticBackup, BackupInfo, DataSummary } from '@shared/domain/data'
import { api, main } from '../helpers/fake-api'

export const MB = 1024 * 1024

export function summary(patch: Partial<DataSummary> = {}): DataSummary {
  return {
    settings: true,
    progress: { packs: 1, sectionsRead: 3 },
    study: {
      cards: 12,
      reviews: 40,
      highlightCards: 2,
      examDates: 1,
      mockTests: 1,
      firstReview: '2026-10-01T04:30:00.000Z',
      lastReview: '2026-11-20T04:30:00.000Z'
    },
    annotations: { live: 5, trash: 1 },
    writing: { attempts: 3, scored: 2 },
    packs: [{ id: 'fixture', title: 'India–Russia 2+2 (fixture)', installed: true }],
    ...patch
  }
}

export const backupInfo = (): BackupInfo => ({ createdAt: '2026-11-20T10:00:00.000Z', appVersion: '0.1.0', formatVersion: 1, summary: summary() })

export const dailyBackup: AutomaticBackup = {
  id: 'progress-2026-11-24.json',
  kind: 'daily',
  store: 'progress',
  createdAt: '2026-11-24T04:30:00.000Z',
  sizeBytes: 2048,
  label: 'Reading progress, as it was before the first change on 2026-11-24'
}

/** Working fakes for every data channel; call after resetApi(). */
export function fakeDataChannels(host: 'web' | 'electron' = 'web'): void {
  api['app:info'].mockImplementation(async () => ({ name: 'Revision Desk', version: '0.1.0', host, dataDir: '/tmp/x' }))
  api['data:summary'].mockReset().mockImplementation(async () => summary())
  api['data:listBackups'].mockReset().mockImplementation(async () => [dailyBackup])
  api['data:exportBackup']
    .mockReset()
    .mockImplementation(async () => ({ fileName: 'revision-desk-backup-2026-11-25.json', content: '{"format":"revision-desk-backup"}' }))
  api['files:save'].mockReset().mockImplementation(async () => ({ mode: 'saved' as const, path: '/home/student/revision-desk-backup-2026-11-25.json' }))
  api['files:openDataFolder'].mockReset().mockImplementation(async () => ({ opened: true }))
  api['data:inspectBackup'].mockReset().mockImplementation(async () => backupInfo())
  const restored = async () => ({ summary: summary(), safetyBackup: 'before-restore-2026-11-25T04-30-00-000Z.json' })
  api['data:restoreBackup'].mockReset().mockImplementation(restored)
  api['data:restoreAutomatic'].mockReset().mockImplementation(restored)
  api['data:reset'].mockReset().mockImplementation(async () => ({ summary: summary(), safetyBackup: 'before-reset-2026-11-25T04-30-00-000Z.json' }))
  api['data:deletePackProgress'].mockReset().mockImplementation(async ({ packId }) => ({
    packId,
    removed: { sectionsRead: 1, cards: 2, reviews: 3, highlightCards: 0, mockTests: 0, annotations: 1, answers: 0 },
    safetyBackup: 'before-delete-2026-11-25T04-30-00-000Z.json'
  }))
  api['packs:import'].mockReset().mockImplementation(async () => {
    const imported = { ...main.list.packs[0]!, id: 'extra', title: 'Extra pack', source: 'imported' as const }
    main.list = { ...main.list, packs: [...main.list.packs, imported] }
    return imported
  })
  api['packs:remove'].mockReset().mockImplementation(async ({ packId }) => {
    main.list = { ...main.list, packs: main.list.packs.filter((p) => p.id !== packId) }
    return structuredClone(main.list)
  })
}

/** Puts a file in a file input the way a student's pick does, and fires change. */
export function pickFile(input: HTMLInputElement, name: string, content: string, size?: number): void {
  const file = new File([content], name, { type: 'application/json' })
  if (size !== undefined) Object.defineProperty(file, 'size', { value: size })
  Object.defineProperty(input, 'files', { value: [file], configurable: true })
  input.dispatchEvent(new Event('change'))
}

export const reload = vi.fn()
