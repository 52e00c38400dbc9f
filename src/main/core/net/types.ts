/**
 * What a bounded GET is asked for and what it answers (fetch-bytes.ts). Nothing here knows what
 * the body is: feeds, pages and images are all fetched through these shapes.
 */

/** A conditional GET's request: the URL, the validators of the last fetch, and limits. */
export interface FetchRequest {
  url: string;
  etag?: string | null;
  lastModified?: string | null;
  /** Whole-response timeout in ms (default 20 000). */
  timeoutMs?: number;
  /** Cap on the decoded body in bytes (default 10 MB). */
  maxBytes?: number;
  signal?: AbortSignal;
}

/** The outcome of a conditional GET that returned a body. */
export interface FetchedBody {
  status: 'ok';
  /** The URL the body came from, after redirects. */
  finalUrl: string;
  /** Set when every redirect on the way was permanent (301/308): the resource's new address. */
  permanentUrl: string | null;
  /** The decoded-transfer (gunzipped) body, at most the size cap. */
  bytes: Uint8Array;
  contentType: string | null;
  etag: string | null;
  lastModified: string | null;
  /** Seconds from Cache-Control max-age, when given. */
  maxAgeSeconds: number | null;
}

/** The server said 304 Not Modified: nothing to read. */
export interface NotModified {
  status: 'not-modified';
  finalUrl: string;
  permanentUrl: string | null;
  etag: string | null;
  lastModified: string | null;
  maxAgeSeconds: number | null;
}

/** A body, or not-modified. */
export type FetchOutcome = FetchedBody | NotModified;
