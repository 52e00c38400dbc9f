/** Serves the built renderer (out/renderer) as static files, refusing anything outside it. */
import { readFile, stat } from 'node:fs/promises';
import { mimeType, resolveUiPath } from '../ui-files';

/** A static file's bytes and type. */
export interface StaticFile {
  body: Buffer;
  type: string;
}

/** Returns the file at URL path `urlPath` under `root` (`/` is index.html), or null. */
export async function readStatic(root: string, urlPath: string): Promise<StaticFile | null> {
  const file = resolveUiPath(root, urlPath);
  if (!file) return null;
  try {
    if (!(await stat(file)).isFile()) return null;
    return { body: await readFile(file), type: mimeType(file) };
  } catch {
    return null;
  }
}
