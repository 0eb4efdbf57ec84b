// Why: tests find things the way a screen reader does, by role and accessible
// name, so a renamed label breaks a test just as it would break a user.
const IMPLICIT: [string, (el: Element) => boolean][] = [
  ['link', (el) => el.tagName === 'A' && el.hasAttribute('href')],
  ['button', (el) => el.tagName === 'BUTTON'],
  ['navigation', (el) => el.tagName === 'NAV'],
  ['heading', (el) => /^H[1-6]$/.test(el.tagName)],
  ['article', (el) => el.tagName === 'ARTICLE'],
  ['complementary', (el) => el.tagName === 'ASIDE'],
  ['region', (el) => el.tagName === 'SECTION' && (el.hasAttribute('aria-label') || el.hasAttribute('aria-labelledby'))],
  ['list', (el) => el.tagName === 'UL' || el.tagName === 'OL'],
  ['listitem', (el) => el.tagName === 'LI'],
  ['table', (el) => el.tagName === 'TABLE'],
  ['columnheader', (el) => el.tagName === 'TH' && el.getAttribute('scope') === 'col'],
  ['rowheader', (el) => el.tagName === 'TH' && el.getAttribute('scope') === 'row'],
  ['cell', (el) => el.tagName === 'TD'],
  ['group', (el) => el.tagName === 'FIELDSET'],
  ['radio', (el) => el.tagName === 'INPUT' && (el as HTMLInputElement).type === 'radio'],
  ['checkbox', (el) => el.tagName === 'INPUT' && (el as HTMLInputElement).type === 'checkbox'],
  ['spinbutton', (el) => el.tagName === 'INPUT' && (el as HTMLInputElement).type === 'number'],
  ['textbox', (el) => el.tagName === 'TEXTAREA' || (el.tagName === 'INPUT' && (el as HTMLInputElement).type === 'text')],
  ['combobox', (el) => el.tagName === 'SELECT']
]

export function roleOf(el: Element): string | null {
  return el.getAttribute('role') ?? IMPLICIT.find(([, test]) => test(el))?.[0] ?? null
}

function visibleText(el: Element): string {
  let text = ''
  el.childNodes.forEach((node) => {
    if (node.nodeType === 3) text += node.textContent ?? ''
    else if (node instanceof Element && node.getAttribute('aria-hidden') !== 'true') text += visibleText(node)
  })
  return text
}

const norm = (s: string): string => s.replace(/\s+/g, ' ').trim()

export function nameOf(el: Element): string {
  const label = el.getAttribute('aria-label')
  if (label) return norm(label)
  const by = el.getAttribute('aria-labelledby')
  if (by)
    return norm(
      by
        .split(/\s+/)
        .map((id) => visibleText(el.ownerDocument.getElementById(id) ?? el.ownerDocument.createElement('span')))
        .join(' ')
    )
  if (el.id) {
    const forLabel = el.ownerDocument.querySelector(`label[for="${el.id}"]`)
    if (forLabel) return norm(visibleText(forLabel))
  }
  const wrapping = el.closest('label')
  if (wrapping && el.tagName === 'INPUT') return norm(visibleText(wrapping))
  if (el.tagName === 'FIELDSET') return norm(visibleText(el.querySelector('legend') ?? el.ownerDocument.createElement('span')))
  if (el.tagName === 'TABLE') return norm(visibleText(el.querySelector('caption') ?? el.ownerDocument.createElement('span')))
  return norm(visibleText(el))
}

export function allByRole(root: ParentNode, role: string, name?: string | RegExp): HTMLElement[] {
  return [...root.querySelectorAll<HTMLElement>('*')].filter((el) => {
    if (roleOf(el) !== role) return false
    if (name === undefined) return true
    const actual = nameOf(el)
    return typeof name === 'string' ? actual === name : name.test(actual)
  })
}

/** Exactly one match, or a message listing what was there instead. */
export function getByRole(root: ParentNode, role: string, name?: string | RegExp): HTMLElement {
  const found = allByRole(root, role, name)
  if (found.length !== 1) {
    const seen = allByRole(root, role).map(nameOf)
    throw new Error(`expected one ${role} named ${String(name)}, found ${found.length}; ${role}s present: ${JSON.stringify(seen)}`)
  }
  return found[0] as HTMLElement
}
