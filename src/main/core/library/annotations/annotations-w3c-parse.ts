/**
 * Reading Web Annotation JSON, tolerant of what the model leaves optional: a collection with its
 * page embedded as `first` or its `items` inline, a bare page, one Annotation or an array of
 * them; targets as an IRI or a SpecificResource (source as an IRI or `{id}`); one selector or
 * many; bodies as objects, strings or `bodyValue`. Pure: no storage here.
 */
import { z } from 'zod';
import { HIGHLIGHT_COLORS, type HighlightColor } from '../../../../shared/model';
import type { QuoteSelector } from '../../../../shared/anchoring';
import { ARTICLE_URN, COLOR_CLASS } from './annotations-w3c';

const oneOrMany = <T extends z.ZodType>(item: T) =>
  z.union([item, z.array(item)]).transform((v) => (Array.isArray(v) ? v : [v]) as z.output<T>[]);

const quoteSelector = z.object({
  type: z.literal('TextQuoteSelector'),
  exact: z.string().min(1),
  prefix: z.string().optional(),
  suffix: z.string().optional(),
});
const positionSelector = z.object({
  type: z.literal('TextPositionSelector'),
  start: z.number().int().min(0),
  end: z.number().int().min(0),
});
const source = z.union([z.string().min(1), z.object({ id: z.string().min(1) })]);
const target = z.union([
  z.string().min(1),
  z.object({
    source,
    selector: oneOrMany(z.unknown()).optional(),
    styleClass: z.string().optional(),
  }),
]);
const body = z.union([
  z.string(),
  z.object({ value: z.string().optional(), purpose: z.string().optional() }),
]);
const annotation = z.object({
  motivation: oneOrMany(z.string()).optional(),
  body: oneOrMany(body).optional(),
  bodyValue: z.string().optional(),
  target: oneOrMany(target),
  created: z.string().optional(),
  modified: z.string().optional(),
});

/** One annotation as Folio understands it: a highlight or an article note. */
export type ParsedAnnotation =
  | {
      kind: 'highlight';
      source: string;
      selector: QuoteSelector;
      color: HighlightColor;
      note: string;
      created?: number;
      modified?: number;
    }
  | { kind: 'note'; source: string; body: string; modified?: number };

/** What an import file holds: the annotations read, and why the others could not be. */
export interface ParsedFile {
  annotations: ParsedAnnotation[];
  errors: string[];
}

/**
 * Returns the annotations of a Web Annotation document, or null when it is not one (no
 * collection, page, annotation or array of them). Throws SyntaxError for text that is not JSON.
 */
export function parseAnnotations(json: string): ParsedFile | null {
  const items = itemsOf(JSON.parse(json) as unknown);
  if (items === null) return null;
  const parsed: ParsedFile = { annotations: [], errors: [] };
  items.forEach((item, i) => {
    const result = parseAnnotation(item);
    if (typeof result === 'string') parsed.errors.push(`Annotation ${i + 1}: ${result}`);
    else parsed.annotations.push(result);
  });
  return parsed;
}

/** Returns the article uid named by a `urn:folio:article:` source. */
export function uidOf(source: string): string {
  try {
    return decodeURIComponent(source.slice(ARTICLE_URN.length));
  } catch {
    return source.slice(ARTICLE_URN.length);
  }
}

/** Returns the annotations of a collection, page, annotation or array, or null. */
function itemsOf(doc: unknown): unknown[] | null {
  if (Array.isArray(doc)) return doc;
  if (typeof doc !== 'object' || doc === null) return null;
  const record = doc as Record<string, unknown>;
  if (isType(record, 'AnnotationCollection')) {
    const first = record.first;
    if (
      typeof first === 'object' &&
      first !== null &&
      Array.isArray((first as { items?: unknown }).items)
    ) {
      return (first as { items: unknown[] }).items;
    }
    return Array.isArray(record.items) ? record.items : null;
  }
  if (isType(record, 'AnnotationPage')) return Array.isArray(record.items) ? record.items : null;
  if (isType(record, 'Annotation')) return [doc];
  return null;
}

function isType(record: Record<string, unknown>, type: string): boolean {
  const value = record.type;
  return value === type || (Array.isArray(value) && value.includes(type));
}

/** Returns one annotation as Folio understands it, or why it cannot be read. */
function parseAnnotation(raw: unknown): ParsedAnnotation | string {
  const result = annotation.safeParse(raw);
  if (!result.success) {
    const issue = result.error.issues[0];
    return `${issue?.path.join('.') || 'annotation'}: ${issue?.message ?? 'not an annotation'}`;
  }
  const a = result.data;
  const first = a.target[0];
  if (first === undefined) return 'it has no target';
  const src =
    typeof first === 'string'
      ? first
      : typeof first.source === 'string'
        ? first.source
        : first.source.id;
  const comments = [
    ...(a.body ?? [])
      .filter((b) => typeof b === 'string' || !b.purpose || b.purpose === 'commenting')
      .map((b) => (typeof b === 'string' ? b : (b.value ?? ''))),
    a.bodyValue ?? '',
  ].filter((text) => text !== '');
  const text = comments.join('\n\n');
  const modified = time(a.modified);
  const selectors = typeof first === 'string' ? [] : (first.selector ?? []);
  const quote = selectors.map((s) => quoteSelector.safeParse(s)).find((r) => r.success)?.data;
  if (!quote) {
    if (text === '') return 'it has neither a quote nor a note';
    return { kind: 'note', source: src, body: text, modified };
  }
  const position = selectors.map((s) => positionSelector.safeParse(s)).find((r) => r.success)?.data;
  const start = position?.start ?? 0;
  const styleClass = typeof first === 'string' ? undefined : first.styleClass;
  return {
    kind: 'highlight',
    source: src,
    selector: {
      exact: quote.exact,
      prefix: quote.prefix ?? '',
      suffix: quote.suffix ?? '',
      start,
      end: position && position.end > start ? position.end : start + quote.exact.length,
    },
    color: colorOf(styleClass),
    note: text,
    created: time(a.created),
    modified,
  };
}

function colorOf(styleClass: string | undefined): HighlightColor {
  const named = styleClass
    ?.split(/\s+/)
    .find((c) => c.startsWith(COLOR_CLASS))
    ?.slice(COLOR_CLASS.length);
  return HIGHLIGHT_COLORS.find((color) => color === named) ?? 'yellow';
}

function time(iso: string | undefined): number | undefined {
  const ms = iso === undefined ? NaN : Date.parse(iso);
  return Number.isNaN(ms) ? undefined : ms;
}
