/**
 * The OpenAPI 3.1 document of browser mode's HTTP Api, served at `GET /api/openapi.json` and
 * rendered into docs/api.md (`npm run docs:api`). Built from the same schemas the Api runs on:
 * the params schemas of contract.ts (what dispatch validates), the result and event schemas of
 * shared/schemas/, and the method texts of shared/api-reference/.
 */
import type { Method } from '../../shared/methods';
import { paramsSchemas } from '../../shared/schemas/params-schemas';
import { ERROR_STATUS, type ErrorCode } from '../../shared/errors';
import { METHODS } from '../../shared/methods';
import { COMMON_ERRORS } from '../../shared/api-reference/error-meanings';
import { ComponentSchemas, type JsonSchema } from '../../shared/schemas/json-schema';
import { METHOD_DOCS, METHOD_GROUPS, groupOf } from '../../shared/api-reference/method-docs';
import { errorBodySchema } from '../../shared/schemas/error-schemas';
import { eventSchemas } from '../../shared/schemas/event-schemas';
import { resultSchemas } from '../../shared/schemas/result-schemas';
import { TOKEN_COOKIE } from './guard';
import type { OpenApiDocument, OpenApiOperation, OpenApiResponse } from './openapi-types';

export type { OpenApiDocument, OpenApiOperation, OpenApiResponse } from './openapi-types';

const ERROR_BODY = { $ref: '#/components/schemas/ErrorBody' };
/** Either way of giving the token will do (guard.ts: the header first, else the cookie). */
const SECURITY: Record<string, string[]>[] = [{ bearerToken: [] }, { tokenCookie: [] }];

/** Returns the OpenAPI 3.1 document of every Api method, the event stream and assets. */
export function buildOpenApiDocument({ version }: { version: string }): OpenApiDocument {
  const schemas = new ComponentSchemas();
  schemas.convert(errorBodySchema, 'output');
  const paths: OpenApiDocument['paths'] = {};
  for (const method of METHODS) {
    paths[`/api/${method}`] = { post: methodOperation(method, schemas) };
  }
  paths['/api/events'] = { get: eventsOperation(schemas) };
  paths['/api/openapi.json'] = { get: openApiOperation() };
  paths['/assets/{id}'] = { get: assetOperation() };
  return {
    openapi: '3.1.0',
    jsonSchemaDialect: 'https://json-schema.org/draft/2020-12/schema',
    info: {
      title: 'Folio Api',
      version,
      description:
        'The local Api of Folio, a local-first news reader: every call is `POST /api/<method>` ' +
        'with a JSON object of params, answering `200` with the JSON result or an error ' +
        'status with an ErrorBody. Browser mode serves it on 127.0.0.1 only; the desktop app ' +
        'carries the same methods over IPC.',
    },
    servers: [
      {
        url: 'http://127.0.0.1:{port}',
        description: '`npm run serve` (browser mode)',
        variables: { port: { default: '4777', description: 'FOLIO_PORT' } },
      },
    ],
    security: SECURITY,
    tags: Object.entries(METHOD_GROUPS).map(([name, group]) => ({
      name,
      description: group.description,
      'x-displayName': group.title,
    })),
    paths,
    components: {
      schemas: schemas.components,
      securitySchemes: {
        bearerToken: {
          type: 'http',
          scheme: 'bearer',
          description:
            'The token of the line `npm run serve` prints (FOLIO_TOKEN sets it): ' +
            '`Authorization: Bearer TOKEN`.',
        },
        tokenCookie: {
          type: 'apiKey',
          in: 'cookie',
          name: TOKEN_COOKIE,
          description: 'The HttpOnly cookie set when the page is opened with `?token=`.',
        },
      },
    },
  };
}

