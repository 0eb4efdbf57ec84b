// Why: the child half of the crash test. It writes as fast as it can and
// prints each counter only after update() resolved, so the parent knows
// exactly which writes were promised to be on disk when it pulls the plug.
//   node --import tsx tests/crash/writer.ts <dir> [rewrite|append]
import { openAppendableJsonStore, openJsonStore } from '../../src/main/services/store/json-store'
import { APPEND_STORE, AppendSchema, appendDefaults, CRASH_STORE, CrashSchema, crashDefaults, type AppendData, type CrashData } from './schema'

const dir = process.argv[2]
const mode = process.argv[3] ?? 'rewrite'
if (!dir || (mode !== 'rewrite' && mode !== 'append')) throw new Error('usage: writer.ts <dir> [rewrite|append]')

if (mode === 'append') {
  // The journals' path: each acknowledged counter is appended in place; every
  // 25th goes through a whole-file update() instead, so both paths are cut.
  const store = await openAppendableJsonStore<AppendData, 'entries'>({ dir, ...APPEND_STORE, schema: AppendSchema, defaults: appendDefaults, appendTo: 'entries' })
  for (const notice of store.notices) process.stdout.write(`notice ${JSON.stringify(notice)}\n`)
  const last = (): number => store.data.entries.at(-1) ?? 0
  process.stdout.write(`ready ${last()}\n`)
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
    process.stdout.write(`ack ${mine}\n`)
  }
}

const store = await openJsonStore<CrashData>({ dir, ...CRASH_STORE, schema: CrashSchema, defaults: crashDefaults, validateWrites: true })
for (const notice of store.notices) process.stdout.write(`notice ${JSON.stringify(notice)}\n`)
process.stdout.write(`ready ${store.data.counter}\n`)

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
  for (const ack of acks) process.stdout.write(`ack ${ack}\n`)
}
