// decodeFeed: one test per fixture in tests/fixtures/encodings (made by make-fixtures.py), then
// the precedence rules of docs/technotes/fetch-and-decode.md.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { decodeFeed } from '../../src/main/core/feeds/decode';
import { headerCharset } from '../../src/main/core/net/decode-text';
import { fetchFeed } from '../../src/main/core/feeds/fetch-feed';
import { startFixtureServer } from '../helpers/fixture-server';
import { loopbackGet } from '../helpers/net';

const DIR = join(__dirname, '../fixtures/encodings');
const fixture = (name: string): Uint8Array => new Uint8Array(readFileSync(join(DIR, name)));
const bytesOf = (text: string): Uint8Array => new TextEncoder().encode(text);

/** The first <title> of a document: the feed's own. */
function firstTitle(text: string): string | undefined {
  return /<title>([^<]*)<\/title>/.exec(text)?.[1];
}

// [fixture, Content-Type it is served with, exact feed title, encoding reported]
const FIXTURES: [string, string | null, string, string][] = [
  ['rss-windows-1251-russian.xml', null, 'Лента новостей: Россия и мир', 'windows-1251'],
  ['rss-koi8-r.xml', null, 'Новости Хабаровского края', 'koi8-r'],
  ['rss-iso-8859-2-polish.xml', null, 'Gazeta Łódzka: wiadomości z regionu', 'iso-8859-2'],
  ['rss-iso-8859-7-greek.xml', null, 'Ειδήσεις από την Αθήνα', 'iso-8859-7'],
  ['rss-shift-jis-japanese.xml', null, '東京ニュース速報', 'shift_jis'],
  ['rss-gbk-chinese.xml', null, '新华网 国际新闻', 'gb18030'],
  ['rss-big5-chinese.xml', null, '中央通訊社 臺灣新聞', 'big5'],
  ['rss-euc-kr-korean.xml', null, '연합뉴스 주요 뉴스', 'euc-kr'],
  ['atom-utf-16le-bom.xml', null, 'Weltnachrichten — 世界新闻 — Новости 🌍', 'utf-16le'],
  ['atom-utf-16be-bom.xml', null, 'Αθήνα &amp; 東京: Reisebericht 🚆', 'utf-16be'],
  ['rss-utf-32le-bom.xml', null, 'Emoji digest 📰 beyond the BMP 𝄞', 'utf-32le'],
  ['rss-utf-8-bom.xml', null, 'Café Zürich — Straßenbahn fährt wieder', 'utf-8'],
  [
    'rss-http-charset-overrides-prolog.xml',
    'application/rss+xml; charset=windows-1251',
    'Прогноз погоды на неделю',
    'windows-1251',
  ],
  [
    'rss-no-declaration-utf-8.xml',
    'application/xml',
    'Crème brûlée &amp; naïve café — “quotes” …',
    'utf-8',
  ],
  [
    'rss-iso-8859-1-declared-windows-1252-quotes.xml',
    null,
    '“Don’t panic” – café menu from €5',
    'iso-8859-1',
  ],
  ['rss-utf-16le-no-bom.xml', null, 'Überraschung: 新闻 ohne BOM', 'utf-16le'],
  ['rss-utf-32be-no-bom.xml', null, 'Ωmega 𝄞 sans BOM', 'utf-32be'],
];

describe('decodeFeed: one fixture per encoding', () => {
  it.each(FIXTURES)('%s', (name, contentType, title, encoding) => {
    const decoded = decodeFeed(fixture(name), contentType);
    expect(firstTitle(decoded.text)).toBe(title);
    expect(decoded.encoding).toBe(encoding);
    expect(decoded.text.startsWith('<')).toBe(true); // no BOM left, nothing garbled in front
    expect(decoded.text).not.toContain('\ufffd');
  });

  it('reads the punctuation of windows-1251 (« » —) too', () => {
    const { text } = decodeFeed(fixture('rss-windows-1251-russian.xml'), null);
    expect(text).toContain('газопровода «Сила Сибири». Подробности — в материале');
  });
});

