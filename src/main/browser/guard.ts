/**
 * Who may talk to browser mode. It listens on 127.0.0.1 only, and still checks every request:
 * the Host header (a DNS-rebinding page reaches 127.0.0.1 under a foreign name), the Origin (a
 * foreign page's fetch), and the token (another local user or program).
 */
import { timingSafeEqual } from 'node:crypto';
import type { IncomingMessage } from 'node:http';

/** The cookie that carries the token after the page was opened with `?token=`. */
export const TOKEN_COOKIE = 'folio_token';

/** Returns the origins this server answers to: 127.0.0.1 and localhost on its port. */
export function allowedHosts(port: number): Set<string> {
  return new Set([`127.0.0.1:${port}`, `localhost:${port}`]);
}

/** Returns true when the request's Host header names this server. */
export function isAllowedHost(req: IncomingMessage, hosts: Set<string>): boolean {
  const host = req.headers.host;
  return typeof host === 'string' && hosts.has(host.toLowerCase());
}

/** Returns true when the request has no Origin (same-origin GETs, curl) or our own. */
export function isAllowedOrigin(req: IncomingMessage, hosts: Set<string>): boolean {
  const origin = req.headers.origin;
  if (origin === undefined) return true;
  if (!URL.canParse(origin)) return false;
  const url = new URL(origin);
  return url.protocol === 'http:' && hosts.has(url.host.toLowerCase());
}

/** Returns true when two strings are equal, in time that does not depend on where they differ. */
export function sameSecret(given: string, expected: string): boolean {
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}

/** Returns the token a request carries: `Authorization: Bearer`, else the cookie; or null. */
export function requestToken(req: IncomingMessage): string | null {
  const auth = req.headers.authorization;
  if (typeof auth === 'string') {
    const match = /^Bearer\s+(\S+)$/i.exec(auth.trim());
    return match ? (match[1] as string) : null;
  }
  return readCookie(req, TOKEN_COOKIE);
}

/** Returns the value of one cookie, or null. */
function readCookie(req: IncomingMessage, name: string): string | null {
  const header = req.headers.cookie;
  if (!header) return null;
  for (const part of header.split(';')) {
    const eq = part.indexOf('=');
    if (eq > 0 && part.slice(0, eq).trim() === name) {
      try {
        return decodeURIComponent(part.slice(eq + 1).trim());
      } catch {
        return null;
      }
    }
  }
  return null;
}

/** Returns the Set-Cookie value that stores the token for the page's own requests. */
export function tokenCookie(token: string): string {
  return `${TOKEN_COOKIE}=${encodeURIComponent(token)}; HttpOnly; SameSite=Strict; Path=/`;
}
