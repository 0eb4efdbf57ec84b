// Why: sizes the pack schema sets that other rules depend on (a mock answer
// is an option index), kept apart from the question helpers so the schema can
// use them without importing what is built on its own types.

/** The most options a single-choice question may have; an answer is an index below it. */
export const MAX_OPTIONS = 6
