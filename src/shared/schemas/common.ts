/**
 * Building blocks of the result and event schemas: record ids, timestamps and counts, which every
 * model type uses the same way (model.ts: timestamps are ISO 8601 strings in UTC). The `OrNull`
 * forms put the description on the whole field, not on its non-null branch.
 */
import { z } from 'zod';

const positiveInt = () => z.number().int().positive();

/** Returns the schema of a positive integer id, described as `description`. */
export function recordId(description: string) {
  return positiveInt().describe(description);
}

/** Returns the schema of an id or null, described as `description`. */
export function recordIdOrNull(description: string) {
  return positiveInt().nullable().describe(description);
}

/** Returns the schema of an ISO 8601 UTC timestamp, described as `description`. */
export function isoTime(description: string) {
  return z.iso.datetime().describe(description);
}

/** Returns the schema of an ISO 8601 UTC timestamp or null, described as `description`. */
export function isoTimeOrNull(description: string) {
  return z.iso.datetime().nullable().describe(description);
}

/** Returns the schema of a count (an integer, zero or more), described as `description`. */
export function count(description: string) {
  return z.number().int().min(0).describe(description);
}
