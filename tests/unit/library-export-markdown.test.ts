import MarkdownIt from 'markdown-it';
import { beforeEach, describe, expect, it } from 'vitest';
import {
  ORPHAN_MARK,
  blockquote,
  escapeMarkdown,
  yamlString,
} from '../../src/main/core/library/annotations/export-markdown';
import {
  MAX_NAME_CHARS,
  safeFileName,
  uniqueNames,
} from '../../src/main/core/library/annotations/file-names';
import { addArticle, openLibrary, select, type Library } from '../helpers/annotated-library';
import { rawDatabase } from '../../src/main/core/storage/raw-database';

const EXPORTED = new Date('2025-02-01T12:00:00.000Z');

describe('export.markdown', () => {
  let lib: Library;
  let articleId: number;
  beforeEach(() => {
    lib = openLibrary();
    articleId = addArticle(lib.store, {
      title: 'Harbin: "Ice" & snow',
      url: 'https://harbin.example/ice',
      paragraphs: [
        'The ice festival draws visitors.<br>It opens in January.',
        'Entry costs $5 and *everyone* goes.',
        'A closing line.',
      ],
    });
  });

  it('writes front matter, the article note, then each quote followed by its note', async () => {
    await lib.api['notes.set']({ articleId, body: 'My **plan** for the trip.' });
    await lib.api['highlights.create']({
      articleId,
      ...select(lib.store, articleId, 'visitors.\nIt opens'),
      note: 'Book early.',
    });
    await lib.api['highlights.create']({
      articleId,
      ...select(lib.store, articleId, 'Entry costs $5 and *everyone* goes.'),
    });
    const { files } = await lib.api['export.markdown']({ articleId });
    expect(files).toHaveLength(1);
    expect(files[0]!.name).toBe('Harbin Ice & snow.md');
    const content = files[0]!.content.replace(
      /exported: ".*"/,
      `exported: "${EXPORTED.toISOString()}"`,
    );
    expect(content).toBe(
      [
        '---',
        'title: "Harbin: \\"Ice\\" & snow"',
        'url: "https://harbin.example/ice"',
        'exported: "2025-02-01T12:00:00.000Z"',
        '---',
        '',
        'My **plan** for the trip.',
        '',
        '## Highlights',
        '',
        '> visitors.',
        '> It opens',
        '',
        'Book early.',
        '',
        '> Entry costs \\$5 and \\*everyone\\* goes.',
        '',
      ].join('\n'),
    );
    // Read back as Markdown: two blockquotes holding the quotes as written, notes outside them.
    const html = new MarkdownIt().render(content.split('---\n').slice(2).join('---\n'));
    expect(html).toContain(
      '<blockquote>\n<p>visitors.\nIt opens</p>\n</blockquote>\n<p>Book early.</p>',
    );
    expect(html).toContain('<p>Entry costs $5 and *everyone* goes.</p>');
  });

  it('lists an orphaned highlight with its quote, marked', async () => {
    await lib.api['highlights.create']({
      articleId,
      ...select(lib.store, articleId, 'A closing line.'),
    });
    rawDatabase(lib.store)
      .prepare("UPDATE articles SET text = 'All new text.' WHERE id = ?")
      .run(articleId);
    const { files } = await lib.api['export.markdown']({ articleId });
    expect(files[0]!.content).toContain(`> A closing line.\n\n${ORPHAN_MARK}\n`);
  });

  it('exports every annotated article when no id is given, with unique names', async () => {
    const twin = addArticle(lib.store, { title: 'harbin: "ice" & SNOW', paragraphs: ['Twin.'] });
    addArticle(lib.store, { title: 'Untouched', paragraphs: ['Nothing here.'] });
    await lib.api['notes.set']({ articleId, body: 'one' });
    await lib.api['notes.set']({ articleId: twin, body: 'two' });
    const { files } = await lib.api['export.markdown']({});
    expect(files.map((f) => f.name)).toEqual(['Harbin Ice & snow.md', 'harbin ice & SNOW 2.md']);
    expect(files[1]!.content).toContain('\ntwo\n');
  });

  it('exports nothing for an article without annotations, and NOT_FOUND for a missing one', async () => {
    expect(await lib.api['export.markdown']({ articleId })).toEqual({ files: [] });
    await expect(lib.api['export.markdown']({ articleId: 999 })).rejects.toMatchObject({
      code: 'NOT_FOUND',
    });
  });
});

