/**
 * Figure 1: ingest of a 1,000-item RSS and Atom document through decode + parse + normalize +
 * sanitize + store, against rss-parser's parseString alone and a bare insert of the same rows (with
 * the FTS trigger) in one transaction, each in a fresh temp file database, median of `runs` after a
 * warm-up. The bare insert is one prepared INSERT a row, the baseline; the same rows in
 * 64-row statements (as the store writes them since issue 11) are timed too and printed beside it,
 * since FTS5 makes that one 2x cheaper (docs/technotes/benchmark.md, "Ingest and FTS5").
 */
import Parser from 'rss-parser';
import { feedFromBytes } from '../../src/main/core/feeds/pipeline';
import type { NormalizedFeed } from '../../src/main/core/feeds/types';
import { feedUpdateOf } from '../../src/main/core/library/refresh/feed-update-of';
import { collectGarbage, type BenchContext } from './context';
import { atomDocument, rssDocument, type FeedSpec } from './feed-documents';
import { emit, median, timeAsync, timeSync } from './report';
import { openTempStore, subscribe } from './temp-store';
import { rawDatabase } from '../../src/main/core/storage/raw-database';
import { MAX_BATCH, valuesList } from '../../src/main/core/storage/row-batches';
import type { Statement } from 'better-sqlite3';
import { loadavg } from 'node:os';

/** One generated document and what the pipeline made of it. */
export interface IngestDocument {
  format: 'rss' | 'atom';
  text: string;
  bytes: Uint8Array;
  url: string;
  contentType: string;
  items: number;
}

/** The medians measured for one document (ms). */
export interface IngestResult {
  doc: IngestDocument;
  pipelineMs: number;
}

const ITEMS = 1000;

/** Returns the two 1,000-item documents of figure 1 (and of figure 2's re-ingest). */
export function makeDocuments(ctx: BenchContext): IngestDocument[] {
  const spec: FeedSpec = {
    items: ITEMS,
    htmlBytes: 3000,
    site: 'https://news.example.com',
    title: 'Example News',
    newest: Date.UTC(2025, 0, 31),
  };
  const rss = rssDocument(ctx.words, spec);
  const atom = atomDocument(ctx.words, { ...spec, site: 'https://blog.example.net' });
  return [
    { format: 'rss', text: rss, contentType: 'application/rss+xml', url: `${spec.site}/feed/` },
    {
      format: 'atom',
      text: atom,
      contentType: 'application/atom+xml',
      url: 'https://blog.example.net/feed.atom',
    },
  ].map((d) => ({
    ...d,
    format: d.format as 'rss' | 'atom',
    bytes: new TextEncoder().encode(d.text),
    items: ITEMS,
  }));
}

/** Measures figure 1 for each document; returns the pipeline medians for figure 2. */
export async function benchIngest(
  ctx: BenchContext,
  docs: IngestDocument[],
): Promise<IngestResult[]> {
  const results: IngestResult[] = [];
  for (const doc of docs) results.push(await benchDocument(ctx, doc));
  return results;
}

