// Why: in both drills, focus must follow the card, so a keyboard or
// screen-reader user hears each new prompt; the start button that had focus is
// gone once the first card shows.
import { nextTick, onMounted, ref, watch, type Ref } from 'vue'
import { useDrillStore } from '@renderer/stores/drill'

export function useFocusOnCard(): Ref<HTMLElement | null> {
  const drill = useDrillStore()
  const prompt = ref<HTMLElement | null>(null)
  onMounted(() => prompt.value?.focus())
  watch(
    () => drill.index,
    async () => {
      await nextTick()
      prompt.value?.focus()
    }
  )
  return prompt
}
