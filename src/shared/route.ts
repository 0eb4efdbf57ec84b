// Why: the building blocks every domain's routes are written with, so each
// domain can keep its routes in its own file and the contract just merges them.
import * as z from 'zod'
import { Id } from './pack/schema'

/** Pairs an input schema with an output type that exists only for the compiler. */
export function route<O>() {
  return <I extends z.ZodType>(input: I): { input: I; output: O } => ({ input, output: undefined as unknown as O })
}

export const NoInput = z.undefined()
export const PackRef = z.object({ packId: Id }).strict()
