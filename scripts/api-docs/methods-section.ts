/** The "Methods" part of docs/api.md: one section per group, one per method. */
import type { OpenApiDocument, OpenApiOperation } from '../../src/main/browser/openapi';
import type { JsonSchema } from '../../src/shared/schemas/json-schema';
import { METHOD_DOCS } from '../../src/shared/api-reference/method-docs';
import { ERROR_STATUS, type ErrorCode } from '../../src/shared/errors';
import { isMethod } from '../../src/shared/methods';
import { jsonDetails, methodAnchor, table } from './markdown';
import { descriptionOf, exclusiveFields, fieldRows, refName, typeText } from './schema-text';

/** Returns the Api's methods as `[method, operation]`, group by group in the tags' order. */
export function methodOperations(doc: OpenApiDocument): [string, OpenApiOperation][] {
  const operations = Object.entries(doc.paths).flatMap(([path, item]) => {
    const method = path.slice('/api/'.length);
    return item.post && isMethod(method) ? [[method, item.post] as [string, OpenApiOperation]] : [];
  });
  return doc.tags.flatMap((tag) => operations.filter(([, op]) => op.tags?.[0] === tag.name));
}

/** Returns the index of methods and a section per group with each of its methods. */
export function methodsSection(doc: OpenApiDocument): string {
  const operations = methodOperations(doc);
  const out = ['## Methods', ''];
  out.push(
    table(
      ['method', 'what it does'],
      operations.map(([method, op]) => [`[${method}](${methodAnchor(method)})`, op.summary]),
    ),
    '',
  );
  for (const tag of doc.tags) {
    out.push(`### ${tag['x-displayName']}`, '', tag.description, '');
    for (const [method, op] of operations) {
      if (op.tags?.[0] === tag.name) out.push(methodSection(method, op), '');
    }
  }
  return out.join('\n');
}

function methodSection(method: string, op: OpenApiOperation): string {
  const params = op.requestBody?.content['application/json']?.schema ?? {};
  const result = op.responses['200']?.content?.['application/json']?.schema ?? {};
  return [
    `#### \`${method}\``,
    '',
    `**${op.summary}** ${op.description}`,
    '',
    '**Params**',
    '',
    paramsText(params),
    '',
    `**Result**: ${resultText(result)}`,
    '',
    errorsText(method),
    '',
    jsonDetails('JSON Schema of the params and the result', { params, result }),
  ].join('\n');
}

function paramsText(params: JsonSchema): string {
  const rows = fieldRows(params);
  if (rows.length === 0) return 'None: send `{}` or an empty body.';
  const text = table(
    ['name', 'type', 'required', 'constraints', 'description'],
    rows.map((r) => [
      `\`${r.name}\``,
      r.type,
      r.required ? 'yes' : 'no',
      r.constraints,
      r.description,
    ]),
  );
  const exclusive = exclusiveFields(params);
  if (exclusive.length === 0) return text;
  const names = exclusive.map((set) => set.map((name) => `\`${name}\``).join(' and '));
  return `${text}\n\nGive exactly one of ${names.join(', ')}.`;
}

/** Returns the result's type and description, and a table of its fields when written inline. */
export function resultText(result: JsonSchema): string {
  const description = descriptionOf(result);
  if (refName(result) || result.type !== 'object') {
    return description ? `${typeText(result)} — ${description}` : typeText(result);
  }
  const head = description || 'An object.';
  const rows = fieldRows(result);
  const fields = table(
    ['field', 'type', 'description'],
    rows.map((r) => [`\`${r.name}\``, r.required ? r.type : `${r.type} (optional)`, r.description]),
  );
  return `${head}\n\n${fields}`;
}

/** Returns the method's own error codes as a list, after a pointer to the common ones. */
function errorsText(method: string): string {
  const errors = Object.entries(isMethod(method) ? METHOD_DOCS[method].errors : {});
  const common = '[errors any call may answer](#errors-any-call-may-answer)';
  if (errors.length === 0) return `**Errors**: only the ${common}.`;
  const listed = errors.map(
    ([code, when]) => `- \`${code}\` (${ERROR_STATUS[code as ErrorCode]}): ${when}.`,
  );
  return [`**Errors**, beside the ${common}:`, '', ...listed].join('\n');
}
