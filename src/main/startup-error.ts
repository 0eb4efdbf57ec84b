// Why: when the app cannot start, the student sees one plain message that
// names the folder holding their work, instead of a window that never comes.
export const STARTUP_ERROR_TITLE = 'Revision Desk could not start'

export function startupErrorText(error: unknown, dataDir: string): string {
  const reason = error instanceof Error ? error.message : String(error)
  return [
    reason,
    '',
    'Your notes, highlights and reviews are kept in this folder:',
    dataDir,
    '',
    'Check that the folder exists and can be written to, then open Revision Desk again. If it still fails, copy this folder somewhere safe before reinstalling.'
  ].join('\n')
}
