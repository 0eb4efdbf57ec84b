// Why: a restore or reset replaces several files one after another. A review
// or highlight saved in between would land in a state that is about to be
// replaced (or rolled back), and be lost. So every ordinary call passes
// through this one app-wide gate, and a data operation runs alone: it waits
// for the calls already running to finish and holds new ones until it is done.
// The gate orders calls across services; each store orders its own writes.

export interface Gate {
  /** Runs an ordinary call; waits while a data operation runs or waits to run. */
  shared<T>(task: () => Promise<T>): Promise<T>
  /** Runs `task` with no other call in flight. Must not call through the gate itself. */
  exclusive<T>(task: () => Promise<T>): Promise<T>
}

export function createGate(): Gate {
  let active = 0
  /** Set while a data operation is waiting or running; resolves when it ends. */
  let held: Promise<void> | null = null
  let drained: (() => void) | null = null

  return {
    async shared(task) {
      while (held) await held
      active++
      try {
        return await task()
      } finally {
        active--
        if (active === 0) drained?.()
      }
    },
    async exclusive(task) {
      while (held) await held
      // Checked and set in one turn of the event loop, so two operations cannot both pass.
      let release: () => void = () => undefined
      held = new Promise<void>((resolve) => (release = resolve))
      try {
        if (active > 0) await new Promise<void>((resolve) => (drained = resolve))
        drained = null
        return await task()
      } finally {
        held = null
        release()
      }
    }
  }
}

/** Every handler of `handlers`, run as an ordinary call through `gate`. */
export function behindGate<H extends object>(handlers: H, gate: Gate): H {
  return Object.fromEntries(
    Object.entries(handlers).map(([channel, handler]) => [
      channel,
      (input: unknown) => gate.shared(() => (handler as (input: unknown) => Promise<unknown>)(input))
    ])
  ) as H
}
