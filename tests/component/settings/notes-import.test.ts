// Why: a notes file becomes a pack only after the student has seen what it
// becomes: the preview shows sections, cards, tables and warnings (and, for
// an update, what changes) and nothing reaches notes:import until Create /
// Update is chosen; a cancel, a refusal from main, a file too big or not a
// notes file each leave the packs exactly as they were.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import type { NotesPreview } from '@shared/domain/notes'
import { ApiError } from '@shared/result'
import { api, main, resetApi } from '../helpers/fake-api'
import { mountApp, settle, type MountedApp } from '../helpers/mount-app'
import { allByRole, getByRole } from '../helpers/roles'
import { fakeDataChannels, MB, pickFile } from './fake-data'

vi.mock('@renderer/api', () => import('../helpers/fake-api'))

let app: MountedApp | null = null

const NOTES = '# Polity\n\n## Rajya Sabha\n\nThe {{c1::Vice-President}} chairs it.\n\nTerm::six years\n'

function preview(patch: Partial<NotesPreview> = {}): NotesPreview {
  return {
    packId: 'polity',
    title: 'Polity',
    asOf: '2026-11-30',
    sections: [
      { id: 'rajya-sabha', title: 'Rajya Sabha', blocks: 2, cards: 2 },
      { id: 'lok-sabha', title: 'Lok Sabha', blocks: 3, cards: 1 }
    ],
    cards: { cloze: 1, flashcard: 2 },
    cardSyntax: { cloze: 1, basic: 2 },
    tables: [{ id: 'houses-table', title: 'Houses compared', rows: 4, columns: 3 }],
    sources: 1,
    warnings: [{ line: 7, message: 'An image was left out; its alt text stays.' }],
    ...patch
  }
}

function fakeNotesChannels(): void {
  api['notes:preview'].mockReset().mockImplementation(async (input) =>
    input.replacePackId
      ? preview({
          packId: input.replacePackId,
          title: 'My notes',
          update: {
            byKind: {
              sections: { added: [], changed: [], removed: [] },
              blocks: { added: [], changed: ['rajya-sabha-abc'], removed: [] },
              tables: { added: [], changed: [], removed: [] },
              rows: { added: [], changed: [], removed: [] },
              questions: { added: ['card-new'], changed: [], removed: [] },
              sources: { added: [], changed: [], removed: [] }
            },
            unchanged: 7
          }
        })
      : preview()
  )
  api['notes:import'].mockReset().mockImplementation(async (input) => {
    const shown = await api['notes:preview'].getMockImplementation()!(input)
    const pack = { ...main.list.packs[0]!, id: shown.packId, title: shown.title, source: 'imported' as const }
    main.list = { ...main.list, packs: [...main.list.packs.filter((p) => p.id !== pack.id), pack] }
    return { pack, preview: shown }
  })
}

beforeEach(() => {
  resetApi()
  fakeDataChannels()
  fakeNotesChannels()
})
afterEach(() => {
  app?.wrapper.unmount()
  app = null
})

async function until(check: () => boolean): Promise<void> {
  for (let i = 0; i < 50 && !check(); i++) {
    await settle()
    await new Promise((r) => setTimeout(r, 5))
  }
  expect(check()).toBe(true)
}

const region = () => getByRole(document.body, 'region', 'Notes packs')
const installed = () => getByRole(region(), 'list', 'Installed notes packs')
const newInput = () => region().querySelector<HTMLInputElement>('input[aria-label="Notes file for a new pack"]')!
const said = () => [...region().querySelectorAll('[role="status"], [role="alert"]')].map((s) => s.textContent?.trim()).join(' ')
const previewRegion = (name: string | RegExp) => getByRole(region(), 'region', name)

