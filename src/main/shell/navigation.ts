/**
 * Where the window may go. The UI lives at app://folio and never leaves it: navigations and
 * redirects elsewhere are stopped, new windows are denied, and an http(s) link the user follows
 * (in article content, say) opens in the default browser instead. Nothing else is opened
 * externally: `javascript:`, `file:`, `data:` and custom schemes could run code or open local
 * files through the OS.
 */
import type { App, HandlerDetails, WebContents } from 'electron';
import { APP_HOST, APP_SCHEME } from './protocol';

/** Returns true when `url` belongs to the app's own origin (app://folio). */
export function isAppUrl(url: string): boolean {
  const parsed = parse(url);
  return parsed !== null && parsed.protocol === `${APP_SCHEME}:` && parsed.host === APP_HOST;
}

/** Returns true when `url` is a plain http(s) URL that may be handed to the OS browser. */
export function isExternalHttpUrl(url: string): boolean {
  const parsed = parse(url);
  return (
    parsed !== null &&
    (parsed.protocol === 'https:' || parsed.protocol === 'http:') &&
    parsed.hostname !== '' &&
    parsed.username === '' &&
    parsed.password === ''
  );
}

function parse(url: string): URL | null {
  try {
    return new URL(url);
  } catch {
    return null;
  }
}

/** Opens a URL in the user's browser (shell.openExternal). */
export type OpenExternal = (url: string) => Promise<void>;

/** Opens `url` externally when it is http(s); returns whether it did. Never throws. */
function openIfExternal(url: string, openExternal: OpenExternal): boolean {
  if (!isExternalHttpUrl(url)) return false;
  openExternal(url).catch((error: unknown) => console.error('[shell] openExternal failed:', error));
  return true;
}

/** The part of WebContents the guard needs. */
export type GuardedContents = Pick<WebContents, 'on' | 'setWindowOpenHandler'>;

/**
 * Applies the navigation rules to one webContents: `will-navigate` and `will-redirect` are
 * prevented unless they stay on app://folio (a followed http(s) link opens externally),
 * `setWindowOpenHandler` denies every new window (opening http(s) externally), and
 * `will-attach-webview` is always prevented.
 */
export function guardWebContents(contents: GuardedContents, openExternal: OpenExternal): void {
  contents.on('will-navigate', (event, url) => {
    if (isAppUrl(url)) return;
    event.preventDefault();
    openIfExternal(url, openExternal);
  });
  contents.on('will-redirect', (event, url) => {
    if (!isAppUrl(url)) event.preventDefault();
  });
  contents.on('will-attach-webview', (event) => event.preventDefault());
  contents.setWindowOpenHandler((details: HandlerDetails) => {
    openIfExternal(details.url, openExternal);
    return { action: 'deny' };
  });
}

/** Guards every webContents the app ever creates (windows, devtools, anything). */
export function guardAllWebContents(app: Pick<App, 'on'>, openExternal: OpenExternal): void {
  app.on('web-contents-created', (_event, contents) => guardWebContents(contents, openExternal));
}
