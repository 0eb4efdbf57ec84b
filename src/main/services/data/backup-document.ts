// Why: the backup file a student keeps and carries to another computer. It is
// one JSON document holding every store exactly as the app saves it
// (`{schemaVersion, data}` per store), so a restore gives back the very same
// state, and an older backup is upgraded by the same migrations an older
// store file would be. Reading one is strict: anything unexpected is refused
// with the path of the bad field, and nothing is written.
import * as z from 'zod'
import { BACKUP_FORMAT, BACKUP_FORMAT_VERSION, BACKUP_MAX_BYTES, type PackSource } from '../../../shared/domain/data'
import { Id } from '../../../shared/pack/schema'
import type { ApiIssue } from '../../../shared/result'
import { ServiceError } from '../errors'
import { migrate } from '../store/migrations'
import { defaultState, isStoreKey, LOG_SPEC, LOG_STORE, logStoreName, STORE_KEYS, STORE_SPECS, type AppState, type StoreSpec } from './app-state'
import { parseUntrustedJson } from './safe-json'

export interface BackupPackRef {
  id: string
  title: string
  version: string
  source: PackSource
}

const PackRefSchema = z.object({ id: Id, title: z.string().max(500), version: z.string().max(40), source: z.enum(['bundled', 'imported']) }).strict()

const DocumentSchema = z
  .object({
    format: z.literal(BACKUP_FORMAT),
    formatVersion: z.number().int().min(1),
    createdAt: z.iso.datetime(),
    appVersion: z.string().min(1).max(40),
    /** The packs installed when the backup was made (titles for the summary; the packs themselves are not in it). */
    packs: z.array(PackRefSchema).max(1000),
    stores: z.record(z.string(), z.unknown())
  })
  .strict()

export interface BackupDocument {
  format: typeof BACKUP_FORMAT
  formatVersion: number
  createdAt: string
  appVersion: string
  packs: BackupPackRef[]
  stores: Record<string, { schemaVersion: number; data: unknown }>
}

export function encodeBackup(state: AppState, meta: { createdAt: Date; appVersion: string; packs: BackupPackRef[] }): string {
  const stores: BackupDocument['stores'] = {}
  for (const key of STORE_KEYS) stores[key] = { schemaVersion: STORE_SPECS[key].version, data: state[key] }
  for (const month of Object.keys(state.logs).sort()) stores[logStoreName(month)] = { schemaVersion: LOG_SPEC.version, data: state.logs[month] }
  const doc: BackupDocument = {
    format: BACKUP_FORMAT,
    formatVersion: BACKUP_FORMAT_VERSION,
    createdAt: meta.createdAt.toISOString(),
    appVersion: meta.appVersion,
    packs: meta.packs,
    stores
  }
  // Indented: a student (or a helper) may open it to see what is inside.
  return JSON.stringify(doc, null, 1)
}

const invalid = (message: string, issues: ApiIssue[] = []): ServiceError => new ServiceError('validation', message, issues)

/** One store's `{schemaVersion, data}`, upgraded and checked; throws naming the bad field. */
export function decodeStore<T>(name: string, value: unknown, spec: StoreSpec<T>, where = `stores.${name}`): T {
  if (
    typeof value !== 'object' ||
    value === null ||
    Array.isArray(value) ||
    !Number.isSafeInteger((value as { schemaVersion?: unknown }).schemaVersion) ||
    !('data' in value)
  ) {
    throw invalid(`The backup's "${name}" part is not in the app's format ({"schemaVersion": n, "data": …}).`, [{ path: where, message: 'not a saved store' }])
  }
  const { schemaVersion, data } = value as { schemaVersion: number; data: unknown }
  if (schemaVersion > spec.version) {
    throw invalid(
      `The backup's "${name}" part was saved by a newer version of the app (format ${schemaVersion}; this version reads up to ${spec.version}). Update the app, then restore it.`,
      [{ path: `${where}.schemaVersion`, message: 'newer than this app' }]
    )
  }
  let migrated: unknown
  try {
    migrated = migrate(data, schemaVersion, spec.version, spec.migrations)
  } catch (error) {
    throw invalid(`The backup's "${name}" part is in format ${schemaVersion} and could not be upgraded (${(error as Error).message}).`, [
      { path: `${where}.schemaVersion`, message: 'cannot upgrade' }
    ])
  }
  const parsed = spec.schema.safeParse(migrated)
  if (!parsed.success) {
    const issues = parsed.error.issues.slice(0, 20).map((i) => ({ path: [where, 'data', ...i.path.map(String)].join('.'), message: i.message }))
    const first = issues[0] as ApiIssue
    throw invalid(`The backup's "${name}" part has the wrong shape: ${first.path}: ${first.message}.`, issues)
  }
  return parsed.data
}

export interface DecodedBackup {
  state: AppState
  createdAt: string
  appVersion: string
  formatVersion: number
  packs: BackupPackRef[]
  /** Whether the file carried display settings (a part left out is restored as the defaults). */
  hasSettings: boolean
}

/** Parses and checks a backup file's text. Throws a validation ServiceError that says what is wrong. */
export function decodeBackup(content: string, label = 'The backup file'): DecodedBackup {
  const parsed = parseUntrustedJson(content, { label, maxBytes: BACKUP_MAX_BYTES })
  if (!parsed.ok) throw invalid(parsed.message, parsed.issues)
  const raw = parsed.value
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw) || (raw as { format?: unknown }).format !== BACKUP_FORMAT) {
    const looksLikePack = typeof raw === 'object' && raw !== null && 'sections' in raw && 'sources' in raw
    throw invalid(
      looksLikePack
        ? `${label} is a notes pack, not a backup. Import it under Settings → Notes packs.`
        : `${label} is not a Revision Desk backup: it has no "format": "${BACKUP_FORMAT}".`,
      [{ path: 'format', message: `expected "${BACKUP_FORMAT}"` }]
    )
  }
  const version = (raw as { formatVersion?: unknown }).formatVersion
  if (typeof version === 'number' && version > BACKUP_FORMAT_VERSION) {
    throw invalid(
      `${label} was made by a newer version of the app (backup format ${version}; this version reads up to ${BACKUP_FORMAT_VERSION}). Update the app, then restore it.`,
      [{ path: 'formatVersion', message: 'newer than this app' }]
    )
  }
  const doc = DocumentSchema.safeParse(raw)
  if (!doc.success) {
    const issues = doc.error.issues.slice(0, 20).map((i) => ({ path: i.path.map(String).join('.') || '(root)', message: i.message }))
    const first = issues[0] as ApiIssue
    throw invalid(`${label} is not a valid backup: ${first.path}: ${first.message}.`, issues)
  }

  const state = defaultState()
  for (const [name, value] of Object.entries(doc.data.stores)) {
    const month = LOG_STORE.exec(name)?.[1]
    if (month) state.logs[month] = decodeStore(name, value, LOG_SPEC)
    else if (isStoreKey(name)) (state as unknown as Record<string, unknown>)[name] = decodeStore(name, value, STORE_SPECS[name] as StoreSpec<unknown>)
    else throw invalid(`The backup has a part "${name}" this version of the app does not know.`, [{ path: `stores.${name}`, message: 'unknown part' }])
  }
  return {
    state,
    createdAt: doc.data.createdAt,
    appVersion: doc.data.appVersion,
    formatVersion: doc.data.formatVersion,
    packs: doc.data.packs,
    hasSettings: Object.hasOwn(doc.data.stores, 'settings')
  }
}
