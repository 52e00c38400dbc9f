/**
 * Subscriptions end to end in browser mode, against a small website on 127.0.0.1
 * (site-server.ts): a site's address in the Add dialog lists its feeds and subscribes to the
 * chosen one; the seed article suggests related feeds about Russia, China and Asia, and one is
 * subscribed from the panel although the network is down (kept, with its warning); a
 * subscription whose server is down is fetched later; OPML import with its progress and result,
 * and export; folders made, renamed, filled by drag and drop and deleted.
 */
import { createServer } from 'node:net';
import { readFileSync } from 'node:fs';
import type { Page } from '@playwright/test';
import { expect, foreignRequests, serverFixture, test as base } from './fixtures';
import {
  addFeedDialog as addDialog,
  appStarted,
  articleItems as items,
  subscribe,
  typeFeedAddress as typeAddress,
} from './helpers';
import { AMUR_STORY, HARBOR_ARTICLES, startSiteServer, type SiteServer } from './site-server';

const test = base.extend<{ site: SiteServer }>({ site: serverFixture(startSiteServer) });

// Subscribing fetches before it answers (up to 20 s by contract).
test.setTimeout(60_000);

const RETRY = 'Will retry: the network is unreachable';
const feedRow = (page: Page, title: string) =>
  page.getByTestId('feed-row').filter({ hasText: title });
const folderHeading = (page: Page, name: string) =>
  page.getByTestId('folder-heading').filter({ hasText: name });

/** Imports an OPML document through the Feeds menu; returns the dialog. */
async function importOpml(page: Page, xml: string) {
  await page.getByRole('button', { name: 'Feeds and folders actions' }).click();
  await page.getByRole('menuitem', { name: 'Import OPML…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Import Subscriptions' });
  await dialog.getByLabel('OPML file').setInputFiles({
    name: 'subscriptions.opml',
    mimeType: 'text/x-opml',
    buffer: Buffer.from(xml),
  });
  return dialog;
}

/** A port on 127.0.0.1 that nothing listens on (taken, then given back). */
async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

