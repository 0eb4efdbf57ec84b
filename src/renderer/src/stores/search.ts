// Why: Ctrl/Cmd+K search over the open pack's (or every pack's) text, glossary,
// questions and the student's own notes. Answers can come back out of order while the
// student types, so only the answer to the latest query is kept.
import { defineStore } from 'pinia'
import { ref } from 'vue'
import { api } from '@renderer/api'
import { t } from '@renderer/i18n'
import { SEARCH_QUERY_MAX, type SearchResult } from '@shared/domain/search'
import { useNoticesStore } from './notices'
export const SEARCH_LIMIT = 30

/** The open pack only, or every installed pack. */
export type SearchScope = 'pack' | 'all'

export const useSearchStore = defineStore('search', () => {
  const query = ref('')
  const scope = ref<SearchScope>('pack')
  /** The query the shown results answer. */
  const answered = ref('')
  const results = ref<SearchResult[]>([])
  const active = ref(0)
  const searching = ref(false)
  /** Bumped by the shortcut so an open search view puts the cursor back in the box. */
  const focusRequests = ref(0)
  let latest = 0

  async function run(text: string, packId?: string): Promise<void> {
    const ask = ++latest
    const trimmed = text.trim().slice(0, SEARCH_QUERY_MAX)
    if (trimmed === '') {
      results.value = []
      answered.value = ''
      active.value = 0
      searching.value = false
      return
    }
    searching.value = true
    try {
      const found = await api['search:query']({ query: trimmed, limit: SEARCH_LIMIT, ...(packId ? { packId } : {}) })
      if (ask !== latest) return
      results.value = Array.isArray(found) ? found : []
      answered.value = trimmed
      active.value = 0
    } catch (err) {
      if (ask === latest) useNoticesStore().reportError(err, () => t('search.actions.search'))
    } finally {
      if (ask === latest) searching.value = false
    }
  }

  function move(step: number): void {
    const n = results.value.length
    if (n === 0) return
    active.value = (active.value + step + n) % n
  }

  function requestFocus(): void {
    focusRequests.value += 1
  }

  return { query, scope, answered, results, active, searching, focusRequests, run, move, requestFocus }
})
