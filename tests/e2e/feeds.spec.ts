/**
 * Feeds end to end in browser mode, against a real feed on 127.0.0.1 (feed-server.ts):
 * subscribing in the Add dialog, the feed's articles and unread counts, reading one, finding it
 * by search; the dialog's messages for a web page, a bad address and a feed already followed;
 * a refresh with its progress bar, new articles and a failing feed; renaming and unsubscribing.
 */
import type { Page } from '@playwright/test';
import { expect, foreignRequests, serverFixture, test as base } from './fixtures';
import { startFeedServer, WORLD_NEWS, type FeedServer } from './feed-server';
import { addFeedDialog as dialog, appStarted, articleItems as items, subscribe } from './helpers';

const FEED_TITLE = 'World Desk';
const TITLES = [
  'Saffron Growers in Herat Count the Cost of a Late Frost',
  'Kamchatka Volcano Sends Ash Over Shipping Lanes',
  'Montevideo Opens Its Port Archive to the Public',
  'Mekong Delta Farmers Turn to Salt-Tolerant Rice',
  'Night Trains Return Between Vienna and the Adriatic Coast',
];
const NOT_A_FEED =
  "Folio found no feed on that page or at the usual places of its site. Paste the feed's address if you know it.";

const test = base.extend<{ web: FeedServer }>({ web: serverFixture(startFeedServer) });

// feeds.add fetches before it answers (up to 20 s by contract).
test.setTimeout(60_000);

const feedRow = (page: Page, title = FEED_TITLE) =>
  page.getByTestId('feed-row').filter({ hasText: title });

/** Page errors other than the Api's expected refusals (a 4xx/5xx answer is logged twice). */
const unexpected = (errors: string[]) =>
  errors.filter((e) => !/status of (409|422|502)|HTTP (409|422|502) /.test(e));

