/**
 * A small website on 127.0.0.1 for the subscriptions end-to-end tests: "Harbor Notes", whose
 * front page names two feeds with `<link rel="alternate">` (its articles and its comments), a
 * page naming one feed, a few more feeds under /feeds/<name>.xml for OPML imports, and 404 for
 * anything else. Feeds are written here, so that their titles can be asserted.
 */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';

/** The articles feed's items, newest first. */
export const HARBOR_ARTICLES = [
  'Tide Tables for the Long Weekend',
  'The Lighthouse Keeper Who Stayed',
  'Rebuilding the North Pier, Stone by Stone',
];

/** A feed with one story close to the seed (Russia and China), for "More like this". */
export const AMUR_STORY = 'Russia and China Open a New Bridge Over the Amur at Blagoveshchensk';

const page = (title: string, links: string) => `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>${title}</title>
${links}
</head><body><h1>${title}</h1><p>Stories from the harbour.</p></body></html>`;

/** An RSS 2.0 feed with `titles`, dated one day apart from 2026-03-10. */
export function rssFeed(title: string, titles: string[], link = 'http://127.0.0.1/'): string {
  const items = titles
    .map((item, i) => {
      const date = new Date(Date.UTC(2026, 2, 10 - i, 9)).toUTCString();
      const guid = `${title}-${i}`.replace(/\W+/g, '-');
      return `<item><title>${item}</title><link>${link}${guid}</link><guid>${guid}</guid>
<pubDate>${date}</pubDate><description>${item}. A short story from ${title}.</description></item>`;
    })
    .join('\n');
  return `<?xml version="1.0" encoding="utf-8"?>
<rss version="2.0"><channel><title>${title}</title><link>${link}</link>
<description>${title}</description>
${items}
</channel></rss>`;
}

/** The running site. */
export interface SiteServer {
  /** `http://127.0.0.1:PORT`. */
  origin: string;
  /** The front page, offering two feeds. */
  siteUrl: string;
  /** A page offering only the articles feed. */
  onePageUrl: string;
  /** `origin + /feeds/<name>.xml`: a feed named after `name` with two items. */
  feedUrl(name: string): string;
  /** Paths requested so far. */
  paths: string[];
  /** Wait this long before answering /feeds/*.xml (to watch an import's progress). */
  delayMs: number;
  close(): Promise<void>;
}

/** Starts the site on a free port (or on `port`). */
export async function startSiteServer(port = 0): Promise<SiteServer> {
  const paths: string[] = [];
  const state = { delayMs: 0 };
  const server = createServer((req, res) => {
    const path = (req.url ?? '/').split('?')[0] ?? '/';
    paths.push(path);
    const html = (body: string) =>
      res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8' }).end(body);
    const rss = (body: string) =>
      res.writeHead(200, { 'Content-Type': 'application/rss+xml; charset=utf-8' }).end(body);
    const named = /^\/feeds\/([a-z-]+)\.xml$/.exec(path);
    if (path === '/') {
      html(
        page(
          'Harbor Notes',
          `<link rel="alternate" type="application/rss+xml" title="Harbor Notes" href="/feed.xml">
<link rel="alternate" type="application/rss+xml" title="Harbor Notes – Comments" href="/comments.xml">`,
        ),
      );
    } else if (path === '/about/') {
      html(page('About', '<link rel="alternate" type="application/rss+xml" href="/feed.xml">'));
    } else if (path === '/feed.xml') {
      rss(rssFeed('Harbor Notes', HARBOR_ARTICLES));
    } else if (path === '/comments.xml') {
      rss(rssFeed('Harbor Notes – Comments', ['Re: Tide Tables', 'Re: The Lighthouse Keeper']));
    } else if (path === '/borderlands.xml') {
      rss(
        rssFeed('Borderlands', [AMUR_STORY]).replace(
          `${AMUR_STORY}. A short story`,
          `${AMUR_STORY}. Russian and Chinese officials met in Harbin and Heihe; Putin and Xi spoke of trade, energy and the partnership between Moscow and Beijing. A short story`,
        ),
      );
    } else if (named?.[1]) {
      const name = named[1].replace(/-/g, ' ');
      setTimeout(
        () => rss(rssFeed(name, [`First of ${name}`, `Second of ${name}`])),
        state.delayMs,
      );
    } else {
      res.writeHead(404, { 'Content-Type': 'text/plain' }).end('not found');
    }
  });
  await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return Object.assign(state, {
    origin,
    siteUrl: `${origin}/`,
    onePageUrl: `${origin}/about/`,
    feedUrl: (name: string) => `${origin}/feeds/${name}.xml`,
    paths,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  });
}
