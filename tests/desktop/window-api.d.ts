// Why: the spec calls window.api inside the page; this types it loosely, since
// the lane checks the bridge's keys against the contract at run time.
type LaneResult = { ok: boolean; value?: any; error?: { code: string; message?: string } }

declare global {
  interface Window {
    api: Record<'app:info' | 'packs:list' | 'packs:get' | 'settings:get' | 'settings:update', (input?: unknown) => Promise<LaneResult>>
  }
}

export {}
