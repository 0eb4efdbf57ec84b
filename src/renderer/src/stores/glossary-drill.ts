// Why: a quick Hindi ↔ English glossary drill, for the terms a Hindi-medium
// student must recognise in an English paper and write in a Hindi one. It is
// practice, not scheduled review: nothing is saved, so a drill never moves a
// card's FSRS state; the cards come from the pack's own Hindi fields.
import { defineStore } from 'pinia'
import { computed, ref } from 'vue'
import { drillCards, type DrillCard, type DrillDirection } from '@shared/domain/glossary-pairs'
import type { GlossaryEntry } from '@shared/pack/schema'

export type DrillChoice = DrillDirection | 'both'

const DIRECTIONS: Record<DrillChoice, DrillDirection[]> = { 'hi-en': ['hi-en'], 'en-hi': ['en-hi'], both: ['hi-en', 'en-hi'] }

/** A fair shuffle: a drill in glossary order is a drill in alphabetical order. */
function shuffled<T>(items: readonly T[], random: () => number): T[] {
  const out = [...items]
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1))
    ;[out[i], out[j]] = [out[j]!, out[i]!]
  }
  return out
}

export const useGlossaryDrillStore = defineStore('glossary-drill', () => {
  const cards = ref<DrillCard[]>([])
  const at = ref(0)
  const revealed = ref(false)
  const missed = ref<DrillCard[]>([])
  const running = ref(false)
  let random: () => number = Math.random

  const current = computed(() => (running.value ? (cards.value[at.value] ?? null) : null))
  const finished = computed(() => running.value && at.value >= cards.value.length)
  const knew = computed(() => at.value - missed.value.length)

  function begin(list: DrillCard[]): void {
    cards.value = shuffled(list, random)
    at.value = 0
    revealed.value = false
    missed.value = []
    running.value = list.length > 0
  }

  function start(glossary: readonly GlossaryEntry[], choice: DrillChoice): void {
    begin(drillCards(glossary, DIRECTIONS[choice]))
  }

  function reveal(): void {
    if (current.value) revealed.value = true
  }

  function mark(knewIt: boolean): void {
    const card = current.value
    if (!card || !revealed.value) return
    if (!knewIt) missed.value = [...missed.value, card]
    at.value += 1
    revealed.value = false
  }

  /** Another round with only the cards missed in this one. */
  function again(): void {
    begin(missed.value)
  }

  function stop(): void {
    running.value = false
    cards.value = []
    missed.value = []
    at.value = 0
    revealed.value = false
  }

  /** For tests: a fixed order. */
  function setRandom(next: () => number): void {
    random = next
  }

  return { cards, at, revealed, missed, running, current, finished, knew, start, reveal, mark, again, stop, setRandom }
})
