// Why: after a mode change a screen-reader user should land on the new view's
// heading, not be left on a link that no longer says where they are.
import { nextTick, onScopeDispose } from 'vue'
import { useRouter } from 'vue-router'

export function useRouteFocus(): void {
  const router = useRouter()
  const stop = router.afterEach((to, from, failure) => {
    // The first load and changes inside a mode (e.g. section to section) keep their own focus.
    if (failure || !from.name || to.name === from.name) return
    void nextTick(() => {
      document.querySelector<HTMLElement>('main h1')?.focus()
    })
  })
  onScopeDispose(stop)
}
