/** The parts of OpenAPI 3.1 that Folio's document uses (openapi.ts builds it). */
import type { JsonSchema } from '../../shared/schemas/json-schema';

/** A response: its description and its body's schema by media type. */
export interface OpenApiResponse {
  description: string;
  content?: Record<string, { schema?: JsonSchema }>;
}

/** One operation (one method on one path). */
export interface OpenApiOperation {
  operationId: string;
  tags?: string[];
  summary: string;
  description: string;
  parameters?: {
    name: string;
    in: 'path' | 'query' | 'header' | 'cookie';
    required: boolean;
    description: string;
    schema: JsonSchema;
  }[];
  requestBody?: {
    required: boolean;
    description: string;
    content: Record<string, { schema: JsonSchema }>;
  };
  responses: Record<string, OpenApiResponse>;
}

/** A security scheme: the bearer token, or the cookie that carries it. */
export type OpenApiSecurityScheme =
  | { type: 'http'; scheme: 'bearer'; description: string }
  | { type: 'apiKey'; in: 'cookie'; name: string; description: string };

/** The whole document. */
export interface OpenApiDocument {
  openapi: '3.1.0';
  jsonSchemaDialect: string;
  info: { title: string; version: string; description: string };
  servers: {
    url: string;
    description: string;
    variables: Record<string, { default: string; description: string }>;
  }[];
  security: Record<string, string[]>[];
  tags: { name: string; description: string; 'x-displayName': string }[];
  paths: Record<string, { get?: OpenApiOperation; post?: OpenApiOperation }>;
  components: {
    schemas: Record<string, JsonSchema>;
    securitySchemes: Record<string, OpenApiSecurityScheme>;
  };
}
