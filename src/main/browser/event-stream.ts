/** Server-Sent Events for browser mode: every FolioEvent of the hub goes to each open stream. */
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { EventHub } from '../core/events';

/** Keeps proxies and idle timers from closing a quiet stream. */
const HEARTBEAT_MS = 25_000;

/** The open event streams of the server. */
export class EventStream {
  readonly #clients = new Set<ServerResponse>();

  constructor(hub: EventHub) {
    hub.on((event) => {
      const frame = `data: ${JSON.stringify(event)}\n\n`;
      for (const res of this.#clients) res.write(frame);
    });
  }

  /** Turns a GET /api/events response into a stream until the client goes away. */
  attach(req: IncomingMessage, res: ServerResponse): void {
    if (req.method !== 'GET') {
      res.writeHead(405).end();
      return;
    }
    res.writeHead(200, {
      'Content-Type': 'text/event-stream; charset=utf-8',
      'Cache-Control': 'no-store',
      Connection: 'keep-alive',
    });
    res.write('retry: 3000\n: connected\n\n');
    const heartbeat = setInterval(() => res.write(': ping\n\n'), HEARTBEAT_MS);
    heartbeat.unref();
    this.#clients.add(res);
    const done = () => {
      clearInterval(heartbeat);
      this.#clients.delete(res);
    };
    req.on('close', done);
    res.on('close', done);
  }

  /** Ends every stream (at shutdown). */
  closeAll(): void {
    for (const res of this.#clients) res.end();
    this.#clients.clear();
  }
}
