/**
 * Steps the specs share: subscribing through the Add dialog. (The specs' own `call()` helpers
 * stay in each spec on purpose: page.evaluate and page.request differ in what the `requests`
 * fixture records.)
 */
import type { Page } from '@playwright/test';
import { expect } from './fixtures';

/** Returns the rows of the article list. */
export const articleItems = (page: Page) => page.getByTestId('article-item');

/** Returns the Add a Feed dialog. */
export const addFeedDialog = (page: Page) => page.getByRole('dialog', { name: 'Add a Feed' });

/**
 * Resolves once the app has started: its keyboard shortcuts work from then on. (The article list
 * can show before that, while settings still load: a key pressed then was lost, 1 run in ~20.)
 */
export async function appStarted(page: Page): Promise<void> {
  await expect(page.getByTestId('shell')).toHaveAttribute('data-started', 'true');
}

/** Opens the Add dialog with `a` once the app has started, and types `url` and Enter in it. */
export async function typeFeedAddress(page: Page, url: string): Promise<void> {
  await appStarted(page);
  await page.keyboard.press('a');
  await expect(addFeedDialog(page).getByLabel('Website or feed address')).toBeFocused();
  await page.keyboard.type(url);
  await page.keyboard.press('Enter');
}

/** Subscribes to `url` through the Add dialog; resolves once the dialog has closed. */
export async function subscribe(page: Page, url: string): Promise<void> {
  await typeFeedAddress(page, url);
  await expect(addFeedDialog(page)).toBeHidden({ timeout: 25_000 });
}