describe('Settings → Notes packs → New pack from notes…', () => {
  it('previews the file, saves nothing until Create pack, then lists the pack and focuses its Open button', async () => {
    app = await mountApp('/settings')
    getByRole(region(), 'button', 'New pack from notes…')
    pickFile(newInput(), 'polity.md', NOTES)
    await until(() => allByRole(region(), 'region', 'Preview of polity.md').length === 1)
    const shown = previewRegion('Preview of polity.md')
    expect(document.activeElement).toBe(shown)
    expect(api['notes:preview']).toHaveBeenCalledWith({ fileName: 'polity.md', content: NOTES })
    expect(api['notes:import']).not.toHaveBeenCalled()
    const text = shown.textContent!.replace(/\s+/g, ' ')
    expect(text).toContain('The pack “Polity” (id polity, as of 2026-11-30): 2 sections, 3 cards, 1 table, 1 source.')
    expect(getByRole(shown, 'list', 'Sections (2)').textContent).toContain('Rajya Sabha: 2 blocks, 2 cards')
    const cards = getByRole(shown, 'list', 'Cards (3)').textContent!
    expect(cards).toContain('Fill in the blank: 1')
    expect(cards).toContain('Flashcard: 2')
    expect(text).toContain('As written: 1 × cloze {{c1::…}}, 2 × Question::Answer.')
    expect(getByRole(shown, 'list', 'Tables (1)').textContent).toContain('Houses compared: 4 rows × 3 columns')
    expect(getByRole(shown, 'list', 'Warnings (1)').textContent).toContain('Line 7: An image was left out')
    expect(installed().textContent).not.toContain('Polity')

    getByRole(shown, 'button', 'Create pack').click()
    await until(() => said().includes('Created “Polity”'))
    expect(api['notes:import']).toHaveBeenCalledExactlyOnceWith({ fileName: 'polity.md', content: NOTES })
    expect(said()).toContain('Created “Polity” from polity.md: 2 sections, 3 cards.')
    expect(allByRole(region(), 'region', 'Preview of polity.md')).toHaveLength(0)
    expect(installed().textContent).toContain('Polity')
    await until(() => document.activeElement === getByRole(installed(), 'button', 'Open Polity in Read'))
  })

  it('Cancel (or Escape) sends nothing to notes:import, says so, and puts focus back on the button', async () => {
    app = await mountApp('/settings')
    pickFile(newInput(), 'polity.md', NOTES)
    await until(() => allByRole(region(), 'region', 'Preview of polity.md').length === 1)
    getByRole(previewRegion('Preview of polity.md'), 'button', 'Cancel').click()
    await settle()
    expect(allByRole(region(), 'region', 'Preview of polity.md')).toHaveLength(0)
    expect(said()).toContain('Cancelled: nothing from polity.md was saved.')
    expect(document.activeElement).toBe(getByRole(region(), 'button', 'New pack from notes…'))

    pickFile(newInput(), 'polity.md', NOTES)
    await until(() => allByRole(region(), 'region', 'Preview of polity.md').length === 1)
    previewRegion('Preview of polity.md').dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', bubbles: true }))
    await settle()
    expect(allByRole(region(), 'region', 'Preview of polity.md')).toHaveLength(0)
    expect(api['notes:import']).not.toHaveBeenCalled()
    expect(main.list.packs.map((p) => p.id)).toEqual(['fixture'])
  })

  it('shows main’s refusal with its line, and no preview or import follows', async () => {
    api['notes:preview'].mockRejectedValueOnce(
      new ApiError({ code: 'bad-pack', message: 'The id ^rs is used on line 4 and again on line 9.', issues: [{ path: 'line 9', message: 'x' }] })
    )
    app = await mountApp('/settings')
    pickFile(newInput(), 'polity.md', NOTES)
    await until(() => region().querySelector('[role="alert"]') !== null)
    expect(region().querySelector('[role="alert"]')!.textContent).toContain('The id ^rs is used on line 4 and again on line 9.')
    expect(allByRole(region(), 'region', /^Preview of/)).toHaveLength(0)
    expect(api['notes:import']).not.toHaveBeenCalled()
  })

  it('refuses a 50 MB file and a file that is not notes before reading or sending a byte', async () => {
    app = await mountApp('/settings')
    pickFile(newInput(), 'huge.md', '# x', 50 * MB)
    await until(() => said().includes('too large'))
    expect(said()).toContain('huge.md is too large (50.0 MB; the limit is 8 MB). Split your notes into several files.')

    pickFile(newInput(), 'scan.pdf', '%PDF-1.7')
    await until(() => said().includes('scan.pdf'))
    expect(said()).toContain('scan.pdf is not a notes file. Choose a Markdown (.md, .markdown), text (.txt) or Word (.docx) file.')
    expect(api['notes:preview']).not.toHaveBeenCalled()
    expect(api['notes:import']).not.toHaveBeenCalled()
    expect(main.list.packs.map((p) => p.id)).toEqual(['fixture'])
  })

  it('sends a Word file as base64', async () => {
    app = await mountApp('/settings')
    pickFile(newInput(), 'polity.docx', 'PK\u0003\u0004word')
    await until(() => api['notes:preview'].mock.calls.length === 1)
    expect(api['notes:preview']).toHaveBeenCalledWith({ fileName: 'polity.docx', content: btoa('PK\u0003\u0004word') })
  })
})