test("a site's address lists its feeds; the chosen one is subscribed and its articles show", async ({
  page,
  folio,
  site,
  requests,
  pageErrors,
}) => {
  await page.goto(folio.url);
  await typeAddress(page, site.siteUrl);

  // Two feeds are named by the page: both are offered, the articles first and chosen.
  const candidates = addDialog(page).getByTestId('feed-candidates');
  await expect(candidates).toBeVisible({ timeout: 25_000 });
  await expect(candidates).toHaveAccessibleName(/^2 feeds found on 127\.0\.0\.1/);
  const radios = candidates.getByRole('radio');
  await expect(radios).toHaveCount(2);
  await expect(candidates.getByRole('radio', { name: /^Harbor Notes RSS/ })).toBeChecked();
  await expect(candidates).toContainText('Harbor Notes – Comments');
  await expect(candidates).toContainText(`${site.origin}/comments.xml`);

  await addDialog(page).getByRole('button', { name: 'Subscribe' }).click();
  await expect(addDialog(page)).toBeHidden({ timeout: 25_000 });
  await expect(page).toHaveURL(/#\/feed-\d+$/);
  await expect(items(page).locator('.title')).toHaveText(HARBOR_ARTICLES);
  await expect(feedRow(page, 'Harbor Notes').getByLabel('3 unread')).toBeVisible();

  // Asked again, the feed already followed is marked and the other one is chosen instead.
  await typeAddress(page, site.siteUrl);
  await expect(candidates).toBeVisible({ timeout: 25_000 });
  await expect(candidates.getByRole('radio', { name: /^Harbor Notes RSS/ })).toBeDisabled();
  await expect(candidates.getByRole('radio', { name: /Comments/ })).toBeChecked();
  await page.keyboard.press('Escape');

  // A page that names one feed only: nothing to choose, its feed is subscribed (or, here,
  // found to be followed already).
  await typeAddress(page, site.onePageUrl);
  await expect(page.getByTestId('add-feed-error')).toHaveText(/You already follow/, {
    timeout: 25_000,
  });
  await expect(candidates).toBeHidden();

  expect(foreignRequests(requests)).toEqual([]);
  expect(pageErrors.filter((e) => !/409/.test(e))).toEqual([]);
});

test('the seed suggests related feeds; one subscribed with the network down is kept', async ({
  page,
  folio,
  site,
  requests,
  pageErrors,
}) => {
  const openSeed = async () => {
    await page.getByRole('button', { name: 'Library' }).click();
    await items(page).first().click();
    await expect(page.getByTestId('reader-title')).toContainText('Harbin');
  };
  await page.goto(folio.url);
  await openSeed();

  // Related feeds for the seed, offline: the first five are about Russia, China or Asia.
  const rows = page.getByTestId('related-feed');
  await expect(rows.nth(4)).toBeVisible({ timeout: 15_000 });
  for (let i = 0; i < 5; i++) {
    await expect(rows.nth(i)).toContainText(
      /Russia|Russian|Moscow|Kremlin|China|Chinese|Beijing|Asia|Japan|Korea|India|Taiwan|Hong Kong|Singapore|Eurasia|geopoliti/i,
    );
  }
  await expect(rows.first().getByRole('img', { name: /^Match \d+%$/ })).toBeVisible();

  // `g` moves focus to the panel.
  await page.getByTestId('reader').focus();
  await page.keyboard.press('g');
  await expect(page.getByRole('heading', { name: 'Related feeds' })).toBeFocused();

  // Subscribing from the panel: the catalog's address cannot be reached (no network here), so
  // the subscription is kept with its warning, to be fetched later.
  const first = rows.first();
  const title = (await first.locator('.title').textContent())?.trim() ?? '';
  await first.getByRole('button', { name: `Subscribe to ${title}` }).click();
  await expect(first.getByText('Following', { exact: true })).toBeVisible({ timeout: 25_000 });
  await expect(first).toContainText('Will fetch it when the network is back');
  await expect(feedRow(page, title).getByTestId('feed-error')).toHaveAttribute('aria-label', RETRY);

  // A story close to the seed's arrives: "More like this" lists it, and it opens in the reader.
  await subscribe(page, `${site.origin}/borderlands.xml`);
  await openSeed();
  const more = page.getByTestId('more-like-this');
  await expect(more.getByRole('link', { name: AMUR_STORY })).toBeVisible();
  await more.getByRole('link', { name: AMUR_STORY }).click();
  await expect(page.getByTestId('reader-title')).toHaveText(AMUR_STORY);

  // The page itself never reached past 127.0.0.1.
  expect(foreignRequests(requests)).toEqual([]);
  expect(pageErrors).toEqual([]);
});

test('a subscription whose server cannot be reached is kept and fetched later', async ({
  page,
  folio,
  requests,
  pageErrors,
}) => {
  const port = await freePort();
  const url = `http://127.0.0.1:${port}/feeds/night-ferry.xml`;
  await page.goto(folio.url);
  await subscribe(page, url);

  // Kept, selected, empty for now, with its warning.
  await expect(page).toHaveURL(/#\/feed-\d+$/);
  const row = feedRow(page, '127.0.0.1');
  await expect(row.getByTestId('feed-error')).toHaveAttribute('aria-label', RETRY);
  await expect(items(page)).toHaveCount(0);

  // The server comes up; the next refresh fetches the feed.
  const site = await startSiteServer(port);
  try {
    await page.keyboard.press('r');
    await expect(items(page).locator('.title')).toHaveText(
      ['First of night ferry', 'Second of night ferry'],
      { timeout: 25_000 },
    );
    await expect(feedRow(page, 'night ferry').getByTestId('feed-error')).toHaveCount(0);
  } finally {
    await site.close();
  }

  expect(foreignRequests(requests)).toEqual([]);
  expect(pageErrors).toEqual([]);
});

test('OPML import shows its progress and result; export gives the subscriptions back', async ({
  page,
  folio,
  site,
  requests,
  pageErrors,
}) => {
  const feed = (name: string, text = name) =>
    `<outline type="rss" text="${text}" xmlUrl="${site.feedUrl(name)}"/>`;
  const opml = `<?xml version="1.0" encoding="UTF-8"?>
<opml version="2.0"><head><title>From another reader</title></head><body>
  <outline text="News &amp; Views">
    ${feed('alpha')}
    ${feed('beta')}
  </outline>
  ${feed('gamma')}
  ${feed('gamma', 'Gamma again')}
  <outline type="rss" text="Gone" xmlUrl="${site.origin}/missing.xml"/>
</body></opml>`;

  await page.goto(folio.url);
  await expect(items(page).first()).toBeVisible();
  await appStarted(page);
  site.delayMs = 800;
  const dialog = await importOpml(page, opml);
  await expect(dialog.getByRole('progressbar', { name: 'Importing subscriptions' })).toBeVisible();
  await expect(dialog.getByTestId('import-result')).toHaveText(
    '4 added · 1 already followed · 1 error',
    { timeout: 25_000 },
  );
  const errors = dialog.getByTestId('import-errors').getByRole('listitem');
  await expect(errors).toHaveCount(1);
  await expect(errors.first()).toContainText(`${site.origin}/missing.xml`);
  await expect(errors.first()).toContainText('404');
  await dialog.getByRole('button', { name: 'Done' }).click();
  await expect(dialog).toBeHidden();

  // The folder came with the file, with its unread count.
  await expect(folderHeading(page, 'News & Views').getByLabel('4 unread')).toBeAttached();
  await expect(page.getByTestId('feed-row')).toHaveCount(4);
  await expect(feedRow(page, 'Gone').getByTestId('feed-error')).toBeAttached();

  // Export downloads an OPML file with the same feeds and the folder.
  await page.getByRole('button', { name: 'Feeds and folders actions' }).click();
  const download = page.waitForEvent('download');
  await page.getByRole('menuitem', { name: 'Export OPML' }).click();
  const file = await download;
  expect(file.suggestedFilename()).toBe('folio-subscriptions.opml');
  const xml = readFileSync(await file.path(), 'utf8');
  for (const name of ['alpha', 'beta', 'gamma']) expect(xml).toContain(site.feedUrl(name));
  expect(xml).toContain(`${site.origin}/missing.xml`);
  expect(xml).toMatch(/<outline[^>]+text="News &amp; Views"/);

  expect(foreignRequests(requests)).toEqual([]);
  expect(pageErrors).toEqual([]);
});

test('folders: made from the menus, renamed, filled by drag and drop, deleted', async ({
  page,
  folio,
  site,
  pageErrors,
}) => {
  const opml = `<?xml version="1.0"?><opml version="1.0"><body>
${['alpha', 'beta', 'gamma'].map((n) => `<outline text="${n}" xmlUrl="${site.feedUrl(n)}"/>`).join('\n')}
</body></opml>`;
  await page.goto(folio.url);
  await expect(items(page).first()).toBeVisible();
  await appStarted(page);
  const dialog = await importOpml(page, opml);
  await expect(dialog.getByTestId('import-result')).toHaveText('3 added', { timeout: 25_000 });
  await dialog.getByRole('button', { name: 'Done' }).click();

  // Move to folder… from the keyboard, into a new folder.
  await page.getByRole('button', { name: 'Actions for alpha' }).focus();
  await page.keyboard.press('Enter');
  await page.getByRole('menuitem', { name: 'Move to folder…' }).press('Enter');
  const move = page.getByRole('dialog', { name: /^Move “alpha” to/ });
  await move.getByRole('radio', { name: 'New folder' }).check();
  await move.getByLabel('New folder name').fill('Reading');
  await move.getByRole('button', { name: 'Move' }).click();
  await expect(move).toBeHidden();
  await expect(folderHeading(page, 'Reading').getByLabel('2 unread')).toBeAttached();

  // New folder… from the Feeds menu, with beta in it.
  await page.getByRole('button', { name: 'Feeds and folders actions' }).click();
  await page.getByRole('menuitem', { name: 'New folder…' }).click();
  const create = page.getByRole('dialog', { name: 'New Folder' });
  await create.getByLabel('Folder name').fill('Later');
  await create.getByRole('checkbox', { name: 'beta' }).check();
  await create.getByRole('button', { name: 'Create' }).click();
  await expect(create).toBeHidden();
  await expect(folderHeading(page, 'Later')).toBeVisible();

  // gamma is dragged onto Reading: its count is the sum of its feeds'.
  await feedRow(page, 'gamma').dragTo(folderHeading(page, 'Reading'));
  await expect(folderHeading(page, 'Reading').getByLabel('4 unread')).toBeAttached();
  await expect(page.getByRole('list', { name: 'Reading' }).getByTestId('feed-row')).toHaveCount(2);

  // Renamed from its menu.
  await folderHeading(page, 'Reading')
    .getByRole('button', { name: /^Actions for folder/ })
    .click();
  await page.getByRole('menuitem', { name: 'Rename…' }).click();
  const rename = page.getByRole('dialog', { name: 'Rename “Reading”' });
  await rename.getByLabel('Folder name').fill('Harbour');
  await rename.getByRole('button', { name: 'Rename' }).click();
  await expect(rename).toBeHidden();
  await expect(folderHeading(page, 'Harbour')).toBeVisible();
  await expect(folderHeading(page, 'Reading')).toHaveCount(0);

  // alpha is dragged out to the top level (the Feeds heading).
  await feedRow(page, 'alpha').dragTo(page.getByTestId('feeds-heading'));
  await expect(page.getByRole('list', { name: 'Harbour' }).getByTestId('feed-row')).toHaveCount(1);
  await expect(folderHeading(page, 'Harbour').getByLabel('2 unread')).toBeAttached();

  // Deleted: the confirmation says its feeds are kept, and they are.
  await folderHeading(page, 'Harbour')
    .getByRole('button', { name: /^Actions for folder/ })
    .click();
  await page.getByRole('menuitem', { name: 'Delete…' }).click();
  const confirm = page.getByRole('dialog', { name: 'Delete the folder “Harbour”?' });
  await expect(confirm).toContainText('kept');
  await confirm.getByRole('button', { name: 'Delete folder' }).click();
  await expect(confirm).toBeHidden();
  await expect(folderHeading(page, 'Harbour')).toHaveCount(0);
  await expect(page.getByTestId('feed-row')).toHaveCount(3);
  await expect(page.getByTestId('folder-heading')).toHaveCount(1); // Later

  expect(pageErrors).toEqual([]);
});
