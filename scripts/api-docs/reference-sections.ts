/** The parts of docs/api.md around the methods: transports, events, error codes and types. */
import type { OpenApiDocument } from '../../src/main/browser/openapi';
import { TOKEN_COOKIE } from '../../src/main/browser/guard';
import { COMMON_ERRORS, ERROR_MEANINGS } from '../../src/shared/api-reference/error-meanings';
import type { JsonSchema } from '../../src/shared/schemas/json-schema';
import { ERROR_STATUS, type ErrorCode } from '../../src/shared/errors';
import { IPC_CALL_CHANNEL, IPC_EVENT_CHANNEL } from '../../src/shared/methods';
import { table } from './markdown';
import { resultText } from './methods-section';
import { descriptionOf, fieldRows } from './schema-text';

/** Returns how to call the Api: HTTP in browser mode, IPC in the desktop app. */
export function transportsSection(): string {
  return `## Transports

The same methods, params and results travel both ways; only the envelope differs.

### HTTP (browser mode)

\`npm run serve\` serves the Api on \`http://127.0.0.1:PORT\` (4777 unless \`FOLIO_PORT\` says
otherwise) and prints \`Folio is serving http://127.0.0.1:PORT/?token=TOKEN\`.

- **Call**: \`POST /api/<method>\` with \`Content-Type: application/json\` and a JSON object of
  params (an empty body means \`{}\`). The answer is \`200\` with the JSON result, or the error
  code's HTTP status with an [ErrorBody](#errorbody): \`{"error":{"code","message","details?"}}\`.
- **Token**: every \`/api\` and \`/assets\` request needs \`Authorization: Bearer TOKEN\` (the printed
  token; \`FOLIO_TOKEN\` sets it) or the HttpOnly \`${TOKEN_COOKIE}\` cookie that opening the printed
  link sets. Without it: \`401 UNAUTHORIZED\`.
- **Host and Origin**: only \`127.0.0.1\` is listened on. A request whose \`Host\` is not
  \`127.0.0.1:PORT\` or \`localhost:PORT\` (DNS rebinding), or whose \`Origin\` is another site, is
  refused with \`403 FORBIDDEN\`, token or not.
- **Events**: \`GET /api/events\` is a Server-Sent Events stream; each \`data:\` line is one
  [event](#events) as JSON, \`{"type":"…","data":{…}}\`.
- **OpenAPI**: \`GET /api/openapi.json\` is this reference as an OpenAPI 3.1 document, generated
  from the same schemas (token required like every \`/api\` route).
- **Assets**: \`GET /assets/<id>\` serves the images kept for offline reading that articles' HTML
  points at.

\`\`\`sh
FOLIO_DATA_DIR=$(mktemp -d) FOLIO_PORT=4777 FOLIO_TOKEN=t npm run serve &
curl -s -X POST -H 'Authorization: Bearer t' -H 'Content-Type: application/json' \\
  -d '{"filter":"unread","limit":5}' http://127.0.0.1:4777/api/articles.list
curl -s -H 'Authorization: Bearer t' http://127.0.0.1:4777/api/openapi.json
\`\`\`

### IPC (desktop app)

The sandboxed preload exposes \`window.folio\`, one function per method built from the method list:
\`window.folio['feeds.add']({ url })\` sends \`(method, params)\` on the one channel
\`${IPC_CALL_CHANNEL}\` and resolves to an envelope, \`{ok: true, result}\` or
\`{ok: false, error: {code, message}}\` (errors do not survive the bridge as classes; the renderer
turns them back into an \`ApiError\`). Main answers only calls from Folio's own window
(\`FORBIDDEN\` otherwise) and only listed methods (\`UNKNOWN_METHOD\`). Events arrive on
\`${IPC_EVENT_CHANNEL}\` through \`window.folio.onEvent(listener)\`.
`;
}

/** Returns each event with when it is sent and its payload. */
export function eventsSection(doc: OpenApiDocument): string {
  const out = [
    '## Events',
    '',
    'Pushed from main to every window: SSE in browser mode, IPC in the desktop app.',
    '',
  ];
  for (const event of doc.components.schemas.FolioEvent?.oneOf ?? []) {
    const { properties = {} } = event as JsonSchema;
    const name = String((properties.type as JsonSchema).const);
    const data = properties.data as JsonSchema;
    out.push(`### \`${name}\``, '', `**Payload**: ${resultText(data)}`, '');
  }
  return out.join('\n');
}

/** Returns the table of error codes with their HTTP status and meaning, and the common ones. */
export function errorsSection(): string {
  const codes = Object.keys(ERROR_STATUS) as ErrorCode[];
  return [
    '## Error codes',
    '',
    'A failed call answers an [ErrorBody](#errorbody); over HTTP with this status.',
    '',
    table(
      ['code', 'HTTP', 'meaning'],
      codes.map((code) => [`\`${code}\``, String(ERROR_STATUS[code]), ERROR_MEANINGS[code]]),
    ),
    '',
    '### Errors any call may answer',
    '',
    'Beside the errors listed under each method:',
    '',
    ...Object.entries(COMMON_ERRORS).map(([code, when]) => `- \`${code}\`: ${when}.`),
    '',
  ].join('\n');
}

/** Returns a section per shared type (the OpenAPI components) with its fields or values. */
export function typesSection(doc: OpenApiDocument): string {
  const out = [
    '## Types',
    '',
    'Timestamps are ISO 8601 strings in UTC, such as `2025-01-31T08:00:00.000Z`.',
    '',
  ];
  const names = Object.keys(doc.components.schemas)
    .filter((n) => n !== 'FolioEvent')
    .sort();
  for (const name of names) {
    const schema = doc.components.schemas[name] as JsonSchema;
    out.push(`### ${name}`, '', descriptionOf(schema), '');
    if (Array.isArray(schema.enum)) {
      out.push(`One of ${schema.enum.map((v) => `\`${String(v)}\``).join(', ')}.`, '');
    } else {
      const rows = fieldRows(schema);
      out.push(
        table(
          ['field', 'type', 'description'],
          rows.map((r) => [
            `\`${r.name}\``,
            r.required ? r.type : `${r.type} (optional)`,
            r.description,
          ]),
        ),
        '',
      );
    }
  }
  return out.join('\n');
}