describe('Markdown and YAML escaping', () => {
  it('quotes YAML strings so that any title survives', () => {
    expect(yamlString('a: b # c')).toBe('"a: b # c"');
    expect(yamlString('line\nbreak\ttab "q" \\')).toBe('"line\\nbreak\\ttab \\"q\\" \\\\"');
    expect(yamlString('sep\u2028arator\u0085\u007f')).toBe('"sep\\u2028arator\\u0085\\u007f"');
    expect(yamlString('half \ud800 pair')).toBe('"half \ufffd pair"');
    expect(yamlString('emoji 🎉 ok')).toBe('"emoji 🎉 ok"');
  });

  it('prefixes every line of a quote, blank ones too', () => {
    expect(blockquote('one\n\ntwo\r\nthree')).toBe('> one\n>\n> two\n> three');
  });

  it('escapes what would turn a quote into markup', () => {
    expect(escapeMarkdown('#tag [[link]] <b> a|b ~x~ `c` _e_')).toBe(
      '\\#tag \\[\\[link\\]\\] \\<b\\> a\\|b \\~x\\~ \\`c\\` \\_e\\_',
    );
    expect(escapeMarkdown('- not a list')).toBe('\\- not a list');
    expect(escapeMarkdown('1984. A year')).toBe('1984\\. A year');
    expect(escapeMarkdown('plain words, 3 - 2')).toBe('plain words, 3 - 2');
  });
});

describe('file names', () => {
  it('drops characters that Windows, macOS, Linux or Obsidian refuse', () => {
    expect(safeFileName('a/b\\c:d*e?f"g<h>i|j#k^l[m]n')).toBe('a b c d e f g h i j k l m n.md');
    expect(safeFileName('tab\there\nnew\u0000null\u009fc1')).toBe('tab here new null c1.md');
  });

  it('never ends in a dot or a space, nor starts with a dot', () => {
    expect(safeFileName('Wait for it...  ')).toBe('Wait for it.md');
    expect(safeFileName('.hidden')).toBe('hidden.md');
  });

  it('avoids Windows device names, with or without an extension', () => {
    for (const name of ['CON', 'prn', 'Aux', 'NUL', 'COM1', 'lpt9', 'nul.txt', 'COM¹']) {
      expect(safeFileName(name)).toBe(`${name} (note).md`);
    }
    expect(safeFileName('Console')).toBe('Console.md');
  });

  it('says Untitled when nothing is left', () => {
    expect(safeFileName('')).toBe('Untitled.md');
    expect(safeFileName(' ///...  ')).toBe('Untitled.md');
  });

  it('cuts long titles without splitting a character, within the bytes a file system allows', () => {
    const long = safeFileName('x'.repeat(300));
    expect(long).toHaveLength(MAX_NAME_CHARS);
    const emoji = safeFileName('🎉'.repeat(80));
    expect(emoji.length).toBeLessThanOrEqual(MAX_NAME_CHARS);
    expect(emoji.slice(0, -3)).toBe('🎉'.repeat((emoji.length - 3) / 2));
    const cjk = safeFileName('哈'.repeat(200));
    expect(Buffer.byteLength(cjk)).toBeLessThanOrEqual(240);
    expect(cjk.endsWith('哈.md')).toBe(true);
  });

  it('makes clashing names unique, ignoring case', () => {
    const unique = uniqueNames();
    expect(['A.md', 'a.md', 'A.md', 'b.md'].map(unique)).toEqual([
      'A.md',
      'a 2.md',
      'A 3.md',
      'b.md',
    ]);
    const full = safeFileName('y'.repeat(200));
    const second = unique(full);
    expect(unique(full)).toHaveLength(MAX_NAME_CHARS);
    expect(second).toBe(full);
  });
});
