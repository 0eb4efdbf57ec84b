// Why: Settings' file actions (a pack file, a notes file, an Anki deck) share
// one shape: one at a time, a step shown while it runs, and a message after,
// its own or the failure's. Each store says only what its failure reads like.
import { ref, type Ref } from 'vue'
import type { FileStep } from '@renderer/lib/read-file'

export function useFileTask<M>() {
  const busy = ref(false)
  const step = ref<FileStep | null>(null)
  const message = ref(null) as Ref<M | null>

  /** Runs `task` unless one is already running; `start` runs first once it may go, and `failed` words what the task threw. */
  async function run(task: () => Promise<void>, failed: (err: unknown) => M, start?: () => void): Promise<void> {
    if (busy.value) return
    busy.value = true
    message.value = null
    start?.()
    try {
      await task()
    } catch (err) {
      message.value = failed(err)
    } finally {
      busy.value = false
      step.value = null
    }
  }

  return { busy, step, message, run }
}