async function benchDocument(ctx: BenchContext, doc: IngestDocument): Promise<IngestResult> {
  const now = Date.UTC(2025, 1, 1);
  const parser = new Parser();
  const pipeline: PipelineRun[] = [];
  const rssParser: number[] = [];
  const bare: number[] = [];
  const bareBatched: number[] = [];

  // Run 0 is the warm-up (JIT, page cache); the three measurements alternate so drift hits all.
  for (let run = 0; run <= ctx.runs; run++) {
    collectGarbage();
    const timed = await pipelineRun(ctx, doc, now);
    if (run > 0) pipeline.push(timed);

    collectGarbage();
    const parsed = await timeAsync(() => parser.parseString(doc.text));
    if (run > 0) rssParser.push(parsed);

    collectGarbage();
    const bareMs = bareInsert(ctx, doc.url, timed.feed, now, 1);
    if (run > 0) bare.push(bareMs);

    collectGarbage();
    const batchedMs = bareInsert(ctx, doc.url, timed.feed, now, MAX_BATCH);
    if (run > 0) bareBatched.push(batchedMs);
  }

  const items = (pipeline[0] as PipelineRun).feed.items.length;
  const ms = median(pipeline.map((p) => p.total));
  const rate = (milliseconds: number): number => (items * 1000) / milliseconds;
  const name = `ingest.${doc.format}`;
  emit({
    figure: name,
    value: rate(ms),
    unit: 'items/s',
    ms,
    decodeParseNormalizeSanitizeMs: median(pipeline.map((p) => p.parse)),
    storeMs: median(pipeline.map((p) => p.store)),
    items,
    docBytes: doc.bytes.length,
    runs: ctx.runs,
  });
  const parserMs = median(rssParser);
  emit({
    figure: `${name}.rssParserOnly`,
    value: rate(parserMs),
    unit: 'items/s',
    ms: parserMs,
    runs: ctx.runs,
  });
  const bareMs = median(bare);
  emit({
    figure: `${name}.bareInsert`,
    value: rate(bareMs),
    unit: 'items/s',
    ms: bareMs,
    runs: ctx.runs,
  });
  const batchedMs = median(bareBatched);
  emit({
    figure: `${name}.bareInsertBatched`,
    value: rate(batchedMs),
    unit: 'items/s',
    ms: batchedMs,
    rowsPerStatement: MAX_BATCH,
    runs: ctx.runs,
  });
  emit({ figure: `${name}.ratioToRssParser`, value: parserMs / ms, unit: 'ratio' });
  const toBare = bareMs / ms;
  emit({
    figure: `${name}.ratioToBareInsert`,
    value: toBare,
    unit: 'ratio',
    target: '>= 0.6',
    met: toBare >= 0.6,
    loadAverage: loadavg()[0],
  });
  emit({
    figure: `${name}.ratioToBareInsertBatched`,
    value: batchedMs / ms,
    unit: 'ratio',
    storeToBareBatched: median(pipeline.map((p) => p.store)) / batchedMs,
    note: 'the pipeline (parse, sanitize) is most of what is left',
  });
  return { doc, pipelineMs: ms };
}

/** One timed ingest (ms): the whole, the pipeline's part and the store's part. */
interface PipelineRun {
  total: number;
  parse: number;
  store: number;
  feed: NormalizedFeed;
}

/** Runs decode -> parse -> normalize -> sanitize -> store once into a fresh database. */
async function pipelineRun(
  ctx: BenchContext,
  doc: IngestDocument,
  now: number,
): Promise<PipelineRun> {
  const store = openTempStore(ctx.temp);
  const feedId = subscribe(store, doc.url);
  const meta = { url: doc.url, contentType: doc.contentType };
  const started = process.hrtime.bigint();
  const feed = await feedFromBytes(doc.bytes, meta, now);
  const parsed = process.hrtime.bigint();
  store.feedUpdates.apply(feedId, feedUpdateOf(feed), now);
  const stored = process.hrtime.bigint();
  store.close();
  const ms = (from: bigint, to: bigint): number => Number(to - from) / 1e6;
  return {
    total: ms(started, stored),
    parse: ms(started, parsed),
    store: ms(parsed, stored),
    feed,
  };
}

/**
 * Returns the ms of inserting the feed's rows in one transaction into a fresh database,
 * `perStatement` rows to each INSERT.
 */
function bareInsert(
  ctx: BenchContext,
  url: string,
  feed: NormalizedFeed,
  now: number,
  perStatement: number,
): number {
  const store = openTempStore(ctx.temp);
  const feedId = subscribe(store, url);
  const db = rawDatabase(store);
  // The columns a feed update writes, without its lookup of existing rows.
  const insert = (rows: number): Statement =>
    db.prepare(
      `INSERT INTO articles (uid, feed_id, kind, url, title, author, published_at, sort_at,
         fetched_at, updated_at, content_html, text, content_hash)
       VALUES ${valuesList("(?, ?, 'feed', ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", rows)}`,
    );
  const full = insert(perStatement);
  const params = (item: NormalizedFeed['items'][number]): unknown[] => [
    `${feedId}:${item.identity}`,
    feedId,
    item.url,
    item.title,
    item.author,
    item.publishedAt,
    item.publishedAt ?? now,
    now,
    now,
    item.contentHtml,
    item.text,
    item.contentHash,
  ];
  const ms = timeSync(() =>
    store.transaction(() => {
      const { items } = feed;
      for (let start = 0; start < items.length; start += perStatement) {
        const batch = items.slice(start, start + perStatement);
        const statement = batch.length === perStatement ? full : insert(batch.length);
        statement.run(batch.flatMap(params));
      }
    }),
  );
  store.close();
  return ms;
}
