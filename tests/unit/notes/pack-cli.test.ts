// Why: people who share packs build them with `npm run pack -- build`; the
// pack.json it writes must be the one the app would make and must import in
// the app, and a bad file must write nothing.
import { existsSync } from 'node:fs'
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { runPackCli } from '../../../scripts/pack'
import { PackSchema } from '../../../src/shared/pack/schema'
import { makeDirs, openApp, removeDirs, type Dirs } from '../data/helpers'

const sample = resolve(__dirname, '../../../docs/sample-notes.md')
let work: string
let dirs: Dirs
beforeEach(async () => {
  work = await mkdtemp(join(tmpdir(), 'rd-pack-cli-'))
  dirs = await makeDirs()
})
afterEach(async () => {
  await rm(work, { recursive: true, force: true })
  await removeDirs(dirs)
})

function cli(args: string[]) {
  const out: string[] = []
  const err: string[] = []
  return runPackCli(
    args,
    (l) => out.push(l),
    (l) => err.push(l)
  ).then((code) => ({ code, out, err }))
}

describe('npm run pack', () => {
  it('build writes DIR/pack.json that the app imports as it is', async () => {
    const { code, out, err } = await cli(['build', sample, '--out', join(work, 'out')])
    expect(code).toBe(0)
    expect(out[0]).toMatch(/wrote .*pack\.json: “Parliament of India — sample notes” \(sample-parliament-notes\), 3 sections, 1 tables/)
    expect(err).toEqual([
      'warning (line 93): HTML in the text is kept as text, never run',
      'warning (line 95): HTML is not run or shown as a page; it is kept as text'
    ])
    const text = await readFile(join(work, 'out', 'pack.json'), 'utf8')
    expect(PackSchema.safeParse(JSON.parse(text)).success).toBe(true)
    const app = await openApp(dirs)
    try {
      const summary = await app.handlers['packs:import']({ fileName: 'pack.json', content: text })
      expect(summary).toMatchObject({ id: 'sample-parliament-notes', counts: { sections: 3, questions: 10, tables: 1 } })
    } finally {
      await app.close()
    }
  })

  it('a bad file exits 1 with the line and writes nothing', async () => {
    await writeFile(join(work, 'dup.md'), '# D\n\n## S\n\nA ^x\n\nB ^x\n')
    const { code, err } = await cli(['build', join(work, 'dup.md'), '--out', join(work, 'out')])
    expect(code).toBe(1)
    expect(err).toEqual(['error (line 7): The id ^x is used on line 5 and again on line 7. Each ^id must be unique; rename one.'])
    expect(existsSync(join(work, 'out'))).toBe(false)
  })

  it('a wrong call prints the usage (exit 2)', async () => {
    expect(await cli(['anki', 'p.json'])).toMatchObject({ code: 2 })
    expect(await cli(['frobnicate', 'd.apkg', '--out', 'x'])).toMatchObject({ code: 2 })
    expect(await cli(['build', sample])).toMatchObject({ code: 2, err: [expect.stringMatching(/^usage: npm run pack -- build/)] })
  })
})
