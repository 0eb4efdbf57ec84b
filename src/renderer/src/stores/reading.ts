// Why: "take me there" from the annotations panel or search. The target is
// kept here until the reader has drawn it (a section may still be loading, or
// the highlights not yet listed), then focused once; a second jump to the
// same place works too, which a URL alone could not do.
import { defineStore } from 'pinia'
import { ref } from 'vue'
import type { RouteLocationRaw, Router } from 'vue-router'
import type { Pack } from '@shared/pack/schema'
import type { SearchResult } from '@shared/domain/search'
import { useProgressStore } from './progress'

export type JumpKind = 'annotation' | 'block' | 'term'

export interface JumpTarget {
  kind: JumpKind
  id: string
  /** The section the target is drawn in; the reader acts once that section is on screen. */
  sectionId: string
  /** Distinguishes two jumps to the same place. */
  seq: number
}

/** Ids of the elements the reader draws for each kind of target. */
export const targetDomId = (kind: JumpKind, id: string): string =>
  kind === 'annotation' ? `mark-${id}` : kind === 'block' ? `block-${id}` : `glossary-term-${id}`

let seq = 0

export const useReadingStore = defineStore('reading', () => {
  const target = ref<JumpTarget | null>(null)

  /** Opens the section (or, with none, the one being read) and asks the reader to focus the target. */
  async function jump(router: Router, pack: Pack, sectionId: string | undefined, kind: JumpKind, id: string): Promise<void> {
    const current = router.currentRoute.value
    const reading = current.name === 'read' && typeof current.params.sectionId === 'string' ? current.params.sectionId : undefined
    const saved = useProgressStore().of(pack.id)?.location?.sectionId
    const section = sectionId ?? reading ?? saved ?? pack.sections[0]?.id
    if (!section) return
    target.value = { kind, id, sectionId: section, seq: ++seq }
    const to: RouteLocationRaw = { name: 'read', params: { sectionId: section } }
    if (reading !== section) await router.push(to)
  }

  /** Where a search hit lives: blocks and notes by their section, a question by the first block it tests. */
  async function jumpToResult(router: Router, pack: Pack, hit: SearchResult): Promise<void> {
    if (hit.kind === 'annotation') return jump(router, pack, hit.sectionId, 'annotation', hit.id)
    if (hit.kind === 'block') return jump(router, pack, hit.sectionId, 'block', hit.blockId ?? hit.id)
    if (hit.kind === 'glossary') return jump(router, pack, undefined, 'term', hit.id)
    const question = pack.questions.find((q) => q.id === hit.id)
    for (const ref of question?.tests ?? []) {
      const section = pack.sections.find((s) => s.blocks.some((b) => b.id === ref))
      if (section) return jump(router, pack, section.id, 'block', ref)
    }
    // A question about table cells only: it is practised in Self-test.
    await router.push({ name: 'self-test' })
  }

  function done(seen: JumpTarget): void {
    if (target.value?.seq === seen.seq) target.value = null
  }

  return { target, jump, jumpToResult, done }
})
