// The bench puts each long stall down to the measured work, to other code on
// the loop, or to a machine that did not run us. These tests make a stall of
// each kind on purpose and check the probe names it.
import { describe, expect, it } from 'vitest'
import { idleStallMs, longest, startStallProbe } from '../../../bench/stall-probe'

const spin = (ms: number): void => {
  const until = performance.now() + ms
  while (performance.now() < until);
}
const turn = (): Promise<void> => new Promise((resolve) => setTimeout(resolve, 5))

describe('stall probe', () => {
  it('sees a stall the work made, and counts it as the work', async () => {
    const probe = startStallProbe()
    await turn()
    probe.workStarted()
    spin(80)
    probe.workEnded()
    await turn()
    const { maxMs, stalls } = probe.stop()
    const [stall] = longest(stalls, 1)
    expect(maxMs).toBeGreaterThanOrEqual(80)
    expect(stall!.wallMs).toBe(maxMs)
    expect(stall!.inWorkMs).toBeGreaterThanOrEqual(79)
    if (process.platform === 'linux') {
      // A runnable thread is either on a CPU or waiting for one.
      expect(stall!.onCpuMs! + stall!.waitingMs!).toBeGreaterThan(stall!.wallMs * 0.6)
      expect(stall!.onCpuMs! + stall!.waitingMs!).toBeLessThan(stall!.wallMs + 5)
    }
  })

  it('does not count a stall made outside the work as the work', async () => {
    const probe = startStallProbe()
    await turn()
    spin(60)
    await turn()
    const [stall] = longest(probe.stop().stalls, 1)
    expect(stall!.wallMs).toBeGreaterThanOrEqual(60)
    expect(stall!.inWorkMs).toBe(0)
  })

  it('puts a blocking sleep down to neither CPU nor waiting', async () => {
    if (process.platform !== 'linux') return
    const probe = startStallProbe()
    await turn()
    // Atomics.wait blocks the thread off the CPU, as a machine that does not run us would.
    Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 70)
    await turn()
    const [stall] = longest(probe.stop().stalls, 1)
    expect(stall!.wallMs).toBeGreaterThanOrEqual(70)
    expect(stall!.onCpuMs! + stall!.waitingMs!).toBeLessThan(stall!.wallMs / 2)
  })

  it('keeps the longest stalls, longest first', () => {
    const at = (wallMs: number) => ({ atMs: 0, wallMs, onCpuMs: 0, waitingMs: 0, stealMs: 0, inWorkMs: 0, gc: [] })
    expect(longest([at(30), at(90), at(20), at(60)], 2).map((s) => s.wallMs)).toEqual([90, 60])
  })

  it('measures an idle wait as short stalls only', async () => {
    expect(await idleStallMs(50)).toBeLessThan(1000)
  })
})
