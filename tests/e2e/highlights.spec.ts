/**
 * Highlights and notes end to end, in browser mode: a real mouse
 * drag over a phrase of the seed article, the toolbar, green, a note; after a reload the mark
 * and the note are there; the notebook lists it; the exported zip holds the quote as a
 * blockquote and the note. Also: a highlight across inline elements and across a paragraph
 * boundary, delete with undo, an overlapping highlight, and a note typed just before a reload.
 */
import type { Page } from '@playwright/test';
import { unzipSync, strFromU8 } from 'fflate';
import { readFileSync } from 'node:fs';
import { expect, foreignRequests, test } from './fixtures';
import { startFeedServer } from './feed-server';

const SEED_TITLE = "Putin's Landmark Visit to Harbin: Bridging Cultures and Fortifying Bonds";
const PHRASE = 'Harbin Institute of Technology';

const reader = (page: Page) => page.getByTestId('reader');
const body = (page: Page) => reader(page).locator('.body');
const marks = (page: Page) => body(page).locator('mark.hl');

/** Opens the seed article in the reader. */
async function openSeed(page: Page, url: string): Promise<void> {
  await page.goto(url);
  await page.getByTestId('article-item').filter({ hasText: SEED_TITLE }).click();
  await expect(page.getByTestId('reader-title')).toHaveText(SEED_TITLE);
}

/**
 * Drags the mouse from the first character of `from` to the last of `to` (the same phrase by
 * default) in the reader's body; each must be whole in one text node and the first there.
 * Their places come from Range.getClientRects().
 */
async function drag(page: Page, from: string, to = from): Promise<void> {
  const points = await body(page).evaluate(
    (element, [first, last]) => {
      const place = (phrase: string, atEnd: boolean) => {
        const walker = document.createTreeWalker(element, NodeFilter.SHOW_TEXT);
        for (let node = walker.nextNode(); node; node = walker.nextNode()) {
          const i = (node.nodeValue ?? '').indexOf(phrase);
          if (i < 0) continue;
          if (!atEnd) node.parentElement!.scrollIntoView({ block: 'center' });
          const range = document.createRange();
          const at = atEnd ? i + phrase.length - 1 : i;
          range.setStart(node, at);
          range.setEnd(node, at + 1);
          const rect = range.getClientRects()[0]!;
          const y = rect.top + rect.height / 2;
          return { x: atEnd ? rect.right - 1 : rect.left + 1, y };
        }
        throw new Error(`not in the body: ${phrase}`);
      };
      return [place(first, false), place(last, true)] as const;
    },
    [from, to] as const,
  );
  const [a, b] = points;
  await page.mouse.move(a.x, a.y);
  await page.mouse.down();
  await page.mouse.move((a.x + b.x) / 2, (a.y + b.y) / 2, { steps: 5 });
  await page.mouse.move(b.x, b.y, { steps: 5 });
  await page.mouse.up();
}

/** Calls the Api from the page (same origin, the page's token cookie). */
async function call<T>(page: Page, method: string, params: object = {}): Promise<T> {
  return page.evaluate(
    async ([m, p]) => {
      const response = await fetch(`/api/${m}`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify(p),
      });
      return response.json();
    },
    [method, params] as const,
  ) as Promise<T>;
}

test('highlight with a mouse drag, a note, reload, notebook and export', async ({
  page,
  folio,
  requests,
  pageErrors,
}) => {
  await openSeed(page, folio.url);
  await drag(page, PHRASE);
  const toolbar = page.getByTestId('selection-toolbar');
  await expect(toolbar).toBeVisible();
  const creating = page.waitForRequest('**/api/highlights.create');
  await toolbar.getByRole('button', { name: 'Highlight green' }).click();
  await expect(toolbar).toBeHidden();
  // The reader's text (its DOM walk) is the core's: the offsets it sent are where the core
  // finds the quote, so nothing had to be re-anchored.
  const sent = (await creating).postDataJSON() as { exact: string; start: number; end: number };
  expect(sent.exact).toBe(PHRASE);
  const [stored] = await call<{ start: number; end: number }[]>(page, 'highlights.list');
  expect([stored!.start, stored!.end]).toEqual([sent.start, sent.end]);

  const mark = marks(page);
  await expect(mark).toHaveCount(1);
  await expect(mark).toHaveText(PHRASE);
  await expect(mark).toHaveClass(/hl-green/);

  // Click the highlight, write its note.
  await mark.click();
  const popover = page.getByTestId('highlight-popover');
  await expect(popover).toBeVisible();
  await popover.getByRole('button', { name: /Add a note/ }).click();
  await popover.getByTestId('note-input').fill('Check the expo dates');
  await expect(popover.getByTestId('note-status')).toHaveText('Saved');
  await page.keyboard.press('Escape'); // leaves the note
  await page.keyboard.press('Escape'); // closes the popover
  await expect(popover).toBeHidden();

  await page.reload();
  await expect(page.getByTestId('reader-title')).toHaveText(SEED_TITLE);
  await expect(marks(page)).toHaveText([PHRASE]);
  await expect(marks(page)).toHaveClass(/hl-green/);
  await marks(page).click();
  await expect(page.getByTestId('highlight-popover').getByTestId('note-rendered')).toHaveText(
    'Check the expo dates',
  );
  await page.keyboard.press('Escape');

  // The notebook lists it with its note, and a click goes back to the passage.
  await page.keyboard.press('b');
  const item = page.getByTestId('notebook-item');
  await expect(item).toHaveCount(1);
  await expect(item.getByTestId('notebook-quote')).toHaveText(PHRASE);
  await expect(item.getByTestId('notebook-note')).toHaveText('Check the expo dates');
  await expect(item).toHaveAttribute('data-color', 'green');
  await item.click();
  await expect(marks(page).first()).toHaveClass(/hl-flash/);

  // Export all: a zip with one Markdown file holding the quote as a blockquote, then the note.
  await page.getByTestId('notebook-export').click();
  const downloading = page.waitForEvent('download');
  await page.getByRole('menuitem', { name: 'Export all as Markdown (zip)' }).click();
  const download = await downloading;
  expect(download.suggestedFilename()).toMatch(/\.zip$/);
  const files = unzipSync(readFileSync(await download.path()));
  const names = Object.keys(files);
  expect(names).toHaveLength(1);
  expect(names[0]).toMatch(/\.md$/);
  const markdown = strFromU8(files[names[0]!]!);
  expect(markdown).toContain(`> ${PHRASE}`);
  expect(markdown).toContain('Check the expo dates');
  expect(markdown.indexOf(`> ${PHRASE}`)).toBeLessThan(markdown.indexOf('Check the expo dates'));

  expect(foreignRequests(requests)).toEqual([]);
  expect(pageErrors).toEqual([]);
});

