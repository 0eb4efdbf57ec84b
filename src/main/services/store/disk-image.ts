// Why: a failed write rolls memory back to exactly what reopening the file
// would load, and an update() whose mutator throws mid-write rebuilds on the
// write in flight. Both need the file's content without reading it back:
// kept here as text (the last whole write that landed, then the appends that
// landed after it), so rolling back is one parse and a 2 MB store is not
// serialised again just to remember what is on disk.
import { TAIL } from './append-writer'

export class DiskImage {
  /** Envelope text of what reopening would load: the last whole write that landed, then #chunks. */
  #text: string
  /** Appends that landed since that write, each its items without the closing TAIL (joined only to roll back). */
  #chunks: string[] = []
  /** #text is the file as read at open (not our own stringify): decode it through the schema to roll back. */
  #textIsFile: boolean
  /** Text of the whole write in flight, captured as it is serialised. */
  writingText: string | null = null
  /** Items of the append in flight, as written before the TAIL. */
  writingChunk: string | null = null

  constructor(text: string, textIsFile: boolean) {
    this.#text = text
    this.#textIsFile = textIsFile
  }

  /** The write in flight is on disk. */
  landed(): void {
    if (this.writingText !== null) {
      this.#text = this.writingText
      this.#chunks = []
      this.#textIsFile = false
    }
    if (this.writingChunk !== null) this.#chunks.push(this.writingChunk)
    this.writingText = null
    this.writingChunk = null
  }

  /** The write in flight failed: the disk is as it was before it. */
  abandon(): void {
    this.writingText = null
    this.writingChunk = null
  }

  /** The state to rebuild on: the write in flight, else the disk; `fromFile` when it must be decoded as opening did. */
  base(): { text: string; fromFile: boolean } {
    if (this.writingText !== null) return { text: this.writingText, fromFile: false }
    const chunks = this.writingChunk === null ? this.#chunks : [...this.#chunks, this.writingChunk]
    return {
      text: chunks.length === 0 ? this.#text : this.#text.slice(0, -TAIL.length) + chunks.join('') + TAIL,
      fromFile: chunks.length === 0 && this.#textIsFile
    }
  }
}
