// Why: the child half of the crash test. It writes as fast as it can and
// prints each write only after it resolved, so the parent knows exactly
// which writes were promised to be on disk when it pulls the plug.
//   node --import tsx tests/crash/writer.ts <dir> <mode> <run>
// Modes: rewrite and append drive a bare store file (whole-file rewrites, and
// the in-place appends journals use); study, annotations and writing drive the
// real services with a tiny checkpoint threshold, so most kills land in or near
// a checkpoint (history parts, study.json, the journal trim) or a fold (parts,
// meta, writing.json, the trim).
import { openAnnotationService } from '../../src/main/services/annotations/annotation-service'
import { createPackService } from '../../src/main/services/packs/pack-service'
import { openAppendableJsonStore, openJsonStore } from '../../src/main/services/store/json-store'
import { openStudyService } from '../../src/main/services/study/study-service'
import { openWritingService } from '../../src/main/services/writing/writing-service'
import { tinyPack } from '../unit/fixtures/tiny-pack'
import {
  APPEND_STORE,
  AppendSchema,
  appendDefaults,
  CRASH_STORE,
  CrashSchema,
  crashDefaults,
  SERVICE_OPTIONS,
  STUDY_ITEMS,
  type AppendData,
  type CrashData,
  type Mode
} from './schema'

const [dir, mode, run] = process.argv.slice(2) as [string, Mode, string]
if (!dir || !['rewrite', 'append', 'study', 'annotations', 'writing'].includes(mode) || !/^\d+$/.test(run ?? ''))
  throw new Error('usage: writer.ts <dir> <rewrite|append|study|annotations|writing> <run>')
const say = (line: string): void => void process.stdout.write(`${line}\n`)
const packs = createPackService({ packs: new Map([['tiny', tinyPack()]]), errors: [] })

if (mode === 'study') {
  const study = await openStudyService({ dir, packs, ...SERVICE_OPTIONS })
  for (const notice of study.notices()) say(`notice ${JSON.stringify(notice)}`)
  let count = (await study.history('tiny')).length
  say(`ready ${count}`)
  for (let i = 0; ; i++) {
    await study.rate({ packId: 'tiny', itemId: STUDY_ITEMS[i % STUDY_ITEMS.length] as string, rating: ((i % 4) + 1) as 1 | 2 | 3 | 4 })
    say(`ack ${++count}`)
  }
}

if (mode === 'annotations') {
  let n = 0
  const newId = (): string => `r${run}-${++n}`
  const annotations = await openAnnotationService({ dir, packs, newId, ...SERVICE_OPTIONS })
  for (const notice of annotations.notices()) say(`notice ${JSON.stringify(notice)}`)
  say(`ready ${annotations.list('tiny').length}`)
  for (let i = 1; ; i++) {
    const oldest = annotations.list('tiny')[0]
    if (i % 3 === 0 && oldest) {
      // Announced before it starts: a kill may land while it is being written.
      say(`start del ${oldest.id}`)
      await annotations.delete(oldest.id)
      say(`ack del ${oldest.id}`)
    } else {
      say(`start add r${run}-${n + 1}`)
      const added = await annotations.add({ packId: 'tiny', blockId: 'blk-a', selector: { exact: i % 2 ? 'India' : 'New Delhi' }, color: 'yellow' })
      say(`ack add ${added.id}`)
    }
  }
}

if (mode === 'writing') {
  // Answers saved and (every third write) an earlier one scored: both rewrite the attempt in the journal.
  let n = 0
  const newId = (): string => `wa-r${run}-${++n}`
  const writing = await openWritingService({ dir, packs, newId, checkpointAt: SERVICE_OPTIONS.checkpointAt })
  for (const notice of writing.notices()) say(`notice ${JSON.stringify(notice)}`)
  say(`ready ${writing.overview().attempts.length}`)
  const rubric = { directive: 2, structure: 1, content: 2, examples: 0, conclusion: 1, wordLimit: 2 } as const
  for (let i = 1; ; i++) {
    const unscored = writing.overview().attempts.find((a) => a.score === null)
    if (i % 3 === 0 && unscored) {
      say(`start score ${unscored.id}`)
      await writing.score({ attemptId: unscored.id, covered: [], rubric })
      say(`ack score ${unscored.id}`)
    } else {
      say(`start add wa-r${run}-${n + 1}`)
      const startedAt = new Date(Date.now() - 60_000).toISOString()
      const text = `Answer ${i}: `.padEnd(3000, 'भारत और रूस ')
      const added = await writing.submit({ source: { kind: 'own', prompt: 'Critically examine the crash test.', marks: 15 }, onPaper: false, text, startedAt })
      say(`ack add ${added.id}`)
    }
  }
}

if (mode === 'append') {
  // The journals' path: each acknowledged counter is appended in place; every
  // 25th goes through a whole-file update() instead, so both paths are cut.
  const store = await openAppendableJsonStore<AppendData, 'entries'>({
    dir,
    ...APPEND_STORE,
    schema: AppendSchema,
    defaults: appendDefaults,
    appendTo: 'entries'
  })
  for (const notice of store.notices) say(`notice ${JSON.stringify(notice)}`)
  const last = (): number => store.data.entries.at(-1) ?? 0
  say(`ready ${last()}`)
  for (let round = 1; ; round++) {
    let mine = 0
    if (round % 25 === 0) {
      await store.update((d) => {
        mine = (d.entries.at(-1) ?? 0) + 1
        d.entries.push(mine)
      })
    } else {
      await store.append((d) => [(mine = (d.entries.at(-1) ?? 0) + 1)])
    }
    say(`ack ${mine}`)
  }
}

const store = await openJsonStore<CrashData>({ dir, ...CRASH_STORE, schema: CrashSchema, defaults: crashDefaults, validateWrites: true })
for (const notice of store.notices) say(`notice ${JSON.stringify(notice)}`)
say(`ready ${store.data.counter}`)

const bump = (): Promise<number> => {
  let mine = 0
  return store
    .update((d) => {
      mine = ++d.counter
      d.recent.push(mine)
      if (d.recent.length > 20) d.recent.shift()
      while (d.payload.length < 150) d.payload.push('')
      d.payload[mine % 150] = `${mine}:`.padEnd(2000, String.fromCharCode(97 + (mine % 26)))
    })
    .then(() => mine)
}

// Alternate single awaited updates with small un-awaited bursts, so both the
// plain path and the coalescing path are under the knife.
for (let round = 0; ; round++) {
  const burst = round % 3 === 0 ? 3 : 1
  const acks = await Promise.all(Array.from({ length: burst }, bump))
  for (const ack of acks) say(`ack ${ack}`)
}
