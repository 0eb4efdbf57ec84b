// Why: the app-wide gate keeps ordinary calls out of a restore or reset; this
// pins the order it promises, on its own.
import { describe, expect, it } from 'vitest'
import { createGate } from '../../src/main/services/gate/app-gate'

describe('the gate', () => {
  it('runs a data operation alone: after the calls in flight, before the ones that arrive', async () => {
    const gate = createGate()
    const log: string[] = []
    let release: () => void = () => undefined
    const slow = gate.shared(async () => {
      log.push('slow start')
      await new Promise<void>((r) => (release = r))
      log.push('slow end')
    })
    const op = gate.exclusive(async () => {
      log.push('restore')
    })
    const later = gate.shared(async () => {
      log.push('later')
    })
    await Promise.resolve()
    release()
    await Promise.all([slow, op, later])
    expect(log).toEqual(['slow start', 'slow end', 'restore', 'later'])
  })
})
