// Why: `shared/domain` names the app-level shapes (settings, notices, the pack
// list), as it did before the zod-free core became a folder. Everything else
// in the core is imported from its own file.
export * from './app'
