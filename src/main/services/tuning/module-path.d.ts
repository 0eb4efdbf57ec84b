// Why: electron-vite's `?modulePath` import, declared alone. Referencing all of `electron-vite/node`
// here made process.env read-only across the node project (TS2704 on `delete process.env[...]`).
declare module '*?modulePath' {
  const path: string
  export default path
}