test('a highlight across a paragraph boundary, an overlapping one, delete and undo', async ({
  page,
  folio,
  pageErrors,
}) => {
  await openSeed(page, folio.url);
  // From the end of a paragraph into the heading after it.
  await drag(page, 'significant global influence.', "A 'New Era'");
  await page.keyboard.press('h'); // the last colour: yellow on a fresh start
  const across = await call<{ exact: string; color: string }[]>(page, 'highlights.list');
  expect(across).toHaveLength(1);
  expect(across[0]!.color).toBe('yellow');
  expect(across[0]!.exact).toBe("significant global influence.\n\nA 'New Era'");
  await expect(marks(page)).toHaveText(['significant global influence.', "A 'New Era'"]);

  // A phrase inside it, in blue: its own highlight, drawn on top, the overlap underlined.
  await drag(page, 'global influence');
  await page
    .getByTestId('selection-toolbar')
    .getByRole('button', { name: 'Highlight blue' })
    .click();
  await expect(body(page).locator('mark.hl-blue')).toHaveText('global influence');
  await expect(body(page).locator('mark.hl-blue')).toHaveClass(/hl-overlap/);
  expect(await call<unknown[]>(page, 'highlights.list')).toHaveLength(2);

  // Delete the blue one; Undo brings it back with the same colour.
  await body(page).locator('mark.hl-blue').click();
  await page.getByTestId('highlight-delete').click();
  await expect(body(page).locator('mark.hl-blue')).toHaveCount(0);
  await expect(page.getByTestId('undo-toast')).toBeVisible();
  expect(await call<unknown[]>(page, 'highlights.list')).toHaveLength(1);
  await page.getByTestId('undo-toast').getByRole('button', { name: 'Undo' }).click();
  await expect(body(page).locator('mark.hl-blue')).toHaveText('global influence');
  expect(await call<unknown[]>(page, 'highlights.list')).toHaveLength(2);
  expect(pageErrors).toEqual([]);
});

test('a note typed just before a reload keeps every keystroke', async ({
  page,
  folio,
  pageErrors,
}) => {
  await openSeed(page, folio.url);
  await reader(page)
    .getByRole('button', { name: /Add a note to this article/ })
    .click();
  const note = 'Every keystroke counts: 1234567890';
  await page.getByTestId('article-note').getByTestId('note-input').pressSequentially(note);
  await page.reload(); // at once: the debounced save has not run
  await expect(page.getByTestId('reader-title')).toHaveText(SEED_TITLE);
  await expect(page.getByTestId('article-note').getByTestId('note-rendered')).toHaveText(note);
  // And the core has it (sent again on start).
  await expect
    .poll(async () => (await call<{ body: string }[]>(page, 'notes.list'))[0]?.body)
    .toBe(note);
  expect(pageErrors).toEqual([]);
});

test('a highlight across inline elements', async ({ page, folio, pageErrors }) => {
  const web = await startFeedServer();
  try {
    web.feed = `<?xml version="1.0"?><rss version="2.0"><channel><title>Inline Desk</title>
      <link>${web.pageUrl}</link><item><title>Marked Up</title><guid>inline-1</guid>
      <description><![CDATA[<p>Alpha <em>beta gamma</em> delta <a href="https://example.org/">epsilon
      zeta</a> eta.</p><p>Second <strong>paragraph</strong> here.</p>]]></description>
      </item></channel></rss>`;
    await page.goto(folio.url);
    await expect(page.getByTestId('article-item').first()).toBeVisible();
    await call(page, 'feeds.add', { url: web.feedUrl });
    await page.reload();
    await page.getByTestId('article-item').filter({ hasText: 'Marked Up' }).click();
    await expect(page.getByTestId('reader-title')).toHaveText('Marked Up');
    await drag(page, 'gamma', 'epsilon');
    await page.keyboard.press('n'); // highlight and open its note
    await expect(page.getByTestId('highlight-popover').getByTestId('note-input')).toBeFocused();
    await page.keyboard.type('inline');
    await page.keyboard.press('Escape');
    const [highlight] = await call<{ exact: string; note: string }[]>(page, 'highlights.list');
    expect(highlight!.exact).toBe('gamma delta epsilon');
    await expect
      .poll(async () => (await call<{ note: string }[]>(page, 'highlights.list'))[0]?.note)
      .toBe('inline');
    // Three marks (in <em>, between, in <a>) for one highlight, with the spaces painted too.
    await expect(marks(page)).toHaveText(['gamma', ' delta ', 'epsilon']);
  } finally {
    await web.close();
  }
  expect(pageErrors).toEqual([]);
});
