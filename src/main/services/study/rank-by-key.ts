// Why: the exam plan's final sweep ranks up to 20,000 items by their recall
// at the exam, strongest first, on every dashboard visit; a comparator sort
// of that many costs more than the whole ranking needs to.

/**
 * `items` from the highest `key` to the lowest, equal keys in the order given:
 * what a stable sort with `(a, b) => kb - ka` gives, without a comparator to
 * call, as the sweep ranks up to 20,000 items. Recall is rounded to 8
 * decimals, so its keys are whole hundred-millionths up to 2: those rank
 * exactly as integers, and (rank, position) packed into one number sorts in a
 * single numeric sort. Any other keys are ranked by searching the sorted keys.
 */
export function byKeyDescending(items: readonly number[], key: Float64Array): number[] {
  const m = items.length
  const packed = new Float64Array(m)
  for (let k = 0; k < m; k++) {
    const units = Math.round(key[k]! * 1e8)
    // Distinct whole units divide to distinct keys, in the same order, so units rank as the keys do.
    if (units / 1e8 !== key[k] || units < 0 || units > MAX_UNITS || m > MAX_PACKED) return byKeySearch(items, key)
    packed[k] = (MAX_UNITS - units) * m + k
  }
  packed.sort()
  const out = new Array<number>(m)
  for (let k = 0; k < m; k++) out[k] = items[packed[k]! % m]!
  return out
}

const MAX_UNITS = 2e8
/** Items a packed rank still holds exactly: (MAX_UNITS + 1) * m stays below 2 ** 53. */
const MAX_PACKED = Math.floor(2 ** 53 / (MAX_UNITS + 1))

/** byKeyDescending for any keys: each item goes after the keys greater than its own. */
function byKeySearch(items: readonly number[], key: Float64Array): number[] {
  const m = items.length
  const ascending = key.slice().sort()
  const placed = new Int32Array(m)
  const out = new Array<number>(m)
  for (let k = 0; k < m; k++) {
    const v = key[k]!
    // The first sorted key above v: m - lo keys are greater, so v's run starts there.
    let lo = 0
    let hi = m
    while (lo < hi) {
      const mid = (lo + hi) >> 1
      if (ascending[mid]! > v) hi = mid
      else lo = mid + 1
    }
    const start = m - lo
    out[start + placed[start]!++] = items[k]!
  }
  return out
}
