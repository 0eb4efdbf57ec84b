// Why: a student trusts the app with months of work only if they can back it
// up, restore it and start again without ever losing a highlight or a review.
// Every operation that replaces data goes through one path (replaceState):
//   1. a full copy of the current state is written to backups/ first; if that
//      fails, nothing is touched;
//   2. only the files that differ are replaced, one by one, through the stores;
//   3. if any write fails, the state in that copy is written back and the
//      error says so: never half a restore.
import { basename } from 'node:path'
import type { AutomaticBackup, BackupExport, BackupInfo, DataSummary, PackProgressDeletion, RestoreResult } from '../../../shared/domain/data'
import { ServiceError, WriteFailedError } from '../errors'
import type { PackService } from '../packs/pack-service'
import { dayKey } from '../store/backups'
import { errnoOf, storeFs, type StoreFs } from '../store/fs-ops'
import { decodeStoreBytes, type DecodeSpec } from '../store/migrations'
import { defaultState, isStoreKey, LOG_SPEC, LOG_STORE, STORE_SPECS, type AppState } from './app-state'
import { decodeBackup, encodeBackup, type BackupPackRef, type DecodedBackup } from './backup-document'
import { listAutomaticBackups, readAutomaticBackup, storeLabel, writeFullBackup, type FullKind } from './backup-folder'
import { applyParts, captureState, changedParts, type StateServices } from './state-io'
import { summariseState, withoutPack, type PackInfo } from './summary'

export interface DataServiceOptions extends StateServices {
  dataDir: string
  /** Written into each backup, so a later version knows what made it. */
  version: string
  packs: PackService
  clock?: () => Date
  /** Test seam for the backups folder. */
  fs?: Partial<StoreFs>
}

export interface DataService {
  exportBackup(): Promise<BackupExport>
  summary(): Promise<DataSummary>
  inspect(content: string): BackupInfo
  restore(content: string): Promise<RestoreResult>
  reset(): Promise<RestoreResult>
  listBackups(): Promise<AutomaticBackup[]>
  restoreAutomatic(id: string): Promise<RestoreResult>
  deletePackProgress(packId: string): Promise<PackProgressDeletion>
}

function reasonOf(error: unknown): string {
  if (error instanceof WriteFailedError) return `${basename(error.file)} could not be written${error.errno ? ` (${error.errno})` : ''}`
  const message = error instanceof Error ? error.message : String(error)
  const code = errnoOf(error)
  return code && !message.includes(code) ? `${message}, ${code}` : message
}

