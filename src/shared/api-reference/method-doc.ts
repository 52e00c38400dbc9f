/**
 * The shape of a method's reference text (docs/api.md and /api/openapi.json are generated from
 * it) and the groups methods are listed in. Plain data without zod, like methods.ts.
 */
import type { ErrorCode } from '../errors';
import type { Method } from '../methods';

/** What the reference says about one method. */
export interface MethodDoc {
  /** One line: what the method does (OpenAPI's `summary`). */
  summary: string;
  /** One paragraph: what it does, when it answers, what it changes and which events it sends. */
  description: string;
  /**
   * The error codes this method answers beyond those every call may answer (COMMON_ERRORS), each
   * with when. An error a method only records (a feed's lastError) is not listed.
   */
  errors: Partial<Record<ErrorCode, string>>;
}

/** The part of a method name before the dot: `feeds` for `feeds.add`. */
export type MethodGroup = Method extends `${infer G}.${string}` ? G : never;

/** Returns the methods whose names start with one of `groups`, as a union type. */
export type MethodsOf<G extends MethodGroup> = Extract<Method, `${G}.${string}`>;
