// Why: the emulated-desktop lane runs the built out/main/index.js under plain
// Node; this swaps `import 'electron'` for the stand-in, and nothing else.
import { register } from 'node:module'

register('./resolve-electron.mjs', import.meta.url)
