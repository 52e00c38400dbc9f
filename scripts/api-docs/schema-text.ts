/**
 * JSON Schema (as openapi.ts emits it) to the words of docs/api.md: a type as a reader would
 * write it (`string | null`, `Feed[]` linked to its section), its constraints, and one table row
 * per field, nested fields flattened as `errors[].url`.
 */
import type { JsonSchema } from '../../src/shared/schemas/json-schema';

const COMPONENT = '#/components/schemas/';
/** zod's `.int()` bound; every integer has it, so it says nothing. */
const SAFE_INTEGER = Number.MAX_SAFE_INTEGER;

/** One field of an object schema, for a table. */
export interface FieldRow {
  name: string;
  type: string;
  required: boolean;
  constraints: string;
  description: string;
}

/** Returns the heading anchor GitHub gives a type's section (`### Feed` → `#feed`). */
export function typeAnchor(name: string): string {
  return `#${name.toLowerCase()}`;
}

/** Returns the component name of a `$ref`, or null. */
export function refName(schema: JsonSchema): string | null {
  return typeof schema.$ref === 'string' && schema.$ref.startsWith(COMPONENT)
    ? schema.$ref.slice(COMPONENT.length)
    : null;
}

/** Returns the type of `schema` in Markdown; pipes are escaped for tables. */
export function typeText(schema: JsonSchema): string {
  const ref = refName(schema);
  if (ref) return `[${ref}](${typeAnchor(ref)})`;
  if (schema.const !== undefined) return `\`${JSON.stringify(schema.const)}\``;
  if (Array.isArray(schema.enum)) return schema.enum.map((v) => `\`${String(v)}\``).join(' \\| ');
  const union = schema.anyOf ?? (schema.type === undefined ? schema.oneOf : undefined);
  if (union) return union.map((s) => typeText(s as JsonSchema)).join(' \\| ');
  const types = Array.isArray(schema.type) ? schema.type : schema.type ? [schema.type] : [];
  if (types.length === 0) return 'any JSON';
  return types
    .map((type) => {
      if (type === 'array') return `${wrapped(typeText((schema.items ?? {}) as JsonSchema))}[]`;
      if (type === 'string' && schema.format) return `string (${schema.format})`;
      return type;
    })
    .join(' \\| ');
}

/** Returns `text` in parentheses when it is a union, so that `[]` applies to all of it. */
function wrapped(text: string): string {
  return text.includes(' \\| ') ? `(${text})` : text;
}

/** Returns the constraints of `schema` (and of the non-null branch of a nullable one). */
export function constraintsText(schema: JsonSchema): string {
  const parts: string[] = [];
  const branch = (schema.anyOf?.find((s) => (s as JsonSchema).type !== 'null') ??
    schema) as JsonSchema;
  const { minLength, maxLength, minimum, exclusiveMinimum, minItems, maxItems } = branch;
  const maximum = branch.maximum === SAFE_INTEGER ? undefined : branch.maximum;
  const length = range(minLength || undefined, maxLength, 'characters');
  if (length) parts.push(length);
  if (typeof exclusiveMinimum === 'number') parts.push(`> ${exclusiveMinimum}`);
  const value = range(minimum, maximum, '');
  if (value) parts.push(value);
  const items = range(minItems || undefined, maxItems, 'items');
  if (items) parts.push(items);
  if (branch.type === 'array' && branch.items) {
    const each = constraintsText(branch.items as JsonSchema);
    if (each) parts.push(`each ${each}`);
  }
  return parts.join(', ');
}

/** Returns "1–200 characters", "≤ 500", "≥ 0", or "" without bounds. */
function range(min: number | undefined, max: number | undefined, unit: string): string {
  const text =
    min !== undefined && max !== undefined
      ? `${format(min)}–${format(max)}`
      : min !== undefined
        ? `≥ ${format(min)}`
        : max !== undefined
          ? `≤ ${format(max)}`
          : '';
  return text && unit ? `${text} ${unit}` : text;
}

/** Returns 20000000 as 20,000,000. */
function format(n: number): string {
  return n.toLocaleString('en-US');
}

/** Returns the rows of an object schema's fields, nested inline objects flattened. */
export function fieldRows(schema: JsonSchema, prefix = ''): FieldRow[] {
  const required = new Set(schema.required ?? []);
  const rows: FieldRow[] = [];
  for (const [name, value] of Object.entries(schema.properties ?? {})) {
    const field = value as JsonSchema;
    const path = `${prefix}${name}`;
    rows.push({
      name: path,
      type: typeText(field),
      required: required.has(name),
      constraints: constraintsText(field),
      description: descriptionOf(field),
    });
    const nested = inlineObject(field);
    if (nested) rows.push(...fieldRows(nested.schema, `${path}${nested.suffix}.`));
  }
  return rows;
}

/** Returns a field's own object schema (or its items'), when it is written inline. */
function inlineObject(field: JsonSchema): { schema: JsonSchema; suffix: string } | null {
  if (field.type === 'object' && field.properties) return { schema: field, suffix: '' };
  const items = field.items as JsonSchema | undefined;
  if (field.type === 'array' && items?.type === 'object' && items.properties) {
    return { schema: items, suffix: '[]' };
  }
  return null;
}

/** Returns a schema's description (or its non-null branch's), on one line. */
export function descriptionOf(schema: JsonSchema): string {
  const branch = schema.anyOf?.find((s) => (s as JsonSchema).description) as JsonSchema | undefined;
  return (schema.description ?? branch?.description ?? '').replace(/\s+/g, ' ').trim();
}

/** Returns the field sets a `oneOf` of `required` lists allows, e.g. [['feedId'], ['folder']]. */
export function exclusiveFields(schema: JsonSchema): string[][] {
  return (schema.oneOf ?? [])
    .map((s) => (s as JsonSchema).required ?? [])
    .filter((names) => names.length > 0);
}
