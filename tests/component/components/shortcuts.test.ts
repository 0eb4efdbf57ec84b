// Why: the shortcut rule in isolation: which keys and which focus targets count.
import { describe, expect, it } from 'vitest'
import { shortcutPath } from '@renderer/composables/useShortcuts'

function key(init: KeyboardEventInit, target?: HTMLElement): KeyboardEvent {
  const event = new KeyboardEvent('keydown', { bubbles: true, ...init })
  if (target) {
    document.body.append(target)
    target.dispatchEvent(event)
    target.remove()
  }
  return event
}

describe('shortcutPath', () => {
  it('maps Alt+1…5 to the modes, by key code as well as key', () => {
    expect(shortcutPath(key({ altKey: true, key: '1', code: 'Digit1' }))).toBe('/read')
    expect(shortcutPath(key({ altKey: true, key: '¡', code: 'Digit1' }))).toBe('/read')
    expect(shortcutPath(key({ altKey: true, key: '4', code: 'Digit4' }))).toBe('/dashboard')
    expect(shortcutPath(key({ altKey: true, key: '5', code: 'Digit5' }))).toBe('/settings')
    expect(shortcutPath(key({ altKey: true, key: '6', code: 'Digit6' }))).toBe('/write')
  })

  it('ignores other digits and other modifiers', () => {
    expect(shortcutPath(key({ altKey: true, key: '7', code: 'Digit7' }))).toBeNull()
    expect(shortcutPath(key({ key: '2', code: 'Digit2' }))).toBeNull()
    expect(shortcutPath(key({ altKey: true, ctrlKey: true, key: '2', code: 'Digit2' }))).toBeNull()
  })

  it('ignores keys typed into text fields but not on radios', () => {
    const textarea = document.createElement('textarea')
    expect(shortcutPath(key({ altKey: true, key: '2', code: 'Digit2' }, textarea))).toBeNull()
    const text = Object.assign(document.createElement('input'), { type: 'text' })
    expect(shortcutPath(key({ altKey: true, key: '2', code: 'Digit2' }, text))).toBeNull()
    const radio = Object.assign(document.createElement('input'), { type: 'radio' })
    expect(shortcutPath(key({ altKey: true, key: '2', code: 'Digit2' }, radio))).toBe('/compare')
  })
})
