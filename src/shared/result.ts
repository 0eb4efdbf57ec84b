// Why: errors cross the IPC/HTTP boundary as data, because Electron flattens a
// thrown Error into an untyped string and the renderer must tell a bad input
// from a failed save.
export type ApiErrorCode = 'validation' | 'forbidden' | 'not-found' | 'write-failed' | 'bad-pack' | 'unsupported' | 'internal'

export interface ApiIssue {
  path: string
  message: string
}

export interface ApiErrorData {
  code: ApiErrorCode
  message: string
  issues?: ApiIssue[]
}

export type Result<T> = { ok: true; value: T } | { ok: false; error: ApiErrorData }

/** Thrown by the renderer's api client so callers can branch on `code`. */
export class ApiError extends Error {
  readonly code: ApiErrorCode
  readonly issues: ApiIssue[]
  constructor(data: ApiErrorData) {
    super(data.message)
    this.name = 'ApiError'
    this.code = data.code
    this.issues = data.issues ?? []
  }
}
