// Why: services throw these so the dispatcher can hand the renderer a typed
// error code instead of a stack trace.
import type { ApiErrorCode, ApiIssue } from '../../shared/result'

export class ServiceError extends Error {
  readonly code: ApiErrorCode
  readonly issues: ApiIssue[]
  constructor(code: ApiErrorCode, message: string, issues: ApiIssue[] = [], options?: { cause?: unknown }) {
    super(message, options)
    this.name = 'ServiceError'
    this.code = code
    this.issues = issues
  }
}

export class NotFoundError extends ServiceError {
  constructor(message: string) {
    super('not-found', message)
    this.name = 'NotFoundError'
  }
}

/** A save did not reach the disk (EPERM, ENOSPC, …); the change was not kept. */
export class WriteFailedError extends ServiceError {
  readonly file: string
  readonly errno: string | undefined
  constructor(file: string, cause: unknown) {
    const errno = (cause as NodeJS.ErrnoException | undefined)?.code
    super('write-failed', `Could not save to ${file}${errno ? ` (${errno})` : ''}. Your last change was not saved.`, [], { cause })
    this.name = 'WriteFailedError'
    this.file = file
    this.errno = errno
  }
}
