/**
 * Offline reading end to end, in browser mode against the Harbour
 * Gazette on 127.0.0.1 (offline-server.ts): subscribe, fetch an article's full text, wait until
 * its images are kept, stop the web, reload: the full text and every image render and nothing
 * asks the stopped server. Also: "Save a page" into the Library, settings that survive a
 * reload, and "Block remote content" keeping a remote image from being requested.
 */
import type { Page } from '@playwright/test';
import { expect, foreignRequests, serverFixture, test as base } from './fixtures';
import { appStarted, articleItems as items, subscribe } from './helpers';
import { startOfflineWeb, type OfflineWeb } from './offline-server';

const LIGHTHOUSE = 'Lighthouse Keepers Return to Cape Wrath';
const FERRIES = 'Winter Timetable for the Island Ferries';
const FEED_TEXT = 'After forty years of automation';
const FULL_TEXT = 'Ewan and Morag Sinclair arrived in October';

const test = base.extend<{ web: OfflineWeb }>({ web: serverFixture(startOfflineWeb) });

// Subscribing and fetching pages wait on the fixture server (the core's limit is 20 s).
test.setTimeout(90_000);

const row = (page: Page, title: string) => items(page).filter({ hasText: title });
const reader = (page: Page) => page.getByTestId('reader');
const body = (page: Page) => reader(page).locator('.body');

/** Calls the Api the way the page does (same cookie), for waiting on background work. */
async function call<T>(page: Page, method: string, params: object = {}): Promise<T> {
  const response = await page.request.post(`${new URL(page.url()).origin}/api/${method}`, {
    data: params,
  });
  expect(response.ok(), `${method} answered ${response.status()}`).toBe(true);
  return (await response.json()) as T;
}

/** Every image of the reader's body: its src, whether it loaded and its natural width. */
function readerImages(page: Page) {
  return body(page)
    .locator('img')
    .evaluateAll((imgs) =>
      (imgs as HTMLImageElement[]).map((img) => ({
        src: img.getAttribute('src'),
        complete: img.complete,
        naturalWidth: img.naturalWidth,
      })),
    );
}

test('the full text and its images are read with the web gone', async ({
  page,
  folio,
  web,
  requests,
  pageErrors,
}) => {
  await page.goto(folio.url);
  await subscribe(page, web.feedUrl);
  await row(page, LIGHTHOUSE).click();
  await expect(page.getByTestId('reader-title')).toHaveText(LIGHTHOUSE);
  await expect(body(page)).toContainText(FEED_TEXT);

  // "Full text" fetches the page, saying so while it does.
  web.pageDelayMs = 1_000;
  await reader(page).getByRole('button', { name: 'Full text' }).click();
  await expect(reader(page).getByRole('button', { name: 'Fetching the page…' })).toBeVisible();
  await expect(body(page)).toContainText(FULL_TEXT, { timeout: 25_000 });
  web.pageDelayMs = 0;
  await expect(body(page)).not.toContainText('Most read'); // the page's sidebar is left out

  // Both texts are a switch apart (also `f`).
  const texts = reader(page).getByRole('group', { name: 'Text to show' });
  await expect(texts.getByRole('button', { name: 'Full text' })).toHaveAttribute(
    'aria-pressed',
    'true',
  );
  await texts.getByRole('button', { name: 'Feed text' }).click();
  await expect(body(page)).toContainText(FEED_TEXT);
  await page.keyboard.press('f');
  await expect(body(page)).toContainText(FULL_TEXT);

  // The images are downloaded in the background; the article then is offline-ready.
  const id = Number(await row(page, LIGHTHOUSE).getAttribute('data-article-id'));
  await expect
    .poll(
      async () =>
        (await call<{ offlineReady: boolean }>(page, 'articles.get', { id })).offlineReady,
      {
        timeout: 30_000,
      },
    )
    .toBe(true);
  await expect(row(page, LIGHTHOUSE).getByLabel('Available offline')).toBeVisible();

  // No network: the fixture server is stopped, and the page is loaded again.
  await web.close();
  const seenBefore = requests.length;
  await page.reload();
  await expect(page.getByTestId('reader-title')).toHaveText(LIGHTHOUSE);
  await expect(body(page)).toContainText(FULL_TEXT);
  await expect(reader(page).getByTestId('reader-offline')).toHaveText('Available offline');
  await expect(row(page, LIGHTHOUSE).getByLabel('Available offline')).toBeVisible();
  await expect.poll(async () => (await readerImages(page)).every((img) => img.complete)).toBe(true);
  const images = await readerImages(page);
  expect(images).toHaveLength(2);
  for (const image of images) {
    expect(image.src).toMatch(/^\/assets\/\d+$/);
    expect(image.naturalWidth).toBeGreaterThan(0);
  }

  const afterReload = requests.slice(seenBefore);
  expect(afterReload.filter((url) => url.startsWith(web.origin))).toEqual([]);
  expect(afterReload.filter((url) => !url.startsWith(folio.origin))).toEqual([]);
  expect(foreignRequests(requests)).toEqual([]);
  expect(pageErrors).toEqual([]);
});

