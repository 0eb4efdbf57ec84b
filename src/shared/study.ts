// Why: temporary: study-service.ts (being rewritten in parallel) still imports
// the study shapes from here; they now live in domain/study.ts. Remove this
// file once that import points there.
export * from './domain/study'
