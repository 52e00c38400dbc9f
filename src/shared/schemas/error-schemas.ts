/**
 * zod schemas of the error body both transports answer (errors.ts's ApiErrorBody), for the
 * generated reference (docs/api.md, /api/openapi.json); checked at compile time to match it.
 */
import { z } from 'zod';
import { ERROR_MEANINGS } from '../api-reference/error-meanings';
import { ERROR_STATUS, type ApiErrorBody, type ErrorCode } from '../errors';
import type { Equal, Expect } from './type-equal';

/** Every error code, in ERROR_STATUS's order. */
const CODES = Object.keys(ERROR_STATUS) as [ErrorCode, ...ErrorCode[]];

/** The schema of ErrorCode; `oneOf` gives each code its HTTP status and meaning. */
export const errorCodeSchema = z.enum(CODES).meta({
  id: 'ErrorCode',
  description: 'What went wrong, as a code a program can act on.',
  oneOf: CODES.map((code) => ({
    const: code,
    description: `HTTP ${ERROR_STATUS[code]}. ${ERROR_MEANINGS[code]}`,
  })),
});

/** The schema of ApiErrorBody: `{error: {code, message, details?}}`. */
export const errorBodySchema = z
  .strictObject({
    error: z
      .strictObject({
        code: errorCodeSchema.describe('What went wrong, as a code (see Error codes).'),
        message: z.string().describe('What went wrong, in words for the user.'),
        details: z
          .unknown()
          .optional()
          .describe('More about it for programs, when there is more (BAD_REQUEST: the issues).'),
      })
      .describe('The error.'),
  })
  .meta({ id: 'ErrorBody', description: 'The answer of a call that failed, on both transports.' });

// Drift check: the schemas' output is exactly errors.ts's types (npm run typecheck).
export type _ErrorSchemasMatch = [
  Expect<Equal<z.output<typeof errorCodeSchema>, ErrorCode>>,
  Expect<Equal<z.output<typeof errorBodySchema>, ApiErrorBody>>,
];