/** Returns the operation of one Api method: its params, its result and its errors. */
function methodOperation(method: Method, schemas: ComponentSchemas): OpenApiOperation {
  const doc = METHOD_DOCS[method];
  const params = schemas.convert(paramsSchemas[method], 'input');
  const result = schemas.convert(resultSchemas[method], 'output');
  const needsParams = (params.required?.length ?? 0) > 0 || params.oneOf !== undefined;
  return {
    operationId: method,
    tags: [groupOf(method)],
    summary: doc.summary,
    description: doc.description,
    requestBody: {
      required: needsParams,
      description: needsParams ? 'The params.' : 'The params; an empty body is `{}`.',
      content: { 'application/json': { schema: params } },
    },
    responses: {
      '200': {
        description: result.description ?? 'The result.',
        content: { 'application/json': { schema: result } },
      },
      ...errorResponses({ ...doc.errors }),
    },
  };
}

/**
 * Returns one response per HTTP status among the common errors and `specific`, each listing
 * its codes with when they are answered.
 */
function errorResponses(
  specific: Partial<Record<ErrorCode, string>>,
): Record<string, OpenApiResponse> {
  const when = new Map<ErrorCode, string>();
  for (const [code, text] of Object.entries(COMMON_ERRORS) as [ErrorCode, string][]) {
    when.set(code, text);
  }
  for (const [code, text] of Object.entries(specific) as [ErrorCode, string][]) {
    const common = when.get(code);
    when.set(code, common ? `${common}, or ${text}` : text);
  }
  const byStatus = new Map<number, string[]>();
  for (const [code, text] of when) {
    const status = ERROR_STATUS[code];
    byStatus.set(status, [...(byStatus.get(status) ?? []), `\`${code}\`: ${text}.`]);
  }
  const responses: Record<string, OpenApiResponse> = {};
  for (const status of [...byStatus.keys()].sort((a, b) => a - b)) {
    responses[String(status)] = {
      description: (byStatus.get(status) as string[]).join(' '),
      content: { 'application/json': { schema: ERROR_BODY } },
    };
  }
  return responses;
}

/** Returns the operation of the Server-Sent Events stream, with a FolioEvent component. */
function eventsOperation(schemas: ComponentSchemas): OpenApiOperation {
  schemas.components.FolioEvent = {
    description: 'One event: its name in `type`, its payload in `data`.',
    oneOf: Object.entries(eventSchemas).map(([name, payload]) => {
      const data = schemas.convert(payload, 'output');
      return {
        type: 'object',
        description: data.description,
        properties: { type: { const: name }, data },
        required: ['type', 'data'],
        additionalProperties: false,
      } satisfies JsonSchema;
    }),
  };
  return {
    operationId: 'events',
    summary: 'Stream the events main pushes (Server-Sent Events).',
    description:
      'A `text/event-stream` that stays open: each `data:` line is one FolioEvent as JSON. ' +
      'Comments (`: ping`) keep it alive; `retry: 3000` asks the browser to reconnect after 3 s.',
    responses: {
      '200': {
        description: 'The stream.',
        content: { 'text/event-stream': { schema: { $ref: '#/components/schemas/FolioEvent' } } },
      },
      ...errorResponses({}),
    },
  };
}

/** Returns the operation that serves this document. */
function openApiOperation(): OpenApiOperation {
  return {
    operationId: 'openapi',
    summary: 'This OpenAPI document.',
    description: 'Generated from the schemas the Api validates and answers with.',
    responses: {
      '200': {
        description: 'The OpenAPI 3.1 document.',
        content: { 'application/json': { schema: { type: 'object' } } },
      },
      ...errorResponses({}),
    },
  };
}

/** Returns the operation that serves a stored image (kept for offline reading). */
function assetOperation(): OpenApiOperation {
  return {
    operationId: 'assets',
    summary: 'A stored image or file, kept for offline reading.',
    description:
      'What articles’ HTML points at once their images are stored (`/assets/<id>`), with the ' +
      'type it was stored with.',
    parameters: [
      {
        name: 'id',
        in: 'path',
        required: true,
        description: 'The asset’s id.',
        schema: { type: 'integer', minimum: 1 },
      },
    ],
    responses: {
      '200': { description: 'The stored bytes.', content: { '*/*': {} } },
      ...errorResponses({ NOT_FOUND: 'there is no asset with this id' }),
    },
  };
}
