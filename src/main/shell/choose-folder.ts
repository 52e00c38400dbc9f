/** The desktop's folder dialog, given to the core for export.toFolder (Markdown into a vault). */
import type { BrowserWindow, Dialog } from 'electron';
import type { ChooseFolder } from '../core/library/annotations/export-folder';

/** Returns a ChooseFolder that asks with the system's folder dialog, attached to the window. */
export function folderChooser(
  dialog: Pick<Dialog, 'showOpenDialog'>,
  getWindow: () => BrowserWindow | null,
): ChooseFolder {
  return async () => {
    const options = {
      title: 'Export highlights and notes',
      buttonLabel: 'Export here',
      properties: ['openDirectory', 'createDirectory'] as ('openDirectory' | 'createDirectory')[],
    };
    const window = getWindow();
    const result = window
      ? await dialog.showOpenDialog(window, options)
      : await dialog.showOpenDialog(options);
    return result.canceled ? null : (result.filePaths[0] ?? null);
  };
}
