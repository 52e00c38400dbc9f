import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { imageSlots, uniqueImageSlots } from '../../src/main/core/content/images';

/** The URL kept of each image the HTML shows. */
const discoverImages = (html: string): string[] => uniqueImageSlots(html).map((urls) => urls[0]!);
import { bestSrcsetUrl } from '../../src/main/core/content/srcset';
import { sniffImageType } from '../../src/main/core/content/image-type';
import { localizeImages } from '../../src/main/core/content/localize-images';
import { sanitizeHtml } from '../../src/main/core/content/sanitize';

const IMAGES = join(__dirname, '../fixtures/images');
const fixture = (name: string) => readFileSync(join(IMAGES, name));
const ARTICLE = fixture('article-with-images.html').toString('utf8');

describe('image discovery', () => {
  it('finds one URL per image: srcset choice, lazy attributes, pictures, de-duplicated', () => {
    expect(discoverImages(ARTICLE)).toEqual([
      'https://img.example/plain.jpg',
      'https://img.example/w1200.jpg',
      'https://img.example/d2.jpg',
      'https://img.example/lazy-real.jpg',
      'https://img.example/lazy-set-1500.jpg',
      // A picture keeps its <img> (every browser shows it) …
      'https://img.example/hero.jpg',
      // … or, when that is a placeholder, its first source's best candidate.
      'https://img.example/art-1600.webp',
      'https://img.example/cdn,w_600,h_400.jpg',
    ]);
  });

  it('keeps fallbacks for each image, the chosen URL first', () => {
    const hero = imageSlots(ARTICLE).find((s) => s.urls[0] === 'https://img.example/hero.jpg');
    expect(hero?.urls).toEqual(['https://img.example/hero.jpg', 'https://img.example/hero.avif']);
  });

  it('chooses the largest width up to 1600, else the smallest; the highest density up to 2x', () => {
    expect(
      bestSrcsetUrl('https://a/1.jpg 400w, https://a/2.jpg 1600w, https://a/3.jpg 3000w'),
    ).toBe('https://a/2.jpg');
    expect(bestSrcsetUrl('https://a/big.jpg 3000w, https://a/bigger.jpg 4000w')).toBe(
      'https://a/big.jpg',
    );
    expect(bestSrcsetUrl('https://a/1.jpg, https://a/2.jpg 2x, https://a/3.jpg 3x')).toBe(
      'https://a/2.jpg',
    );
    expect(bestSrcsetUrl('https://a/3.jpg 3x, https://a/4.jpg 4x')).toBe('https://a/3.jpg');
    expect(bestSrcsetUrl('')).toBeNull();
  });

  it('works on what the sanitizer writes from a WordPress lazy-loaded image', () => {
    const html = sanitizeHtml(
      '<img src="data:image/gif;base64,R0lGODlhAQABAAAAACw=" data-src="/up/photo.jpg" ' +
        'data-srcset="/up/photo-600.jpg 600w, /up/photo-1200.jpg 1200w">',
      'https://blog.example/post/',
    );
    expect(discoverImages(html)).toEqual(['https://blog.example/up/photo-1200.jpg']);
  });

  it('ignores documents without images, and non-http URLs', () => {
    expect(discoverImages('<p>No pictures here.</p>')).toEqual([]);
    expect(discoverImages('<img src="data:image/png;base64,iVBORw0KGgo=" />')).toEqual([]);
  });
});

describe('image type sniffing', () => {
  it('knows PNG, JPEG, GIF and WebP by their bytes, whatever the name', () => {
    expect(sniffImageType(fixture('red-2x2.png'))).toBe('image/png');
    expect(sniffImageType(fixture('grey-1x1.jpg'))).toBe('image/jpeg');
    expect(sniffImageType(fixture('black-1x1.gif'))).toBe('image/gif');
    expect(sniffImageType(fixture('pixel-1x1.webp'))).toBe('image/webp');
  });

  it('knows AVIF by its ftyp brand', () => {
    const avif = Buffer.concat([
      Buffer.from([0, 0, 0, 0x1c]),
      Buffer.from('ftypavif'),
      Buffer.alloc(20),
    ]);
    expect(sniffImageType(avif)).toBe('image/avif');
  });

  it('refuses SVG, text named .png and empty bodies', () => {
    expect(sniffImageType(fixture('svg-with-script.svg'))).toBeNull();
    expect(sniffImageType(fixture('text-named.png'))).toBeNull();
    expect(sniffImageType(new Uint8Array())).toBeNull();
  });
});

describe('localizing images', () => {
  const stored = new Map([
    ['https://img.example/plain.jpg', 1],
    ['https://img.example/w1200.jpg', 2],
    ['https://img.example/hero.jpg', 3],
  ]);

  it('points stored images at /assets/<id> and drops srcset, sizes and lazy attributes', () => {
    const html = localizeImages(ARTICLE, stored, { blockRemote: false });
    expect(html).toContain('<img alt="plain src" src="/assets/1" />');
    expect(html).toContain('<img alt="widths: 1200w is the largest under 1600" src="/assets/2" />');
    expect(html).toContain('<img alt="the same image again" src="/assets/1" />');
    // The picture's <source> would win over the local <img>: it goes.
    expect(html).toContain('<picture><img alt="picture with an img" src="/assets/3" /></picture>');
    expect(html).not.toContain('hero.avif');
    // Images not stored keep their remote URLs when remote content is allowed.
    expect(html).toContain('https://img.example/d2.jpg 2x');
    expect(html).toContain('<p>A sanitized article body');
  });

  it('leaves the HTML untouched when nothing is stored and nothing is blocked', () => {
    expect(localizeImages(ARTICLE, new Map(), { blockRemote: false })).toBe(ARTICLE);
  });

  it('with blockRemote, strips every remote image and media URL and drops iframes', () => {
    const withMedia =
      ARTICLE +
      '<video src="https://media.example/v.mp4" poster="https://media.example/p.jpg" controls=""><source src="https://media.example/v.webm" type="video/webm" />Your browser</video>' +
      '<audio src="https://media.example/a.mp3" controls=""></audio>' +
      '<iframe src="https://www.youtube-nocookie.com/embed/x" sandbox="allow-scripts" allowfullscreen=""></iframe><p>After.</p>';
    const html = localizeImages(withMedia, stored, { blockRemote: true });
    const remote = html.match(/ (?:src|srcset|poster)="[^"]*https?:[^"]*"/g) ?? [];
    expect(remote).toEqual([]);
    expect(html).not.toContain('<iframe');
    expect(html).not.toContain('<source');
    expect(html).toContain('src="/assets/1"');
    expect(html).toContain(
      '<img alt="densities: 2x" data-remote-src="https://img.example/d2.jpg" />',
    );
    expect(html).toContain(
      '<img src="data:image/png;base64,iVBORw0KGgo=" alt="inline: already offline" />',
    );
    expect(html).toContain('<video controls="">');
    expect(html).toContain('Your browser</video><audio controls=""></audio><p>After.</p>');
  });

  it('escapes attribute values it rewrites', () => {
    const html = localizeImages(
      '<img src="https://img.example/a.jpg?x=1&amp;y=2" alt="&quot;quoted&quot; &amp; more" />',
      new Map([['https://img.example/a.jpg?x=1&y=2', 9]]),
      { blockRemote: false },
    );
    expect(html).toBe('<img alt="&quot;quoted&quot; &amp; more" src="/assets/9" />');
  });
});
