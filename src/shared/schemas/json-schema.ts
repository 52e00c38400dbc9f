/**
 * zod schemas to JSON Schema (draft 2020-12, OpenAPI 3.1's dialect) with the shared model types
 * kept apart: a schema registered with an id (`.meta({id: 'Feed'})`) becomes a component, and
 * every use of it a `$ref` to `#/components/schemas/<id>`.
 */
import { z } from 'zod';

/** A JSON Schema object as z.toJSONSchema produces it. */
export type JsonSchema = z.core.JSONSchema.BaseSchema;

const DEFS = '#/$defs/';
const COMPONENTS = '#/components/schemas/';

/** Converts schemas one by one and collects the components they refer to. */
export class ComponentSchemas {
  /** The shared model types met so far, by id. */
  readonly components: Record<string, JsonSchema> = {};

  /**
   * Returns the JSON Schema of `schema`: `io: 'input'` for params (what a caller may send),
   * `'output'` for results and events. Throws when two conversions disagree on a component, or
   * when zod had to extract a schema that has no id (a cycle or a reuse it could not inline).
   */
  convert(schema: z.ZodType, io: 'input' | 'output'): JsonSchema {
    const converted = z.toJSONSchema(schema, { io, unrepresentable: 'throw' });
    const { $schema: _dialect, $defs, ...root } = converted as JsonSchema;
    for (const [id, def] of Object.entries($defs ?? {})) this.#add(id, withComponentRefs(def));
    return withComponentRefs(root);
  }

  #add(id: string, def: JsonSchema): void {
    if (id.startsWith('__')) throw new Error(`A schema without an id was extracted as ${id}.`);
    const known = this.components[id];
    if (known && JSON.stringify(known) !== JSON.stringify(def)) {
      throw new Error(`Component ${id} converts differently in two places.`);
    }
    this.components[id] = def;
  }
}

/** Returns `schema` with every `#/$defs/X` reference pointing at `#/components/schemas/X`. */
function withComponentRefs(schema: JsonSchema): JsonSchema {
  return JSON.parse(
    JSON.stringify(schema, (key, value: unknown) =>
      key === '$ref' && typeof value === 'string' && value.startsWith(DEFS)
        ? COMPONENTS + value.slice(DEFS.length)
        : value,
    ),
  ) as JsonSchema;
}
