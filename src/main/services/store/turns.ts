// Why: work split into slices (opening a big file, building the search index)
// gives the event loop back between slices so IPC answers are never held up
// for long. When several such jobs run at once (the 16 annotation parts open
// together at start), each pausing with its own setImmediate would still run
// one slice of every job in the same turn of the loop. This queue lets one
// slice through per turn, whoever asks.
const waiting: (() => void)[] = []
let scheduled = false

function releaseOne(): void {
  const next = waiting.shift()
  if (waiting.length > 0) setImmediate(releaseOne)
  else scheduled = false
  next?.()
}

/** Resolves in a later turn of the event loop, after every slice queued before it. */
export function nextSlice(): Promise<void> {
  return new Promise<void>((resolve) => {
    waiting.push(resolve)
    if (!scheduled) {
      scheduled = true
      setImmediate(releaseOne)
    }
  })
}
