/**
 * Taking annotations elsewhere: in the desktop app the Markdown files go into a folder the user
 * picks (`export.toFolder`, e.g. an Obsidian vault); in browser mode `export.markdown`'s files
 * come as one zip download (fflate). Also the W3C Web Annotation JSON as a download, and
 * importing such a file back.
 */
import { strToU8, zipSync } from 'fflate';
import type { ApiClient } from '../../../../shared/contract';
import type { AnnotationImport } from '../../../../shared/model';
import type { Connection } from '../api';

/** Saves `data` as a file named `name` through the browser's download. */
export function download(data: Blob, name: string): void {
  const url = URL.createObjectURL(data);
  const link = document.createElement('a');
  link.href = url;
  link.download = name;
  link.hidden = true;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** Today as YYYY-MM-DD, for file names. */
function today(): string {
  return new Date().toISOString().slice(0, 10);
}

/** Builds a zip of Markdown files (name → content); returns its bytes. */
function zipFiles(files: readonly { name: string; content: string }[]): Uint8Array {
  const entries: Record<string, Uint8Array> = {};
  for (const file of files) entries[file.name] = strToU8(file.content);
  return zipSync(entries, { level: 6, mtime: new Date() });
}

/**
 * Exports the Markdown of one article (`articleId`) or of every annotated article: into a chosen
 * folder in the desktop app (the IPC transport), as a zip download in browser mode; returns how
 * many files were written (0: nothing to export, or the folder dialog was cancelled).
 */
export async function exportMarkdown(
  { api, transport }: Pick<Connection, 'api' | 'transport'>,
  articleId?: number,
): Promise<number> {
  const params = articleId === undefined ? {} : { articleId };
  if (transport === 'ipc') return (await api['export.toFolder'](params)).files;
  const { files } = await api['export.markdown'](params);
  if (files.length === 0) return 0;
  const stem =
    articleId === undefined ? 'Folio notebook' : (files[0]?.name.replace(/\.md$/i, '') ?? 'Folio');
  const zip = zipFiles(files);
  download(new Blob([zip as BlobPart], { type: 'application/zip' }), `${stem} ${today()}.zip`);
  return files.length;
}

/** Downloads the annotations (of one article, or all) as W3C Web Annotation JSON. */
export async function exportWebAnnotations(api: ApiClient, articleId?: number): Promise<void> {
  const { json } = await api['annotations.exportW3C'](articleId === undefined ? {} : { articleId });
  download(new Blob([json], { type: 'application/ld+json' }), `Folio annotations ${today()}.json`);
}

/** Imports a Web Annotation JSON file chosen by the user; returns what was imported. */
export async function importWebAnnotations(api: ApiClient, file: File): Promise<AnnotationImport> {
  return api['annotations.importW3C']({ json: await file.text() });
}

/** A sentence for the outcome of an import. */
export function importSummary(result: AnnotationImport): string {
  const parts = [
    `${result.highlights} highlight${result.highlights === 1 ? '' : 's'}`,
    `${result.notes} note${result.notes === 1 ? '' : 's'}`,
  ];
  let text = `Imported ${parts.join(' and ')}.`;
  if (result.skipped > 0)
    text += ` ${result.skipped} skipped (already here, or their article is not in this library).`;
  if (result.errors.length > 0) text += ` ${result.errors.length} could not be read.`;
  return text;
}