test('"Save a page" keeps a web page in the Library', async ({ page, folio, web, pageErrors }) => {
  await page.goto(folio.url);
  await expect(items(page).first()).toBeVisible();
  await appStarted(page);
  await page.keyboard.press('p');
  const dialog = page.getByRole('dialog', { name: 'Save a Page' });
  await expect(dialog.getByLabel('Page address')).toBeFocused();
  await page.keyboard.type(web.savePageUrl);
  await page.keyboard.press('Enter');
  await expect(dialog).toBeHidden({ timeout: 25_000 });

  await expect(page).toHaveURL(/#\/library\/\d+$/);
  await expect(page.getByRole('heading', { level: 1, name: 'Library' })).toBeVisible();
  await expect(page.getByTestId('reader-title')).toHaveText('The Last Night Ferry to Stromness');
  await expect(body(page)).toContainText('The cook bakes bread at two in the morning');
  await expect(body(page)).not.toContainText('Archive');
  await expect(row(page, 'The Last Night Ferry')).toHaveAttribute('aria-selected', 'true');
  expect(pageErrors).toEqual([]);
});

test('settings survive a reload, and blocked remote images are never requested', async ({
  page,
  folio,
  web,
  requests,
  pageErrors,
}) => {
  await page.goto(folio.url);
  await expect(items(page).first()).toBeVisible();
  await appStarted(page);

  // Settings from the keyboard: `,`.
  await page.keyboard.press(',');
  const settings = page.getByRole('dialog', { name: 'Settings' });
  const keepImages = settings.getByLabel('Keep images for offline reading');
  const block = settings.getByLabel('Block remote content while reading');
  const days = settings.getByLabel('Keep read articles for');
  await expect(keepImages).toBeChecked();
  await expect(block).not.toBeChecked();
  await expect(days).toHaveValue('90');
  await keepImages.uncheck();
  await block.check();
  await days.fill('30');
  await days.press('Enter');
  await expect(settings.getByTestId('storage')).toContainText('Database');
  await expect
    .poll(() => call(page, 'settings.get'))
    .toEqual({ keepImages: false, blockRemoteContent: true, retentionDays: 30 });
  await settings.getByRole('button', { name: 'Done' }).click();
  await expect(settings).toBeHidden();

  await page.reload();
  await expect(items(page).first()).toBeVisible();
  await appStarted(page);
  await page.keyboard.press(',');
  await expect(keepImages).not.toBeChecked();
  await expect(block).toBeChecked();
  await expect(days).toHaveValue('30');
  await page.keyboard.press('Escape');
  await expect(settings).toBeHidden();

  // The ferries article's image is in its feed text, on the web, and not kept.
  await subscribe(page, web.feedUrl);
  await row(page, FERRIES).click();
  await expect(page.getByTestId('reader-title')).toHaveText(FERRIES);
  await expect(body(page)).toContainText('Bookings open on Monday');
  await expect(body(page).getByRole('img', { name: 'Map of the winter ferry routes' })).toHaveClass(
    'image-placeholder',
  );
  await expect(body(page).locator('img')).toHaveCount(0);
  await expect(page.getByTestId('images-notice')).toContainText('remote content is blocked');
  expect(requests.filter((url) => url === web.remoteImageUrl)).toEqual([]);
  expect(web.paths).not.toContain('/images/ferry-map.png');

  // "Load images" asks Folio to download and keep it; the page shows the kept copy.
  await page.getByTestId('images-notice').getByRole('button', { name: 'Load images' }).click();
  const image = body(page).getByRole('img', { name: 'Map of the winter ferry routes' });
  await expect(image).toHaveAttribute('src', /^\/assets\/\d+$/, { timeout: 25_000 });
  await expect.poll(() => image.evaluate((img: HTMLImageElement) => img.naturalWidth)).toBe(400);
  expect(requests.filter((url) => url === web.remoteImageUrl)).toEqual([]);
  expect(foreignRequests(requests)).toEqual([]);
  expect(pageErrors).toEqual([]);
});

test('a feed is made available offline from its menu, and can always fetch full text', async ({
  page,
  folio,
  web,
  requests,
  pageErrors,
}) => {
  await page.goto(folio.url);
  await subscribe(page, web.feedUrl);
  const feedRow = page.getByTestId('feed-row').filter({ hasText: 'Harbour Gazette' });
  const openMenu = async () => {
    await feedRow.hover();
    await feedRow.getByRole('button', { name: 'Actions for Harbour Gazette' }).click();
    return page.getByTestId('feed-menu');
  };

  // "Always fetch full text" is a checkbox item, saved on the feed.
  let menu = await openMenu();
  const always = menu.getByRole('menuitemcheckbox', { name: 'Always fetch full text' });
  await expect(always).toHaveAttribute('aria-checked', 'false');
  await always.click();
  await expect(menu).toBeHidden();
  menu = await openMenu();
  await expect(always).toHaveAttribute('aria-checked', 'true');

  // "Make available offline" fetches what is missing (now the pages too), with a progress bar,
  // and says how it went.
  web.pageDelayMs = 1_500;
  await menu.getByRole('menuitem', { name: 'Make available offline' }).click();
  await expect(page.getByRole('progressbar', { name: 'Making available offline' })).toBeVisible();
  await expect(page.getByTestId('refresh-status')).toHaveText('Making available offline…');
  // The ferries page is not on the server: that article stays incomplete (its image is kept).
  const outcome = '1 article ready offline · 1 incomplete';
  await expect(page.getByTestId('refresh-status')).toHaveText(outcome, { timeout: 30_000 });
  await expect(items(page).getByLabel('Available offline')).toHaveCount(2);

  // A folder has the same action, on its heading's menu.
  const feedId = Number(await feedRow.getAttribute('data-feed-id'));
  await call(page, 'feeds.update', { id: feedId, folder: 'Coast' });
  const heading = page.getByTestId('folder-heading').filter({ hasText: 'Coast' });
  await heading.hover();
  await heading.getByRole('button', { name: 'Actions for folder Coast' }).click();
  // Wait for the call itself to answer: the status line may still show the first run's outcome,
  // and pressing `f` below while the folder's job still runs raced it (1 run in 8).
  const folderDone = page.waitForResponse((r) => r.url().endsWith('/api/offline.make'), {
    timeout: 30_000,
  });
  await page
    .getByTestId('folder-menu')
    .getByRole('menuitem', { name: 'Make available offline' })
    .click();
  await folderDone;
  await expect
    .poll(() => requests.filter((url) => url.endsWith('/api/offline.make')).length)
    .toBe(2);
  await expect(page.getByTestId('refresh-status')).toHaveText(outcome, { timeout: 30_000 });

  // An article whose page cannot be had keeps its feed text and says why.
  await row(page, FERRIES).click();
  // `f` acts on the article in the reader: wait until it is this one (pressing it while the
  // reader still showed the lighthouse article, whose full text exists, did nothing visible).
  await expect(page.getByTestId('reader-title')).toHaveText(FERRIES);
  await page.keyboard.press('f');
  await expect(page.getByTestId('full-text-error')).toContainText(
    "The feed's text is shown instead.",
  );
  await expect(body(page)).toContainText('Bookings open on Monday');
  expect(pageErrors.filter((e) => !/\b(404|502)\b/.test(e))).toEqual([]);
});
