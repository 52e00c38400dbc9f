/**
 * `export.toFolder`: the Markdown export written into a folder the user picks, the desktop
 * app's way of taking highlights to Obsidian or any notes folder. The core does not know how to
 * ask (Electron's folder dialog is the shell's): it is given a `chooseFolder` function, and
 * browser mode, which has none, answers that a zip download is the way there.
 */
import { randomBytes } from 'node:crypto';
import { renameSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { ApiError } from '../../../../shared/errors';
import type { Store } from '../../storage/store';
import { exportMarkdown } from './export-markdown';

/** Asks the user for a folder; resolves with its path, or null when they cancel. */
export type ChooseFolder = () => Promise<string | null>;

/**
 * Writes one Markdown file per annotated article (or the one asked for) into the chosen folder
 * and returns the folder and how many files were written. A file of the same name is replaced
 * (a later export of the same article updates it), each through a temporary file and a rename,
 * so a crash never leaves half a note in the user's vault.
 */
export async function exportToFolder(
  store: Store,
  chooseFolder: ChooseFolder | undefined,
  params: { articleId?: number },
): Promise<{ folder: string | null; files: number }> {
  if (!chooseFolder) {
    throw new ApiError(
      'BAD_REQUEST',
      'Exporting into a folder needs the desktop app; in the browser, download the zip instead.',
    );
  }
  const { files } = exportMarkdown(store, params);
  if (files.length === 0) return { folder: null, files: 0 };
  const folder = await chooseFolder();
  if (folder === null) return { folder: null, files: 0 };
  if (!statSync(folder, { throwIfNoEntry: false })?.isDirectory()) {
    throw new ApiError('BAD_REQUEST', `${folder} is not a folder.`);
  }
  for (const file of files) {
    const target = join(folder, file.name);
    const temporary = join(folder, `.${file.name}.${randomBytes(4).toString('hex')}.tmp`);
    writeFileSync(temporary, file.content, 'utf8');
    renameSync(temporary, target);
  }
  return { folder, files: files.length };
}
