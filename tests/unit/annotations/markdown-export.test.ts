// Why: the export is how notes leave the app, so it must hold every quote and
// note in reading order, keep orphans, and never turn a note into HTML.
import { readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { blockquote, escapeLine, fenced } from '../../../src/main/services/annotations/markdown-export'
import { openWith, removeDir, tempDir, twoSectionPack } from './helpers'

let dir: string
beforeEach(async () => {
  dir = await tempDir()
})
afterEach(async () => {
  await removeDir(dir)
})

const HOSTILE = [
  '<script>alert("x")</script>',
  '<img src=x onerror="alert(1)">',
  '[click me](javascript:alert(1)) and <javascript:alert(2)>',
  '```',
  '# not a heading',
  '&lt; stays &amp; as typed'
].join('\n')

/** What a Markdown viewer would read as markup: everything outside fenced code blocks. */
function outsideFences(markdown: string): string {
  const lines = markdown.split('\n')
  const kept: string[] = []
  let fence: string | null = null
  for (const line of lines) {
    const open = /^(`{3,})/.exec(line)
    if (fence === null && open) fence = open[1]!
    else if (fence !== null && line === fence) fence = null
    else if (fence === null) kept.push(line)
  }
  return kept.join('\n')
}

describe('markdown export', () => {
  it('groups by section in pack order with quote and note, orphans under their own heading', async () => {
    const service = await openWith(dir, [twoSectionPack()])
    await service.add({ packId: 'tiny', blockId: 'blk-c', selector: { exact: 'ratified by Russia' }, color: 'green', note: 'Dec 2025' })
    await service.add({ packId: 'tiny', blockId: 'blk-b', selector: { exact: 'Second point' }, color: 'blue' })
    await service.add({ packId: 'tiny', blockId: 'blk-a', selector: { exact: 'New Delhi' }, color: 'yellow', note: 'venue' })
    const gone = await service.add({ packId: 'tiny', blockId: 'blk-a', selector: { exact: 'met in' }, color: 'pink', note: 'edited away' })

    const v2 = twoSectionPack()
    v2.sections[0]!.blocks[0]!.text = 'India and Russia talked in New Delhi.'
    const { fileName, markdown } = (await openWith(dir, [v2])).export('tiny')
    expect(fileName).toBe('tiny-annotations-2026-11-02.md')
    expect(markdown).toBe(
      [
        '# Annotations: Tiny pack',
        '',
        '4 annotations (1 orphaned) · exported 2026-11-02 · pack version 1.0.0, as of 2026-11-01',
        '',
        '## One',
        '',
        '> New Delhi',
        '',
        'Yellow highlight',
        '',
        '```text\nvenue\n```',
        '',
        '> Second point',
        '',
        'Blue highlight',
        '',
        '## Two',
        '',
        '> ratified by Russia',
        '',
        'Green highlight · Logistics',
        '',
        '```text\nDec 2025\n```',
        '',
        '## Orphaned annotations',
        '',
        'The pack no longer has the text these were made on. They are kept exactly as made.',
        '',
        '> met in',
        '',
        'Pink highlight · the words are no longer in block blk-a of "One"',
        '',
        '```text\nedited away\n```',
        ''
      ].join('\n')
    )
    expect(gone.id).toBeTruthy()
  })

  it('stores and exports hostile notes verbatim as text, never as HTML', async () => {
    const service = await openWith(dir, [twoSectionPack()])
    const added = await service.add({ packId: 'tiny', blockId: 'blk-a', selector: { exact: 'India' }, color: 'yellow', note: HOSTILE })
    expect(added.note).toBe(HOSTILE)
    const journal = JSON.parse(await readFile(join(dir, 'annotations-journal.json'), 'utf8')).data
    expect(journal.entries[0].annotation.note).toBe(HOSTILE)
    expect((await openWith(dir, [twoSectionPack()])).list('tiny')[0]!.note).toBe(HOSTILE)

    const { markdown } = service.export('tiny')
    expect(markdown).toContain(`\`\`\`\`text\n${HOSTILE}\n\`\`\`\``)
    const prose = outsideFences(markdown)
    expect(prose).not.toMatch(/(?<!\\)</)
    expect(prose).not.toContain('javascript:')
    expect(prose).not.toContain('# not a heading')
  })

  it('escapes markup in quotes line by line', () => {
    expect(blockquote('a <b>bold</b> [link](x)\n\n# two')).toBe('> a \\<b\\>bold\\</b\\> \\[link\\](x)\n>\n> \\# two')
    expect(escapeLine('1. first')).toBe('1\\. first')
    expect(escapeLine('- item')).toBe('\\- item')
    expect(fenced('a ```` b')).toBe('`````text\na ```` b\n`````')
  })
})
