/**
 * The reader end to end in browser mode: the seed on first start, opening and reading it,
 * j/k navigation, the selection surviving a reload, no request leaving 127.0.0.1, and the
 * full-page message when the tab has no token.
 */
import type { Page } from '@playwright/test';
import { EXTRA_ARTICLES } from './library-fixture';
import { expect, foreignRequests, test } from './fixtures';
import { appStarted } from './helpers';

const SEED_TITLE = "Putin's Landmark Visit to Harbin: Bridging Cultures and Fortifying Bonds";
const SEED_HEADINGS = [
  'A Strategic Partnership Beyond Ceremonial Visits',
  'Deepening Academic Ties',
  "A 'New Era' in Sino-Russian Relations",
  'A Shared Historical Celebration Amid Contemporary Challenges',
  'The Larger Geopolitical Implications',
  'Economic Projections and Potential',
  'Future Prospects',
  'Conclusion',
];

const items = (page: Page) => page.getByTestId('article-item');
const selected = (page: Page) => page.locator('[data-testid="article-item"][aria-selected="true"]');

test('first start shows the seed, and it reads well', async ({
  page,
  folio,
  requests,
  pageErrors,
}) => {
  await page.goto(folio.url);
  await expect(page).toHaveURL(new RegExp(`^${folio.origin}/(#.*)?$`));
  const row = items(page).filter({ hasText: SEED_TITLE });
  await expect(row).toHaveCount(1);
  await expect(row.getByLabel('Unread')).toHaveCount(1);

  await row.click();
  const reader = page.getByTestId('reader');
  await expect(page.getByTestId('reader-title')).toHaveText(SEED_TITLE);
  await expect(reader.locator('.body h2')).toHaveText(SEED_HEADINGS);
  await expect(reader).not.toContainText('Write a comment');
  await expect(row).toHaveAttribute('aria-selected', 'true');
  await expect(page).toHaveURL(/#\/all\/\d+$/);
  // Opening marks it read: the unread dot goes away.
  await expect(row.getByLabel('Unread')).toHaveCount(0);

  // The reading face is a serif at a comfortable measure.
  await expect(reader.locator('article')).toHaveCSS('font-family', /serif/i);

  expect(foreignRequests(requests)).toEqual([]);
  expect(pageErrors).toEqual([]);
});

test('j and k with a single article keep it selected', async ({ page, folio, pageErrors }) => {
  await page.goto(folio.url);
  await expect(items(page)).toHaveCount(1);
  await appStarted(page);
  await page.keyboard.press('j');
  await expect(selected(page)).toContainText(SEED_TITLE);
  await page.keyboard.press('j');
  await page.keyboard.press('k');
  await expect(selected(page)).toContainText(SEED_TITLE);
  await expect(page.getByTestId('reader-title')).toHaveText(SEED_TITLE);
  expect(pageErrors).toEqual([]);
});

test.describe('with more library articles', () => {
  test.use({ libraryExtras: true });

  test('j/k move the selection, the reader follows, and a reload keeps it', async ({
    page,
    folio,
    requests,
    pageErrors,
  }) => {
    await page.goto(folio.url);
    await expect(items(page)).toHaveCount(1 + EXTRA_ARTICLES.length);
    const titles = await items(page).locator('.title').allTextContents();
    expect(titles).toEqual([SEED_TITLE, ...EXTRA_ARTICLES.map((a) => a.title)]);
    const title = page.getByTestId('reader-title');
    await appStarted(page);

    await page.keyboard.press('j');
    await expect(title).toHaveText(titles[0]!);
    await page.keyboard.press('j');
    await expect(title).toHaveText(titles[1]!);
    await expect(selected(page)).toContainText(titles[1]!);
    await page.keyboard.press('j');
    await expect(title).toHaveText(titles[2]!);
    await page.keyboard.press('j'); // at the end: stays
    await expect(title).toHaveText(titles[2]!);
    await page.keyboard.press('k');
    await expect(title).toHaveText(titles[1]!);
    await expect(selected(page)).toHaveCount(1);
    await expect(page.getByTestId('reader')).toContainText(EXTRA_ARTICLES[0]!.author);

    const hash = new URL(page.url()).hash;
    expect(hash).toMatch(/^#\/all\/\d+$/);
    await page.reload();
    await expect(title).toHaveText(titles[1]!);
    await expect(selected(page)).toContainText(titles[1]!);
    expect(new URL(page.url()).hash).toBe(hash);

    // j is ignored while typing.
    await page.evaluate("document.body.insertAdjacentHTML('beforeend', '<input id=probe>')");
    await page.locator('#probe').focus();
    await page.keyboard.press('j');
    await expect(title).toHaveText(titles[1]!);

    // The Library view lists only articles without a feed: all three here.
    await page.getByRole('button', { name: 'Library' }).click();
    await expect(page).toHaveURL(/#\/library$/);
    await expect(items(page)).toHaveCount(3);

    expect(foreignRequests(requests)).toEqual([]);
    expect(pageErrors).toEqual([]);
  });

  test('arrow keys move through the focused list', async ({ page, folio }) => {
    await page.goto(folio.url);
    await items(page).first().click();
    await page.keyboard.press('ArrowDown');
    await expect(page.getByTestId('reader-title')).toHaveText(EXTRA_ARTICLES[0]!.title);
    await expect(selected(page)).toBeFocused();
    await page.keyboard.press('End');
    await expect(page.getByTestId('reader-title')).toHaveText(EXTRA_ARTICLES[1]!.title);
    await page.keyboard.press('ArrowUp');
    await expect(page.getByTestId('reader-title')).toHaveText(EXTRA_ARTICLES[0]!.title);
  });
});

test('a tab without the token gets the full-page message', async ({ browser, folio }) => {
  const context = await browser.newContext();
  const page = await context.newPage();
  try {
    await page.goto(`${folio.origin}/`);
    const message = page.getByTestId('api-error');
    await expect(message).toContainText("Folio can't reach its library");
    await expect(message).toContainText('npm run serve');
    await expect(message.getByRole('button', { name: 'Retry' })).toBeVisible();
  } finally {
    await context.close();
  }
});
