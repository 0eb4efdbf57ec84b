// Why: sql.js is SQLite compiled to WebAssembly, so reading and writing Anki's
// SQLite needs no native module. Its .wasm is found through Node's resolver
// from wherever this code runs (the app's bundle in app.asar, the browser
// host's bundle, or the sources under tsx and vitest) and read as bytes, so no
// bundler has to copy it and nothing depends on a path guessed at build time.
import { readFile } from 'node:fs/promises'
import { createRequire } from 'node:module'
import initSqlJs, { type SqlJsStatic } from 'sql.js'

let loading: Promise<SqlJsStatic> | undefined

export function sqlWasmPath(): string {
  return createRequire(import.meta.url).resolve('sql.js/dist/sql-wasm.wasm')
}

/** sql.js, compiled once per process. */
export function loadSqlJs(): Promise<SqlJsStatic> {
  loading ??= (async () => {
    const bytes = await readFile(sqlWasmPath())
    const wasmBinary = bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer
    return initSqlJs({ wasmBinary })
  })().catch((error: unknown) => {
    loading = undefined
    throw error
  })
  return loading
}