export function createDataService(opts: DataServiceOptions): DataService {
  const { packs } = opts
  const fs = storeFs(opts.fs)
  const clock = opts.clock ?? (() => new Date())

  const packRefs = (): BackupPackRef[] => packs.list().packs.map((p) => ({ id: p.id, title: p.title, version: p.version, source: p.source ?? 'bundled' }))
  const packInfo = (known: BackupPackRef[] = []): PackInfo => ({
    title: (id) => (packs.has(id) ? packs.get(id).title : (known.find((p) => p.id === id)?.title ?? null)),
    installed: (id) => packs.has(id)
  })
  const backupText = (state: AppState): string => encodeBackup(state, { createdAt: clock(), appVersion: opts.version, packs: packRefs() })

  async function replaceState(kind: FullKind, current: AppState, next: AppState): Promise<string> {
    let safetyBackup: string
    try {
      safetyBackup = await writeFullBackup(fs, opts.dataDir, kind, backupText(current), clock())
    } catch (error) {
      throw new ServiceError('write-failed', `Could not first keep a copy of your current data (${reasonOf(error)}), so nothing was changed.`, [], {
        cause: error
      })
    }
    const parts = changedParts(current, next)
    try {
      await applyParts(opts, next, parts)
    } catch (error) {
      // `current` is exactly what the safety copy holds; writing it back undoes the files already replaced.
      try {
        await applyParts(opts, current, parts)
      } catch (rollbackError) {
        throw new ServiceError(
          'write-failed',
          `The change stopped partway (${reasonOf(error)}) and putting your data back also failed (${reasonOf(rollbackError)}). Nothing is lost: a full copy of your data from just before is in the backups folder as ${safetyBackup}. Restore it from Settings → Data once the disk problem is fixed.`,
          [],
          { cause: error }
        )
      }
      throw new ServiceError('write-failed', `Could not finish (${reasonOf(error)}). Your data was put back as it was; nothing changed.`, [], { cause: error })
    }
    return safetyBackup
  }

  async function restoreDecoded(decoded: DecodedBackup): Promise<RestoreResult> {
    const current = await captureState(opts)
    // A backup without display settings leaves the student's current ones alone.
    const next: AppState = decoded.hasSettings ? decoded.state : { ...decoded.state, settings: current.settings }
    const safetyBackup = await replaceState('before-restore', current, next)
    return { summary: summariseState(next, packInfo(decoded.packs)), safetyBackup }
  }

  function decodeDaily(store: string, bytes: Buffer): AppState[keyof AppState] {
    const spec = (LOG_STORE.test(store) ? LOG_SPEC : isStoreKey(store) ? STORE_SPECS[store] : null) as DecodeSpec<unknown> | null
    if (!spec) throw new ServiceError('validation', `The app does not know the store "${store}".`)
    const decoded = decodeStoreBytes(bytes, spec)
    if (!decoded.ok)
      throw new ServiceError('validation', `That copy of ${storeLabel(store).toLowerCase()} cannot be used: ${decoded.reason}. Nothing was changed.`)
    return decoded.data as AppState[keyof AppState]
  }

  return {
    async exportBackup() {
      const content = backupText(await captureState(opts))
      return { fileName: `revision-desk-backup-${dayKey(clock())}.json`, content }
    },

    async summary() {
      return summariseState(await captureState(opts), packInfo())
    },

    inspect(content) {
      const decoded = decodeBackup(content)
      return {
        createdAt: decoded.createdAt,
        appVersion: decoded.appVersion,
        formatVersion: decoded.formatVersion,
        summary: summariseState(decoded.state, packInfo(decoded.packs), decoded.hasSettings)
      }
    },

    async restore(content) {
      return restoreDecoded(decodeBackup(content))
    },

    async reset() {
      const current = await captureState(opts)
      // Display settings are preferences, not progress: a reset keeps them.
      const next = defaultState({ settings: current.settings })
      const safetyBackup = await replaceState('before-reset', current, next)
      return { summary: summariseState(next, packInfo()), safetyBackup }
    },

    listBackups: () => listAutomaticBackups(fs, opts.dataDir),

    async restoreAutomatic(id) {
      const { backup, bytes } = await readAutomaticBackup(fs, opts.dataDir, id)
      if (backup.kind !== 'daily') return restoreDecoded(decodeBackup(bytes.toString('utf8'), `The copy ${backup.id}`))
      const store = backup.store as string
      const data = decodeDaily(store, bytes)
      const current = await captureState(opts)
      const next: AppState = structuredClone(current)
      const month = LOG_STORE.exec(store)?.[1]
      if (month) next.logs[month] = data as AppState['logs'][string]
      else (next as unknown as Record<string, unknown>)[store] = data
      const safetyBackup = await replaceState('before-restore', current, next)
      return { summary: summariseState(next, packInfo()), safetyBackup }
    },

    async deletePackProgress(packId) {
      const current = await captureState(opts)
      const next = withoutPack(current, packId)
      const before = summariseState(current, packInfo())
      const after = summariseState(next, packInfo())
      const removed = {
        sectionsRead: before.progress.sectionsRead - after.progress.sectionsRead,
        cards: before.study.cards - after.study.cards,
        reviews: before.study.reviews - after.study.reviews,
        highlightCards: before.study.highlightCards - after.study.highlightCards,
        mockTests: before.study.mockTests - after.study.mockTests,
        annotations: before.annotations.live + before.annotations.trash - after.annotations.live - after.annotations.trash,
        answers: before.writing.attempts - after.writing.attempts
      }
      if (changedParts(current, next).length === 0) return { packId, removed, safetyBackup: null }
      return { packId, removed, safetyBackup: await replaceState('before-delete', current, next) }
    }
  }
}
