// Why: the E2E sits a full 100-question paper on the bundled pack plus the
// committed fixture pack, so that file must be a valid pack and exactly what
// the generator makes (regenerate it from E2E_FIXTURE_PACK if this fails).
import { readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { eligibleQuestions } from '../../../src/main/services/prelims/prelims-questions'
import { PackSchema } from '../../../src/shared/pack/schema'
import { E2E_FIXTURE_PACK, generatedPack } from '../fixtures/prelims-packs'

describe('the E2E fixture pack', () => {
  it('is valid, matches the generator, and holds 70 questions a paper can use', async () => {
    const text = await readFile(join(import.meta.dirname, '../../fixtures/prelims-pack/pack.json'), 'utf8')
    const pack = PackSchema.parse(JSON.parse(text))
    expect(pack).toEqual(generatedPack(E2E_FIXTURE_PACK))
    expect(eligibleQuestions([pack])).toHaveLength(70)
  })
})