describe('decodeFeed: which source wins', () => {
  it('takes the BOM over the HTTP charset', () => {
    const decoded = decodeFeed(fixture('atom-utf-16le-bom.xml'), 'text/xml; charset=windows-1251');
    expect(decoded.encoding).toBe('utf-16le');
    expect(firstTitle(decoded.text)).toBe('Weltnachrichten — 世界新闻 — Новости 🌍');
  });

  it('takes the HTTP charset over the prolog, and the prolog without one', () => {
    const bytes = fixture('rss-http-charset-overrides-prolog.xml');
    const served = decodeFeed(bytes, 'text/xml; charset="windows-1251"');
    expect(firstTitle(served.text)).toBe('Прогноз погоды на неделю');
    // Without the header the (wrong) prolog is all there is: the title comes out as Latin-1.
    const bare = decodeFeed(bytes, 'text/xml');
    expect(bare.encoding).toBe('iso-8859-1');
    expect(firstTitle(bare.text)).toBe('Ïðîãíîç ïîãîäû íà íåäåëþ');
  });

  it('reads text/xml without a charset by its prolog, not as us-ascii (RFC 7303)', () => {
    const decoded = decodeFeed(fixture('rss-windows-1251-russian.xml'), 'text/xml');
    expect(decoded.encoding).toBe('windows-1251');
    expect(firstTitle(decoded.text)).toBe('Лента новостей: Россия и мир');
  });

  it('falls through a bogus HTTP charset to the prolog', () => {
    const decoded = decodeFeed(fixture('rss-koi8-r.xml'), 'application/xml; charset=bogus-8');
    expect(decoded.encoding).toBe('koi8-r');
    expect(firstTitle(decoded.text)).toBe('Новости Хабаровского края');
  });

  it('falls through a bogus prolog encoding to UTF-8', () => {
    const decoded = decodeFeed(
      bytesOf('<?xml version="1.0" encoding="klingon"?><rss><title>Qapla’</title></rss>'),
      null,
    );
    expect(decoded).toEqual({
      text: '<?xml version="1.0" encoding="klingon"?><rss><title>Qapla’</title></rss>',
      encoding: 'utf-8',
    });
  });

  it('ignores labels that cannot describe ASCII-compatible bytes', () => {
    const bytes = bytesOf('<?xml version="1.0" encoding="utf-16"?><rss><title>Añejo</title></rss>');
    // A UTF-16 label without UTF-16 bytes, and WHATWG's "replacement" (ISO-2022-KR, HZ), which
    // would turn the whole feed into one U+FFFD.
    expect(decodeFeed(bytes, 'text/xml; charset=utf-16').encoding).toBe('utf-8');
    expect(decodeFeed(bytes, 'text/xml; charset=iso-2022-kr').encoding).toBe('utf-8');
    expect(firstTitle(decodeFeed(bytes, 'text/xml; charset=utf-32').text)).toBe('Añejo');
  });

  it('decodes JSON Feed bytes the same way', () => {
    const json = '{"version":"https://jsonfeed.org/version/1.1","title":"Ёж и «ёлка»"}';
    const withBom = new Uint8Array([0xef, 0xbb, 0xbf, ...bytesOf(json)]);
    expect(JSON.parse(decodeFeed(withBom, 'application/feed+json').text).title).toBe('Ёж и «ёлка»');
    const cp1251 = fixture('rss-windows-1251-russian.xml'); // any windows-1251 bytes will do
    const viaHeader = decodeFeed(cp1251, 'application/json; charset=windows-1251');
    expect(viaHeader.encoding).toBe('windows-1251');
  });

  it('spots UTF-16 without BOM or declaration by its NUL bytes, even as JSON', () => {
    const json = '{"title":"Ёж"}';
    const le = new Uint8Array(Buffer.from(json, 'utf16le'));
    expect(decodeFeed(le, 'application/json; charset=utf-8')).toEqual({
      text: json,
      encoding: 'utf-16le',
    });
  });
});

describe('decodeFeed: damaged bytes', () => {
  it('replaces invalid UTF-8 instead of throwing', () => {
    const bytes = new Uint8Array([
      ...bytesOf('<rss><title>Espa'),
      0xf1,
      ...bytesOf('a</title></rss>'),
    ]);
    expect(firstTitle(decodeFeed(bytes, null).text)).toBe('Espa\ufffda');
  });

  it('replaces invalid UTF-32 units and a cut-off last unit', () => {
    const units = [0x3c, 0x61, 0xd800, 0x110000, 0x3e]; // <a, a surrogate, beyond Unicode, >
    const bytes = new Uint8Array(units.length * 4 + 2);
    units.forEach((unit, i) => new DataView(bytes.buffer).setUint32(i * 4, unit, true));
    expect(decodeFeed(bytes, null)).toEqual({
      text: '<a\ufffd\ufffd>\ufffd',
      encoding: 'utf-32le',
    });
  });

  it('handles empty and tiny inputs', () => {
    expect(decodeFeed(new Uint8Array(), null)).toEqual({ text: '', encoding: 'utf-8' });
    expect(decodeFeed(new Uint8Array([0xef, 0xbb, 0xbf]), null)).toEqual({
      text: '',
      encoding: 'utf-8',
    });
    expect(decodeFeed(bytesOf('<'), null).text).toBe('<');
  });
});

describe('headerCharset', () => {
  it('reads the forms servers send', () => {
    expect(headerCharset('text/xml;charset= "us-ascii"')).toBe('us-ascii');
    expect(headerCharset("application/atom+xml; charset='gb2312'")).toBe('gb2312');
    expect(headerCharset('application/xml;charset = us-ascii')).toBe('us-ascii');
    expect(headerCharset('text/xml; qs=0.9; CHARSET=KOI8-R')).toBe('KOI8-R');
    expect(headerCharset('text/xml; charset:iso-8859-1')).toBeNull();
    expect(headerCharset('text/xml;')).toBeNull();
    expect(headerCharset(null)).toBeNull();
  });
});

describe('fetch then decode', () => {
  it('reads a windows-1251 feed whose prolog lies, served with the right charset', async () => {
    const server = await startFixtureServer();
    try {
      const url = server.url(
        '/encodings/rss-http-charset-overrides-prolog.xml?charset=windows-1251',
      );
      const fetched = await fetchFeed(loopbackGet, { url });
      if (fetched.status !== 'ok') throw new Error('expected a body');
      expect(fetched.contentType).toBe('application/xml; charset=windows-1251');
      const decoded = decodeFeed(fetched.bytes, fetched.contentType);
      expect(firstTitle(decoded.text)).toBe('Прогноз погоды на неделю');
    } finally {
      await server.close();
    }
  });
});
