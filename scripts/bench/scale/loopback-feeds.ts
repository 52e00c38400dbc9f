/**
 * The feeds the long jobs fetch, served by the benchmark's process on 127.0.0.1 only: a feed of
 * many small items (`/big.xml`, the writer's longest transaction), a feed of large items
 * (`/large.xml`, ~3.5 KB each: point 6's 35 MB), and tiny one-item feeds (`/f/<n>.xml`) for an
 * OPML import's outlines, spread over several ports so the fetch limiter sees several hosts.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { articleHtml } from '../article-html';
import type { ZipfWords } from '../words';

/** A running loopback feed server. */
export interface LoopbackFeeds {
  /** The base URL of the first port (`http://127.0.0.1:<port>`). */
  base: string;
  /** Base URLs of every port. */
  bases: string[];
  /** Bytes of /big.xml and /large.xml once generated. */
  bytes: Record<string, number>;
  requests: number;
  close(): Promise<void>;
}

/** What to generate. */
export interface LoopbackSpec {
  bigItems: number;
  largeItems: number;
  /** HTML bytes per item of /large.xml. */
  largeItemBytes: number;
  ports: number;
}

/** Starts the server; documents are generated on first request and kept. */
export async function startLoopbackFeeds(
  words: ZipfWords,
  spec: LoopbackSpec,
): Promise<LoopbackFeeds> {
  const documents = new Map<string, Buffer>();
  const state = { requests: 0 };
  const bytes: Record<string, number> = {};
  const documentFor = (pathname: string, base: string): Buffer | null => {
    const cached = documents.get(pathname);
    if (cached) return cached;
    let body: string;
    if (pathname === '/big.xml') body = rss(base, 'Big', spec.bigItems, () => '');
    else if (pathname === '/large.xml') {
      body = rss(base, 'Large', spec.largeItems, (i) => articleHtml(words, i, spec.largeItemBytes));
    } else if (/^\/f\/\d+\.xml$/.test(pathname)) {
      return Buffer.from(rss(base, pathname, 1, () => ''));
    } else return null;
    const buffer = Buffer.from(body);
    bytes[pathname] = buffer.length;
    documents.set(pathname, buffer);
    return buffer;
  };
  const servers: Server[] = [];
  const bases: string[] = [];
  for (let i = 0; i < spec.ports; i++) {
    const server = createServer((req, res) => {
      state.requests++;
      const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
      const body = documentFor(new URL(req.url ?? '/', base).pathname, base);
      if (body === null) return void res.writeHead(404).end();
      res.writeHead(200, {
        'Content-Type': 'application/rss+xml; charset=utf-8',
        'Content-Length': body.length,
      });
      res.end(body);
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    servers.push(server);
    bases.push(`http://127.0.0.1:${(server.address() as AddressInfo).port}`);
  }
  return {
    base: bases[0] as string,
    bases,
    bytes,
    get requests() {
      return state.requests;
    },
    close: async () => {
      await Promise.all(
        servers.map(
          (server) =>
            new Promise<void>((resolve) => {
              server.close(() => resolve());
              server.closeAllConnections();
            }),
        ),
      );
    },
  };
}

/** Returns an RSS document of `items` items with the HTML `content(i)` (none when empty). */
function rss(base: string, title: string, items: number, content: (i: number) => string): string {
  const newest = Date.UTC(2026, 0, 1);
  const parts: string[] = [];
  for (let i = 0; i < items; i++) {
    const html = content(i);
    parts.push(
      `<item><title>Item ${i}</title><link>${base}/p/${i}</link><guid>${i}</guid>` +
        `<pubDate>${new Date(newest - i * 60_000).toUTCString()}</pubDate>` +
        (html === '' ? '' : `<content:encoded><![CDATA[${html}]]></content:encoded>`) +
        '</item>',
    );
  }
  return `<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/"><channel>
<title>${title}</title><link>${base}/</link><description>Benchmark feed</description>
${parts.join('\n')}
</channel></rss>
`;
}
