/**
 * Offline reading's figures: full-text extraction time per page (Readability over
 * linkedom, then our sanitizer; median over the page fixtures) and the rate of storing images,
 * both through HTTP on 127.0.0.1 (downloadArticleImages: fetch, sniff, store, link) and for the
 * SQLite writes alone.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { extractReadable } from '../../src/main/core/content/extract';
import { downloadArticleImages } from '../../src/main/core/library/offline/image-download';
import { boundedGet } from '../../src/main/core/net/fetch-bytes';
import { FetchLimiter } from '../../src/main/core/net/fetch-limiter';
import type { BenchContext } from './context';
import { collectGarbage } from './context';
import { emit } from './report';
import { openTempStore } from './temp-store';

const IMAGE_BYTES = 100 * 1024;
const ARTICLES = 20;
const IMAGES_PER_ARTICLE = 10;

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] as number;
}

/** Prints the extraction figures: one per page fixture and the median over them. */
export function benchExtraction(ctx: BenchContext): void {
  const dir = path.join(ctx.repo, 'tests/fixtures/pages');
  const pages = readdirSync(dir).filter((name) => name.endsWith('.html'));
  const medians: number[] = [];
  for (const name of pages) {
    const html = readFileSync(path.join(dir, name), 'utf8');
    const url = `https://pages.example.com/${name}`;
    extractReadable(html, url); // warm-up
    const times: number[] = [];
    for (let i = 0; i < Math.max(ctx.runs * 4, 20); i++) {
      const start = performance.now();
      extractReadable(html, url);
      times.push(performance.now() - start);
    }
    medians.push(median(times));
    emit({
      figure: `extract.${name.replace(/\.html$/, '')}`,
      value: median(times),
      unit: 'ms',
      bytes: html.length,
    });
  }
  emit({
    figure: 'extract.medianPerPage',
    value: median(medians),
    unit: 'ms',
    pages: pages.length,
  });
}

/** A PNG signature and then filler: enough for the type sniffing, the size of a real photo. */
function fakePng(seed: number): Buffer {
  const bytes = Buffer.alloc(IMAGE_BYTES, seed % 251);
  Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]).copy(bytes);
  return bytes;
}

/** Prints the image storing figures (through HTTP, and the SQLite writes alone). */
export async function benchAssets(ctx: BenchContext): Promise<void> {
  const server = createServer((req, res) => {
    const seed = Number(/(\d+)\.png$/.exec(req.url ?? '')?.[1] ?? 0);
    res.writeHead(200, { 'Content-Type': 'image/png' });
    res.end(fakePng(seed));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  try {
    const store = openTempStore(ctx.temp);
    const ids: number[] = [];
    for (let a = 0; a < ARTICLES; a++) {
      const images = Array.from(
        { length: IMAGES_PER_ARTICLE },
        (_, i) => `<p><img src="${origin}/img/${a * IMAGES_PER_ARTICLE + i}.png" alt=""></p>`,
      );
      ids.push(
        store.articles.insert({
          uid: `library:bench:${a}`,
          feedId: null,
          kind: 'saved',
          url: null,
          title: `Article ${a}`,
          author: null,
          publishedAt: null,
          contentHtml: images.join(''),
          text: '',
        }),
      );
    }
    collectGarbage();
    // The app's limits: the offline queue's own limiter, 4 at once and 2 per host.
    const limiter = new FetchLimiter(4, 2);
    const get = boundedGet(globalThis.fetch);
    const start = performance.now();
    await Promise.all(ids.map((id) => downloadArticleImages({ store, get, limiter }, id)));
    const seconds = (performance.now() - start) / 1000;
    const images = ARTICLES * IMAGES_PER_ARTICLE;
    emit({
      figure: 'assets.downloadAndStore',
      value: images / seconds,
      unit: 'images/s',
      mbPerSecond: (images * IMAGE_BYTES) / 1_048_576 / seconds,
      images,
      imageBytes: IMAGE_BYTES,
      note: 'HTTP on 127.0.0.1, 4 at once (2 per host), sniff, store, link',
    });
    store.close();

    const bare = openTempStore(ctx.temp);
    const blobs = Array.from({ length: images }, (_, i) => fakePng(i));
    collectGarbage();
    const writeStart = performance.now();
    bare.transaction(() => {
      blobs.forEach((data, i) => bare.assets.put(`${origin}/bare/${i}.png`, 'image/png', data));
    });
    const writeSeconds = (performance.now() - writeStart) / 1000;
    emit({
      figure: 'assets.storeOnly',
      value: images / writeSeconds,
      unit: 'images/s',
      mbPerSecond: (images * IMAGE_BYTES) / 1_048_576 / writeSeconds,
      images,
    });
    bare.close();
  } finally {
    server.close();
  }
}
