import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { decodeHtml, metaCharset } from '../../src/main/core/content/decode-html';

const ascii = (s: string) => new TextEncoder().encode(s);
const cp1251Page = readFileSync(
  join(__dirname, '..', 'fixtures', 'pages', 'windows-1251-meta-charset.html'),
);

describe('decodeHtml', () => {
  it('reads <meta charset> when HTTP names no charset', () => {
    const { text, encoding } = decodeHtml(cp1251Page, 'text/html');
    expect(encoding).toBe('windows-1251');
    expect(text).toContain('Хабаровск встретил первый лёд на Амуре');
  });

  it('lets the HTTP charset win over <meta>', () => {
    const page = Buffer.concat([ascii('<meta charset="koi8-r">'), Buffer.from('Ёлка', 'utf8')]);
    expect(decodeHtml(page, 'text/html; charset=utf-8').text).toContain('Ёлка');
  });

  it('falls through a charset no decoder knows to <meta>', () => {
    expect(decodeHtml(cp1251Page, 'text/html; charset=bogus').encoding).toBe('windows-1251');
  });

  it('lets a byte order mark win over everything', () => {
    const page = Buffer.concat([
      Buffer.from([0xef, 0xbb, 0xbf]),
      ascii('<meta charset="windows-1251">'),
      Buffer.from('Ёлка', 'utf8'),
    ]);
    const { text, encoding } = decodeHtml(page, 'text/html; charset=windows-1251');
    expect(encoding).toBe('utf-8');
    expect(text).toBe('<meta charset="windows-1251">Ёлка');
  });

  it('ends on UTF-8 when nothing is declared', () => {
    expect(decodeHtml(Buffer.from('<p>Ёлка</p>', 'utf8'), null)).toEqual({
      text: '<p>Ёлка</p>',
      encoding: 'utf-8',
    });
  });
});

describe('metaCharset', () => {
  it('reads the http-equiv form', () => {
    const head = '<meta http-equiv="Content-Type" content="text/html; charset=KOI8-R">';
    expect(metaCharset(ascii(head))).toBe('KOI8-R');
  });

  it('ignores a commented-out declaration and a description that mentions charset', () => {
    const head =
      '<!-- <meta charset="iso-8859-1"> --><meta name="description" content="charset=utf-7 tricks">' +
      '<meta charset=windows-1251>';
    expect(metaCharset(ascii(head))).toBe('windows-1251');
  });

  it('looks only at the first 1024 bytes', () => {
    expect(metaCharset(ascii(' '.repeat(1024) + '<meta charset="koi8-r">'))).toBeNull();
  });
});
