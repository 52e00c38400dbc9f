import { beforeEach, describe, expect, it } from 'vitest';
import {
  guardAllWebContents,
  guardWebContents,
  isAppUrl,
  isExternalHttpUrl,
} from '../../src/main/shell/navigation';
import { denyAllPermissions } from '../../src/main/shell/permissions';
import { app, BrowserWindow, FakeWebContents, resetFake, session, shell } from '../fakes/electron';

const openExternal = (url: string): Promise<void> => shell.openExternal(url);

describe('URL rules', () => {
  it('recognizes only app://folio as the app', () => {
    expect(isAppUrl('app://folio/index.html')).toBe(true);
    expect(isAppUrl('app://folio/')).toBe(true);
    expect(isAppUrl('app://evil/index.html')).toBe(false);
    expect(isAppUrl('https://folio/index.html')).toBe(false);
    expect(isAppUrl('file:///app/out/renderer/index.html')).toBe(false);
    expect(isAppUrl('not a url')).toBe(false);
  });

  it('opens only http(s) URLs externally', () => {
    expect(isExternalHttpUrl('https://example.com/a?b=c')).toBe(true);
    expect(isExternalHttpUrl('http://example.com/')).toBe(true);
    for (const url of [
      'javascript:alert(1)',
      'file:///etc/passwd',
      'data:text/html,<script>alert(1)</script>',
      'smb://server/share',
      'app://folio/index.html',
      'folio-asset://asset/1',
      'ms-msdt:/id PCWDiagnostic',
      'https://user:pass@example.com/',
      'https://',
      '',
    ]) {
      expect(isExternalHttpUrl(url), url).toBe(false);
    }
  });
});

describe('web contents guard', () => {
  let contents: FakeWebContents;
  beforeEach(() => {
    resetFake();
    contents = new FakeWebContents();
    guardWebContents(contents as never, openExternal);
  });

  it('denies every window.open, opening only http(s) in the browser', () => {
    expect(contents.windowOpenHandler!({ url: 'https://example.com/story' })).toEqual({
      action: 'deny',
    });
    expect(contents.windowOpenHandler!({ url: 'javascript:alert(1)' })).toEqual({ action: 'deny' });
    expect(contents.windowOpenHandler!({ url: 'file:///etc/passwd' })).toEqual({ action: 'deny' });
    expect(contents.windowOpenHandler!({ url: 'app://folio/index.html' })).toEqual({
      action: 'deny',
    });
    expect(shell.opened).toEqual(['https://example.com/story']);
  });

  it('prevents navigation away from the app and opens http(s) links externally', () => {
    expect(contents.fire('will-navigate', 'https://example.com/x').defaultPrevented).toBe(true);
    expect(contents.fire('will-navigate', 'file:///etc/passwd').defaultPrevented).toBe(true);
    expect(contents.fire('will-navigate', 'data:text/html,hi').defaultPrevented).toBe(true);
    expect(contents.fire('will-navigate', 'app://evil/index.html').defaultPrevented).toBe(true);
    expect(contents.fire('will-navigate', 'app://folio/index.html').defaultPrevented).toBe(false);
    expect(shell.opened).toEqual(['https://example.com/x']);
  });

  it('prevents redirects away from the app without opening anything', () => {
    expect(contents.fire('will-redirect', 'https://example.com/').defaultPrevented).toBe(true);
    expect(contents.fire('will-redirect', 'app://folio/index.html').defaultPrevented).toBe(false);
    expect(shell.opened).toEqual([]);
  });

  it('prevents attaching webviews', () => {
    expect(contents.fire('will-attach-webview', {}, {}).defaultPrevented).toBe(true);
  });

  it('guards every webContents the app creates', () => {
    guardAllWebContents(app as never, openExternal);
    const window = new BrowserWindow({});
    expect(window.webContents.fire('will-navigate', 'https://example.com/').defaultPrevented).toBe(
      true,
    );
    expect(window.webContents.windowOpenHandler!({ url: 'https://e.com/' })).toEqual({
      action: 'deny',
    });
  });
});

describe('permissions', () => {
  it('denies every permission request and check', () => {
    resetFake();
    const ses = session.defaultSession;
    denyAllPermissions(ses as never);
    for (const permission of ['media', 'geolocation', 'notifications', 'openExternal', 'hid']) {
      let granted: boolean | undefined;
      ses.permissionRequestHandler!({}, permission, (answer: boolean) => (granted = answer), {});
      expect(granted, permission).toBe(false);
      expect(ses.permissionCheckHandler!(null, permission, 'app://folio', {}), permission).toBe(
        false,
      );
    }
  });
});
