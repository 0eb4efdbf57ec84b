// Why: a long gap between two turns of the main event loop has three possible
// owners, and only one of them is our code. This probe ticks every
// millisecond like monitorEventLoopDelay, and for each gap over a threshold it
// also reads the kernel's own account of the main thread (schedstat: time on a
// CPU, time waiting for one) and the host's steal counter, and how much of the
// gap the measured work itself ran. So a stall can be put down to the work,
// to other code on the same loop, or to a machine that did not run us.
import { readFileSync } from 'node:fs'
import { PerformanceObserver, performance, type PerformanceEntry } from 'node:perf_hooks'

export interface Stall {
  /** When the gap began, ms after the probe started. */
  atMs: number
  /** Wall time between two ticks, ms. */
  wallMs: number
  /** Of that, the main thread on a CPU (kernel schedstat), ms; null where the kernel does not say. */
  onCpuMs: number | null
  /** Of that, the main thread runnable but waiting for a CPU (kernel schedstat), ms. */
  waitingMs: number | null
  /** CPU time the hypervisor gave to other guests over the gap, all CPUs, ms (from /proc/stat). */
  stealMs: number | null
  /** Of that, time inside the measured work's own slices, ms. */
  inWorkMs: number
  /** Garbage collections that overlapped the gap: kind and ms. */
  gc: string[]
}

export interface StallProbe {
  /** Call as a slice of the measured work starts and ends, so gaps can be split. */
  workStarted(): void
  workEnded(): void
  stop(): { maxMs: number; stalls: Stall[] }
}

const TICK_HZ = 100 // USER_HZ, the unit of /proc/stat on Linux

function schedstat(path: string): [number, number] | null {
  try {
    const [run, wait] = readFileSync(path, 'utf8').split(' ').map(Number)
    return run === undefined || wait === undefined || Number.isNaN(run) || Number.isNaN(wait) ? null : [run / 1e6, wait / 1e6]
  } catch {
    return null
  }
}

function stealTicks(): number | null {
  try {
    const cpu = readFileSync('/proc/stat', 'utf8').split('\n', 1)[0]!.trim().split(/\s+/)
    const steal = Number(cpu[8])
    return Number.isNaN(steal) ? null : steal
  } catch {
    return null
  }
}

const GC_KIND: Record<number, string> = { 1: 'minor', 2: 'major', 4: 'incremental', 8: 'weak-callbacks' }

/** Starts ticking now; `thresholdMs` is the smallest gap kept for attribution. */
export function startStallProbe(thresholdMs = 20): StallProbe {
  // thread-self, not self: the probe may run on a worker thread (as under the test runner).
  const path = '/proc/thread-self/schedstat'
  const gcs: PerformanceEntry[] = []
  const observer = new PerformanceObserver((list) => gcs.push(...list.getEntries()))
  observer.observe({ entryTypes: ['gc'] })
  const raw: Array<Omit<Stall, 'gc' | 'atMs'> & { start: number; end: number }> = []
  let inWork = 0
  let workSince: number | null = null
  const workSoFar = (now: number): number => inWork + (workSince === null ? 0 : now - workSince)
  let last = { at: performance.now(), sched: schedstat(path), steal: stealTicks(), work: 0 }
  let maxMs = 0
  const origin = last.at
  const tick = (): void => {
    const at = performance.now()
    const wall = at - last.at
    maxMs = Math.max(maxMs, wall)
    const now = { at, sched: schedstat(path), steal: stealTicks(), work: workSoFar(at) }
    if (wall >= thresholdMs)
      raw.push({
        start: last.at,
        end: at,
        wallMs: wall,
        onCpuMs: now.sched && last.sched ? now.sched[0] - last.sched[0] : null,
        waitingMs: now.sched && last.sched ? now.sched[1] - last.sched[1] : null,
        stealMs: now.steal !== null && last.steal !== null ? ((now.steal - last.steal) * 1000) / TICK_HZ : null,
        inWorkMs: now.work - last.work
      })
    last = now
  }
  const timer = setInterval(tick, 1)
  return {
    workStarted() {
      workSince = performance.now()
    },
    workEnded() {
      if (workSince !== null) inWork += performance.now() - workSince
      workSince = null
    },
    stop() {
      clearInterval(timer)
      tick()
      observer.disconnect()
      const round = (n: number | null): number | null => (n === null ? null : Math.round(n * 100) / 100)
      const stalls = raw.map(({ start, end, ...s }) => ({
        atMs: round(start - origin)!,
        wallMs: round(s.wallMs)!,
        onCpuMs: round(s.onCpuMs),
        waitingMs: round(s.waitingMs),
        stealMs: round(s.stealMs),
        inWorkMs: round(s.inWorkMs)!,
        gc: gcs
          .filter((g) => g.startTime < end && g.startTime + g.duration > start)
          .map((g) => `${GC_KIND[(g as PerformanceEntry & { detail?: { kind?: number } }).detail?.kind ?? 0] ?? 'gc'} ${Math.round(g.duration * 10) / 10}`)
      }))
      return { maxMs: Math.round(maxMs * 100) / 100, stalls }
    }
  }
}

/** The `count` longest stalls, longest first. */
export function longest(stalls: readonly Stall[], count = 3): Stall[] {
  return [...stalls].sort((a, b) => b.wallMs - a.wallMs).slice(0, count)
}

/** The longest stall over `ms` of doing nothing: what the machine's other load alone costs, to set beside a figure taken just before. */
export async function idleStallMs(ms: number): Promise<number> {
  const probe = startStallProbe()
  await new Promise((resolve) => setTimeout(resolve, ms))
  return probe.stop().maxMs
}
