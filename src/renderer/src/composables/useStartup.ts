// Why: the order the app needs its data in at launch. Settings and notices do
// not wait for the packs; progress loads as soon as the list names its pack. Main's
// notices are asked for again while the app runs, so one raised later shows.
import { onMounted, onUnmounted } from 'vue'
import { useLibraryStore } from '@renderer/stores/library'
import { useNoticesStore } from '@renderer/stores/notices'
import { useProgressStore } from '@renderer/stores/progress'
import { useSettingsStore } from '@renderer/stores/settings'

export async function startApp(): Promise<void> {
  const library = useLibraryStore()
  const progress = useProgressStore()
  const settings = useSettingsStore()
  // The settings name the pack open last time; they are asked beside the pack list, not before it.
  const settingsReady = settings.load()
  const lastPack = settingsReady.then(() => settings.settings.lastPackId)
  // Where the student left off loads beside the pack, not after it.
  const packReady = library.load((packId) => progress.ensureLoaded(packId), lastPack)
  await Promise.all([settingsReady, useNoticesStore().load(), packReady])
}

export function useStartup(): void {
  let stopFollowing: (() => void) | undefined
  onMounted(() => {
    void startApp()
    stopFollowing = useNoticesStore().follow()
  })
  onUnmounted(() => stopFollowing?.())
}
