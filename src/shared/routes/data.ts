// Why: the data-safety channels (back up, inspect, restore, reset, automatic
// backups) and pack import/remove, with strict inputs. Anything that replaces
// or deletes data takes `confirm: true`, so no call can do it by accident, and
// a backup is named by an opaque id, never by a path.
import * as z from 'zod'
import type { PackList, PackSummary } from '../domain/app'
import type { AutomaticBackup, BackupExport, BackupInfo, DataSummary, PackProgressDeletion, RestoreResult } from '../domain/data'
import { Id } from '../pack/schema'
import { NoInput, route } from '../route'

/**
 * A hard cap for the transport only, above every real limit: the services
 * measure the content themselves so an oversized file gets a sentence naming
 * its size and the limit, not a schema message.
 */
const FileContent = z.string().max(128 * 1024 * 1024)
const Confirm = z.literal(true, 'confirm must be true: this replaces data')

/** The name the student's file had, shown back in messages only. */
const DisplayName = z
  .string()
  .min(1)
  .max(255)
  .regex(/^\P{Cc}+$/u, 'a file name without control characters')

export const BackupId = z
  .string()
  .max(160)
  .regex(/^[A-Za-z0-9][A-Za-z0-9._-]*\.json$/, 'a backup id from data:listBackups')

export const dataRoutes = {
  'data:exportBackup': route<BackupExport>()(NoInput),
  'data:summary': route<DataSummary>()(NoInput),
  'data:inspectBackup': route<BackupInfo>()(z.object({ content: FileContent }).strict()),
  'data:restoreBackup': route<RestoreResult>()(z.object({ content: FileContent, confirm: Confirm }).strict()),
  'data:reset': route<RestoreResult>()(z.object({ confirm: Confirm }).strict()),
  'data:listBackups': route<AutomaticBackup[]>()(NoInput),
  'data:restoreAutomatic': route<RestoreResult>()(z.object({ id: BackupId, confirm: Confirm }).strict()),
  'data:deletePackProgress': route<PackProgressDeletion>()(z.object({ packId: Id, confirm: Confirm }).strict()),
  'packs:import': route<PackSummary>()(z.object({ fileName: DisplayName, content: FileContent }).strict()),
  'packs:remove': route<PackList>()(z.object({ packId: Id }).strict())
}
