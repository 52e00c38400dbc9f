/**
 * The OS app-data folder Folio uses when FOLIO_DATA_DIR is not set. It is the folder Electron's
 * `app.getPath('userData')` gives for the product name "Folio", so the desktop app and browser
 * mode read the same library.
 */
import { homedir } from 'node:os';
import { join } from 'node:path';

/** Returns the platform's app-data folder for Folio. */
export function defaultDataDir(platform = process.platform, env = process.env): string {
  if (platform === 'win32')
    return join(env.APPDATA ?? join(homedir(), 'AppData', 'Roaming'), 'Folio');
  if (platform === 'darwin') return join(homedir(), 'Library', 'Application Support', 'Folio');
  return join(env.XDG_CONFIG_HOME ?? join(homedir(), '.config'), 'Folio');
}
