/**
 * The options of Folio's one window. The renderer gets no Node, an isolated world for the
 * preload, Chromium's sandbox and the web's same-origin rules. `sandbox: true` is written last
 * so no spread or later key can turn it off (as VS Code does).
 */
import type { BrowserWindowConstructorOptions } from 'electron';

/** Returns the BrowserWindow options with the given preload script. */
export function createWindowOptions(preloadPath: string): BrowserWindowConstructorOptions {
  return {
    width: 1280,
    height: 840,
    minWidth: 720,
    minHeight: 480,
    title: 'Folio',
    show: false,
    backgroundColor: '#ffffff',
    webPreferences: {
      preload: preloadPath,
      contextIsolation: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      experimentalFeatures: false,
      navigateOnDragDrop: false,
      // Middle-click fires no auxclick event; a middle-clicked link still goes through the
      // window-open handler, which denies it (opening http(s) in the browser).
      disableBlinkFeatures: 'Auxclick',
      safeDialogs: true,
      spellcheck: true,
      sandbox: true,
    },
  };
}