describe('Settings → Notes packs → Update from file…', () => {
  const imported = () => ({ ...main.list.packs[0]!, id: 'my-notes', title: 'My notes', source: 'imported' as const })
  const updateInput = () => region().querySelector<HTMLInputElement>('input[aria-label="Edited notes file for My notes"]')!
  const PREVIEW = 'Update “My notes” from my-notes.md'

  beforeEach(() => {
    main.list = { ...main.list, packs: [...main.list.packs, imported()] }
  })

  it('is offered on imported packs only', async () => {
    app = await mountApp('/settings')
    expect(allByRole(region(), 'button', /from file$/).map((b) => b.getAttribute('aria-label'))).toEqual(['Update My notes from file'])
  })

  it('shows what the update adds and changes, and updates the same pack only after confirming', async () => {
    app = await mountApp('/settings')
    pickFile(updateInput(), 'my-notes.md', NOTES)
    await until(() => allByRole(region(), 'region', PREVIEW).length === 1)
    const shown = previewRegion(PREVIEW)
    expect(document.activeElement).toBe(shown)
    expect(api['notes:preview']).toHaveBeenCalledWith({ fileName: 'my-notes.md', content: NOTES, replacePackId: 'my-notes' })
    const changes = getByRole(shown, 'list', 'What the update changes').textContent!.replace(/\s+/g, ' ')
    expect(changes).toContain('Added: 1 card')
    expect(changes).toContain('Changed: 1 block')
    expect(changes).toContain('Unchanged: 7 items, with their highlights and reviews as they are.')
    expect(changes).not.toContain('Removed')
    expect(api['notes:import']).not.toHaveBeenCalled()
    // The pack cannot be removed from under its own update.
    expect(getByRole(region(), 'button', 'Remove My notes').hasAttribute('disabled')).toBe(true)

    getByRole(shown, 'button', 'Update the pack').click()
    await until(() => said().includes('Updated “My notes”'))
    expect(api['notes:import']).toHaveBeenCalledExactlyOnceWith({ fileName: 'my-notes.md', content: NOTES, replacePackId: 'my-notes' })
    expect(said()).toContain('Updated “My notes” from my-notes.md: 1 card added; 1 block changed. Highlights and reviews on what stayed are kept.')
    expect(main.list.packs.map((p) => p.id)).toEqual(['fixture', 'my-notes'])
    expect(document.activeElement).toBe(getByRole(region(), 'button', 'Update My notes from file'))
  })

  it('a cancelled update sends nothing', async () => {
    app = await mountApp('/settings')
    pickFile(updateInput(), 'my-notes.md', NOTES)
    await until(() => allByRole(region(), 'region', PREVIEW).length === 1)
    getByRole(previewRegion(PREVIEW), 'button', 'Cancel').click()
    await settle()
    expect(allByRole(region(), 'region', PREVIEW)).toHaveLength(0)
    expect(said()).toContain('Cancelled: nothing from my-notes.md was saved.')
    expect(api['notes:import']).not.toHaveBeenCalled()
  })
})

describe('Leaving Settings with a preview open', () => {
  it('drops the preview unsaved, and says so on the next visit', async () => {
    app = await mountApp('/settings')
    pickFile(newInput(), 'polity.md', NOTES)
    await until(() => allByRole(region(), 'region', 'Preview of polity.md').length === 1)
    await app.router.push('/dashboard')
    await settle()
    await app.router.push('/settings')
    await until(() => said().includes('Cancelled: nothing from polity.md was saved.'))
    expect(allByRole(region(), 'region', 'Preview of polity.md')).toHaveLength(0)
    expect(api['notes:import']).not.toHaveBeenCalled()
  })
})
