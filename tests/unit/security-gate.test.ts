// Why: the raw-HTML scan is what stands in for Electronegativity on .vue
// files, so it must actually catch the sinks it claims to.
import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { findHtmlSinks } from '../tools/security-gate'

let dir: string
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'rd-sinks-'))
})
afterEach(async () => {
  await rm(dir, { recursive: true, force: true })
})

describe('raw HTML sink scan', () => {
  it.each([
    ['Note.vue', '<template><div v-html="note.text" /></template>'],
    ['note.ts', 'el.innerHTML = userText'],
    ['note2.ts', 'el.insertAdjacentHTML("beforeend", x)'],
    ['note3.ts', 'document.write(x)'],
    ['note4.ts', 'const f = new Function(code)']
  ])('flags %s', async (name, content) => {
    await writeFile(join(dir, name), content)
    expect(await findHtmlSinks(dir)).toHaveLength(1)
  })

  it('passes text interpolation', async () => {
    await writeFile(join(dir, 'Safe.vue'), '<template><p>{{ note.text }}</p></template>')
    expect(await findHtmlSinks(dir)).toEqual([])
  })

  it('finds none in src', async () => {
    expect(await findHtmlSinks(join(__dirname, '../../src'))).toEqual([])
  })
})
