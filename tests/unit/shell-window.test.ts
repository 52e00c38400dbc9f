import { describe, expect, it } from 'vitest';
import { createWindowOptions } from '../../src/main/shell/window-options';

describe('window options', () => {
  const options = createWindowOptions('/app/out/preload/index.js');
  const prefs = options.webPreferences!;

  it('isolates the renderer: context isolation, sandbox, no Node, web security', () => {
    expect(prefs.contextIsolation).toBe(true);
    expect(prefs.sandbox).toBe(true);
    expect(prefs.nodeIntegration).toBe(false);
    expect(prefs.nodeIntegrationInWorker).toBe(false);
    expect(prefs.nodeIntegrationInSubFrames).toBe(false);
    expect(prefs.webSecurity).toBe(true);
    expect(prefs.allowRunningInsecureContent).toBe(false);
  });

  it('turns off webview tags, experimental features and Blink feature switches', () => {
    expect(prefs.webviewTag).toBe(false);
    expect(prefs.experimentalFeatures).toBe(false);
    expect(prefs.enableBlinkFeatures).toBeUndefined();
    expect(prefs.navigateOnDragDrop).toBe(false);
    expect(prefs.disableBlinkFeatures).toBe('Auxclick');
  });

  it('sets the preload script', () => {
    expect(prefs.preload).toBe('/app/out/preload/index.js');
  });

  it('writes sandbox last so nothing after it can override it', () => {
    expect(Object.keys(prefs).at(-1)).toBe('sandbox');
  });
});
