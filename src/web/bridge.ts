// Why: builds the /__bridge.js the host serves, from the hand-written
// bridge-client.js plus the contract's channel list, so `window.api` in the
// browser has exactly the keys of the Electron preload with no build step.
import { readFileSync } from 'node:fs'
import { CHANNELS } from '../shared/channels'

const PLACEHOLDER = '/*__REVISION_DESK_CHANNELS__*/ []'

export function bridgeScript(channels: readonly string[] = CHANNELS): string {
  const template = readFileSync(new URL('./bridge-client.js', import.meta.url), 'utf8')
  if (!template.includes(PLACEHOLDER)) throw new Error('bridge-client.js has lost its channel placeholder')
  // JSON of plain channel names; `<` is escaped anyway so the list can never close a tag.
  return template.replace(PLACEHOLDER, JSON.stringify(channels).replace(/</g, '\\u003c'))
}
