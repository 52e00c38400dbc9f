/**
 * The payload schema of every event main pushes to the window (SSE `GET /api/events` in browser
 * mode, IPC in Electron), for the generated Api reference (docs/api.md) and /api/openapi.json.
 * contract.ts's `Events` interface stays the type the code uses; the check at the end fails
 * `npm run typecheck` when the two differ.
 */
import { z } from 'zod';
import type { EventName, Events } from '../contract';
import { count, recordId, recordIdOrNull } from './common';
import { settingsSchema } from './library-schemas';
import type { Equal, Expect } from './type-equal';

const progress = (what: string) => ({
  done: count(`${what} done so far.`),
  total: count(`${what} in all.`),
});

/** Returns the payload schema of every event, each described with when it is sent. */
export const eventSchemas = {
  refresh: z
    .strictObject({
      ...progress('Feeds'),
      feedId: recordIdOrNull('The feed just fetched; null before the first.'),
    })
    .describe('Progress of a refresh: `done` of `total` feeds.'),
  'articles.changed': z
    .strictObject({
      feedId: recordIdOrNull('The feed whose articles changed; null for the library.'),
      articleIds: z
        .array(recordId('An article that changed.'))
        .optional()
        .describe('The articles that changed, when known.'),
    })
    .describe('Articles were added, changed or read; the list and counts should be fetched again.'),
  'feeds.changed': z
    .strictObject({
      feedIds: z
        .array(recordId('A feed that changed.'))
        .optional()
        .describe('The feeds that changed, when known.'),
    })
    .describe('Feeds were added, changed or removed.'),
  offline: z
    .strictObject(progress('Articles'))
    .describe('Progress of making articles available offline (pages and images fetched).'),
  'settings.changed': settingsSchema.describe('The settings changed; the payload is all of them.'),
  'annotations.changed': z
    .strictObject({ articleId: recordId('The article whose highlights or note changed.') })
    .describe('Highlights or the note of an article were created, changed or deleted.'),
  import: z
    .strictObject(progress('Feeds'))
    .describe('Progress of an OPML import: `done` of `total` feeds.'),
} satisfies Record<EventName, z.ZodType>;

// Drift check: every payload schema's output is exactly contract.ts's Events (npm run typecheck).
export type _EventSchemasMatch = Expect<
  Equal<{ [E in EventName]: z.output<(typeof eventSchemas)[E]> }, Events>
>;
