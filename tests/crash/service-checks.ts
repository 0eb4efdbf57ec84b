// Why: after a kill, the study, annotation and writing lanes are checked the way the
// student would find them: by opening the real services on the folder (a
// restart, with its recovery and the checkpoint it finishes), then comparing
// with every write the child had acknowledged. The files are read raw first
// only to count kills that left a checkpoint half done.
import { readdir, readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { openAnnotationService } from '../../src/main/services/annotations/annotation-service'
import { createPackService } from '../../src/main/services/packs/pack-service'
import { openStudyService } from '../../src/main/services/study/study-service'
import { openWritingService } from '../../src/main/services/writing/writing-service'
import { tinyPack } from '../unit/fixtures/tiny-pack'
import { SERVICE_OPTIONS, STUDY_ITEMS } from './schema'

const packs = createPackService({ packs: new Map([['tiny', tinyPack()]]), errors: [] })

async function dataOf(file: string): Promise<any> {
  try {
    return JSON.parse(await readFile(file, 'utf8')).data
  } catch {
    return undefined
  }
}

/** Each part file's data, by name. */
async function parts(dir: string, pattern: RegExp): Promise<any[]> {
  const names = (await readdir(dir)).filter((n) => pattern.test(n))
  return Promise.all(names.map((n) => dataOf(join(dir, n))))
}

/** The kill left a checkpoint half done: history written past study.json, or the journal not yet trimmed. */
export async function studyMidCheckpoint(dir: string): Promise<boolean> {
  const applied: number = (await dataOf(join(dir, 'study.json')))?.appliedThrough ?? 0
  const journal: { id: number }[] = (await dataOf(join(dir, 'study-journal.json')))?.entries ?? []
  const history = (await parts(dir, /^study-log-.*\.json$/)).flatMap((p) => (p?.entries ?? []) as { id: number }[])
  return journal.some((e) => e.id <= applied) || history.some((e) => e.id > applied)
}

/** The kill left a fold half done: a part already has an unfolded entry, or the journal was not yet trimmed. */
export async function annotationsMidFold(dir: string): Promise<boolean> {
  const applied: number = (await dataOf(join(dir, 'annotations-meta.json')))?.appliedThrough ?? 0
  const journal: { seq: number; kind: string; annotation: { id: string } }[] = (await dataOf(join(dir, 'annotations-journal.json')))?.entries ?? []
  const saved = Object.assign({}, ...(await parts(dir, /^annotations-part-\d\d\.json$/)).map((p) => p?.annotations ?? {}))
  const folded = (e: (typeof journal)[number]): boolean =>
    e.kind === 'put' ? JSON.stringify(saved[e.annotation.id]) === JSON.stringify(e.annotation) : !(e.annotation.id in saved)
  return journal.some((e) => e.seq <= applied) || journal.filter((e) => e.seq > applied).some(folded)
}

/** Every acknowledged answer is on record (ids 1…n, none twice), and each card is the one its last answer left. */
export async function checkStudy(dir: string, lastAck: number, started: number): Promise<string | null> {
  const study = await openStudyService({ dir, packs, ...SERVICE_OPTIONS })
  try {
    const notices = study.notices()
    if (notices.length > 0) return `unexpected notice: ${JSON.stringify(notices[0])}`
    const history = await study.history('tiny')
    if (history.some((e, i) => e.id !== i + 1)) return `review ids are not 1…n: ${history.map((e) => e.id).join(',')}`
    if (history.length < lastAck) return `LOST: ${history.length} reviews on record < acknowledged ${lastAck}`
    if (history.length < started) return `went backwards: ${history.length} < ${started}`
    for (const itemId of STUDY_ITEMS) {
      const last = history.filter((e) => e.itemId === itemId && e.card).at(-1)
      if (JSON.stringify(study.store.card('tiny', itemId)) !== JSON.stringify(last?.card)) return `card of ${itemId} is not the one its last answer left`
    }
    return null
  } finally {
    await study.flush()
    study.store.close()
  }
}

/** What the annotation writer said it started and finished, carried across the lane's kills. */
export class AnnotationLedger {
  readonly live = new Set<string>()
  readonly deleted = new Set<string>()
  #adding = new Set<string>()
  #deleting = new Set<string>()
  acked = 0

  line(kind: string, payload: string): void {
    const [op, id] = payload.split(' ') as [string, string]
    if (kind === 'start') (op === 'add' ? this.#adding : this.#deleting).add(id)
    if (kind !== 'ack') return
    this.acked++
    if (op === 'add') {
      this.#adding.delete(id)
      this.live.add(id)
    } else {
      this.#deleting.delete(id)
      this.live.delete(id)
      this.deleted.add(id)
    }
  }

  /** Compares with what a restart shows; a write cut off by the kill may or may not have landed, and is settled by what it shows. */
  async check(dir: string): Promise<string | null> {
    const annotations = await openAnnotationService({ dir, packs, ...SERVICE_OPTIONS })
    try {
      const notices = annotations.notices()
      if (notices.length > 0) return `unexpected notice: ${JSON.stringify(notices[0])}`
      const shown = new Set(annotations.list('tiny').map((a) => a.id))
      for (const id of this.live) if (!shown.has(id) && !this.#deleting.has(id)) return `LOST: acknowledged highlight ${id} is missing`
      for (const id of this.deleted) if (shown.has(id)) return `deleted highlight ${id} came back`
      for (const id of shown) if (!this.live.has(id) && !this.#adding.has(id)) return `highlight ${id} was never added`
      for (const id of this.#adding) if (shown.has(id)) this.live.add(id)
      for (const id of this.#deleting) {
        if (shown.has(id)) continue
        this.live.delete(id)
        this.deleted.add(id)
      }
      this.#adding.clear()
      this.#deleting.clear()
      return null
    } finally {
      await annotations.flush()
      annotations.store.close()
    }
  }
}

/** What the writing writer said it saved and scored, carried across the lane's kills. */
/**
 * A kill in the middle of appending a long answer can leave the journal's last entry half written
 * (a large write is not atomic against SIGKILL). Opening trims it off, keeps the bytes and says so;
 * that is the designed outcome for a save that was never confirmed, not a failure, so it is counted
 * apart. Any other notice, and any lost acknowledged write, still fails the lane.
 */
function isTornJournalRepair(n: { kind: string; file: string; restoredFrom?: string; reason: string }): boolean {
  return n.kind === 'recovered' && n.restoredFrom === 'repaired' && n.file.endsWith('writing-journal.json') && n.reason.includes('had not been confirmed')
}

export class WritingLedger {
  /** Copies kept by torn-tail repairs (see isTornJournalRepair): expected, not failures. */
  readonly tornCopies = new Set<string>()
  readonly added = new Set<string>()
  readonly scored = new Set<string>()
  #adding = new Set<string>()
  #scoring = new Set<string>()
  acked = 0

  line(kind: string, payload: string): void {
    const [op, id] = payload.split(' ') as [string, string]
    const pending = op === 'add' ? this.#adding : this.#scoring
    if (kind === 'start') pending.add(id)
    if (kind !== 'ack') return
    this.acked++
    pending.delete(id)
    ;(op === 'add' ? this.added : this.scored).add(id)
  }

  /** Compares with what a restart shows; a write cut off by the kill may or may not have landed. */
  async check(dir: string): Promise<string | null> {
    const writing = await openWritingService({ dir, packs, checkpointAt: SERVICE_OPTIONS.checkpointAt })
    try {
      const notices = writing.notices().filter((n) => {
        if (!isTornJournalRepair(n)) return true
        if (n.keptAs) this.tornCopies.add(n.keptAs.split('/').pop()!)
        return false
      })
      if (notices.length > 0) return `unexpected notice: ${JSON.stringify(notices[0])}`
      const shown = new Map(writing.overview().attempts.map((a) => [a.id, a]))
      for (const id of this.added) if (!shown.has(id)) return `LOST: acknowledged answer ${id} is missing`
      for (const id of this.scored) if (shown.get(id)?.score === null) return `LOST: acknowledged score of ${id} is missing`
      for (const [id, a] of shown) {
        if (!this.added.has(id) && !this.#adding.has(id)) return `answer ${id} was never added`
        if (a.score !== null && !this.scored.has(id) && !this.#scoring.has(id)) return `answer ${id} has a score it was never given`
      }
      for (const id of this.#adding) if (shown.has(id)) this.added.add(id)
      for (const id of this.#scoring) if (shown.get(id)?.score != null) this.scored.add(id)
      this.#adding.clear()
      this.#scoring.clear()
      return null
    } finally {
      await writing.flush()
      writing.close()
    }
  }
}
