import { mkdirSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { openApp } from '../../src/main/core/app';
import { folderChooser } from '../../src/main/shell/choose-folder';
import { BrowserWindow, dialog, resetFake } from '../fakes/electron';
import { RESOURCES_DIR, tempDir } from '../helpers/temp-dir';
import { loopbackFetch } from '../helpers/net';

/** Opens a fresh library (with the seed) whose folder dialog is `chooseFolder`. */
async function annotatedApp(chooseFolder?: () => Promise<string | null>) {
  const app = openApp({
    fetch: loopbackFetch,
    dataDir: tempDir(),
    resourcesDir: RESOURCES_DIR,
    scheduleRefresh: false,
    chooseFolder,
  });
  const seed = (await app.api['articles.list']({})).items[0]!;
  return { app, seedId: seed.id };
}

describe('export.toFolder', () => {
  const opened: { close(): void }[] = [];
  afterAll(() => opened.forEach((app) => app.close()));

  it('writes one Markdown file per annotated article into the chosen folder', async () => {
    const folder = join(tempDir(), 'vault');
    mkdirSync(folder);
    const { app, seedId } = await annotatedApp(async () => folder);
    opened.push(app);
    await app.api['notes.set']({ articleId: seedId, body: 'Compare with the 2019 visit.' });
    const result = await app.api['export.toFolder']({});
    expect(result).toEqual({ folder, files: 1 });
    const [name] = readdirSync(folder);
    expect(name).toMatch(/^Putin.*\.md$/);
    expect(readFileSync(join(folder, name!), 'utf8')).toContain('Compare with the 2019 visit.');
    // A second export replaces the file and leaves no temporary files behind.
    await app.api['notes.set']({ articleId: seedId, body: 'Compare with the 2014 visit.' });
    await app.api['export.toFolder']({});
    expect(readdirSync(folder)).toEqual([name]);
    expect(readFileSync(join(folder, name!), 'utf8')).toContain('2014');
  });

  it('does nothing when the user cancels, and says why in browser mode', async () => {
    const { app, seedId } = await annotatedApp(async () => null);
    opened.push(app);
    await app.api['notes.set']({ articleId: seedId, body: 'A note.' });
    expect(await app.api['export.toFolder']({})).toEqual({ folder: null, files: 0 });
    const browser = await annotatedApp(undefined);
    opened.push(browser.app);
    await browser.app.api['notes.set']({ articleId: browser.seedId, body: 'A note.' });
    expect(await browser.app.dispatch('export.toFolder', {})).toMatchObject({
      ok: false,
      error: { code: 'BAD_REQUEST', message: expect.stringContaining('zip') },
    });
  });

  it('asks with the system folder dialog, attached to the window', async () => {
    resetFake();
    const window = new BrowserWindow({});
    dialog.nextOpen = { canceled: false, filePaths: ['/home/reader/Vault'] };
    const choose = folderChooser(dialog as never, () => window as never);
    expect(await choose()).toBe('/home/reader/Vault');
    expect(dialog.opened[0]?.[0]).toBe(window);
    expect(dialog.opened[0]?.[1].properties).toEqual(['openDirectory', 'createDirectory']);
    dialog.nextOpen = { canceled: true, filePaths: [] };
    expect(await choose()).toBeNull();
  });
});