test('subscribe, read an article, and find it by search', async ({
  page,
  folio,
  web,
  requests,
  pageErrors,
}) => {
  await page.goto(folio.url);
  await expect(items(page)).toHaveCount(1); // the seed
  await appStarted(page);

  // The dialog shows that it is fetching while the core fetches the feed.
  web.delayMs = 1_500;
  await page.keyboard.press('a');
  await page.getByLabel('Feed address').fill(web.feedUrl);
  await dialog(page).getByRole('button', { name: 'Subscribe' }).click();
  await expect(dialog(page).getByRole('button', { name: 'Fetching…' })).toBeVisible();
  await expect(dialog(page)).toBeHidden({ timeout: 25_000 });
  web.delayMs = 0;

  // The new feed is selected and its articles show, newest first, all unread.
  await expect(page).toHaveURL(/#\/feed-\d+$/);
  await expect(page.getByRole('heading', { level: 1, name: FEED_TITLE })).toBeVisible();
  await expect(items(page).locator('.title')).toHaveText(TITLES);
  await expect(items(page).getByLabel('Unread')).toHaveCount(5);
  await expect(feedRow(page).getByLabel('5 unread')).toBeVisible();
  await expect(feedRow(page).getByRole('button', { name: /^World Desk/ })).toHaveAttribute(
    'aria-current',
    'page',
  );
  // Unread counts the feed and the unread seed.
  await expect(page.getByRole('button', { name: /^Unread/ }).getByLabel('6 unread')).toBeVisible();

  // Opening an article shows it and lowers the counts.
  await items(page).filter({ hasText: TITLES[1] }).click();
  await expect(page.getByTestId('reader-title')).toHaveText(TITLES[1]!);
  await expect(page.getByTestId('reader')).toContainText('Ilya Sorokin');
  await expect(feedRow(page).getByLabel('4 unread')).toBeVisible();
  await expect(page.getByRole('button', { name: /^Unread/ }).getByLabel('5 unread')).toBeVisible();

  // `/` focuses search; a distinctive word finds its article with the match marked.
  await page.keyboard.press('/');
  const search = page.getByRole('searchbox', { name: 'Search articles' });
  await expect(search).toBeFocused();
  await page.keyboard.type('saffron');
  const hits = page.getByTestId('search-hit');
  await expect(hits).toHaveCount(1);
  await expect(hits.first()).toContainText(TITLES[0]!);
  await expect(hits.first().getByTestId('search-snippet').locator('mark').first()).toHaveText(
    /saffron/i,
  );
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('reader-title')).toHaveText(TITLES[0]!);
  await expect(page).toHaveURL(/#\/feed-\d+\/\d+$/);
  await expect(feedRow(page).getByLabel('3 unread')).toBeVisible();

  // Esc in the search box clears it, and the feed's list is back.
  await search.focus();
  await page.keyboard.press('Escape');
  await expect(search).toHaveValue('');
  await expect(items(page)).toHaveCount(5);

  expect(foreignRequests(requests)).toEqual([]);
  expect(pageErrors).toEqual([]);
});

test('the dialog explains a web page, a bad address and a feed already followed', async ({
  page,
  folio,
  web,
  requests,
  pageErrors,
}) => {
  await page.goto(folio.url);
  await expect(items(page)).toHaveCount(1);
  const add = page.getByRole('button', { name: 'Add a feed' }).first(); // the sidebar's +
  const error = page.getByTestId('add-feed-error');

  await add.click();
  const address = dialog(page).getByLabel('Feed address');
  await address.fill(web.pageUrl);
  await address.press('Enter');
  await expect(error).toHaveText(NOT_A_FEED, { timeout: 25_000 });
  await expect(dialog(page)).toBeVisible();

  await address.fill('world desk feed');
  await address.press('Enter');
  await expect(error).toHaveText('Enter a web address starting with http:// or https://');

  // Esc closes the dialog and gives focus back to the + button.
  await page.keyboard.press('Escape');
  await expect(dialog(page)).toBeHidden();
  await expect(add).toBeFocused();

  await subscribe(page, web.feedUrl);
  const feedHash = new URL(page.url()).hash;
  await page.getByRole('button', { name: 'All Articles' }).click();
  await expect(page).toHaveURL(/#\/all$/);

  // Adding it again says so and selects the feed.
  await page.keyboard.press('a');
  await page.keyboard.type(web.feedUrl);
  await page.keyboard.press('Enter');
  await expect(error).toHaveText(/You already follow this feed/, { timeout: 25_000 });
  await expect(page).toHaveURL(new RegExp(`${feedHash}$`));

  expect(foreignRequests(requests)).toEqual([]);
  expect(unexpected(pageErrors)).toEqual([]);
});

test('a refresh shows its progress, brings new articles and flags a failing feed', async ({
  page,
  folio,
  web,
  requests,
  pageErrors,
}) => {
  await page.goto(folio.url);
  await subscribe(page, web.feedUrl);
  await expect(items(page)).toHaveCount(5);

  // A sixth story appears in the feed; the refresh is slow enough to watch.
  web.feed = WORLD_NEWS.replace(
    '<item>',
    `<item>
      <title>Lake Titicaca Reed Boats Sail Again for the Solstice</title>
      <link>https://worlddesk.example/2025/03/titicaca-reed-boats</link>
      <guid isPermaLink="false">worlddesk-2025-0313-titicaca</guid>
      <pubDate>Thu, 13 Mar 2025 09:00:00 GMT</pubDate>
      <description><![CDATA[<p>Builders on the Uros islands launched four new totora boats.</p>]]></description>
    </item>
    <item>`,
  );
  web.delayMs = 1_500;
  await page.keyboard.press('r');
  const progress = page.getByRole('progressbar', { name: 'Refreshing feeds' });
  await expect(progress).toBeVisible();
  await expect(progress).toBeHidden({ timeout: 25_000 });
  await expect(page.getByTestId('refresh-status')).toHaveText('1 new article');
  await expect(items(page)).toHaveCount(6);
  await expect(items(page).first()).toContainText('Lake Titicaca');
  await expect(feedRow(page).getByLabel('6 unread')).toBeVisible();

  // The feed breaks: the refresh says so and the feed carries a warning with the reason.
  web.delayMs = 0;
  web.failWith = 500;
  await page.getByRole('button', { name: 'Refresh all feeds' }).click();
  await expect(page.getByTestId('refresh-status')).toHaveText(/1 feed failed/, {
    timeout: 25_000,
  });
  const warning = feedRow(page).getByTestId('feed-error');
  await expect(warning).toBeVisible();
  await expect(warning).toHaveAttribute('aria-label', /^Last refresh failed: .+/);

  expect(foreignRequests(requests)).toEqual([]);
  expect(unexpected(pageErrors)).toEqual([]);
});

test('a feed can be renamed into a folder and unsubscribed from its menu', async ({
  page,
  folio,
  web,
  pageErrors,
}) => {
  await page.goto(folio.url);
  await subscribe(page, web.feedUrl);

  await page.getByRole('button', { name: `Actions for ${FEED_TITLE}` }).click();
  await page.getByRole('menuitem', { name: 'Rename…' }).click();
  const rename = page.getByRole('dialog', { name: 'Rename Feed' });
  await rename.getByLabel('Name').fill('The World Desk');
  await rename.getByLabel('Folder').fill('News');
  await rename.getByRole('button', { name: 'Save' }).click();
  await expect(rename).toBeHidden();
  await expect(page.getByRole('heading', { name: 'News', level: 3 })).toBeVisible();
  await expect(feedRow(page, 'The World Desk')).toBeVisible();

  // The menu works from the keyboard too.
  await page.getByRole('button', { name: 'Actions for The World Desk' }).focus();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('menuitem', { name: 'Refresh' })).toBeFocused();
  await page.keyboard.press('End');
  await expect(page.getByRole('menuitem', { name: 'Unsubscribe…' })).toBeFocused();
  await page.keyboard.press('Enter');
  const confirm = page.getByRole('dialog', { name: /Unsubscribe from/ });
  await confirm.getByRole('button', { name: 'Unsubscribe' }).click();
  await expect(confirm).toBeHidden();
  await expect(page.getByTestId('feed-row')).toHaveCount(0);
  await expect(page).toHaveURL(/#\/all$/);

  expect(pageErrors).toEqual([]);
});
