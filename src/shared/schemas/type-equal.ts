/**
 * Compile-time equality of two types, for the checks that keep each zod schema and the
 * TypeScript type it describes from drifting apart: `npm run typecheck` fails when they differ.
 */

/**
 * Returns `true` when A and B are the same type (optional keys, `null` and `readonly` included),
 * else `false`. Mutual assignability is not enough: `{a?: number}` and `{a: number | undefined}`
 * are assignable both ways and still different.
 */
export type Equal<A, B> =
  (<T>() => T extends A ? 1 : 2) extends <T>() => T extends B ? 1 : 2 ? true : false;

/** Accepts only `true`: `Expect<Equal<A, B>>` does not compile when A and B differ. */
export type Expect<T extends true> = T;
