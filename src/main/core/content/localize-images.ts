/**
 * Reading with local images: rewrites an article's stored HTML at read time so that every image
 * kept in the database is shown from `/assets/<id>` (same-origin in both modes), and, when the
 * user blocks remote content, so that nothing in it can reach the network
 * (docs/technotes/offline-reading.md). The stored HTML keeps its remote URLs; only the tags that
 * change are rewritten, the rest is copied byte for byte (the text highlights anchor in is
 * untouched).
 */
import { Parser } from 'htmlparser2';
import { imageUrls, isHttp, pictureUrls, sourceUrls } from './image-candidates';

/** Options of localizeImages. */
export interface LocalizeOptions {
  /** Strip every remote image and media URL and drop iframes (the privacy setting). */
  blockRemote: boolean;
}

/** Attributes that could make the browser fetch a remote image instead of the stored one. */
const IMAGE_SOURCES = new Set(['src', 'srcset', 'sizes', 'data-src', 'data-srcset']);
/** URL attributes of players and their sources. */
const MEDIA_SOURCES = new Set(['src', 'poster', 'srcset']);

interface Edit {
  start: number;
  end: number;
  text: string;
}

interface OpenPicture {
  /** Start and end (exclusive) of each <source> tag, removed once the picture is decided. */
  sources: { start: number; end: number; urls: string[] }[];
}

/**
 * Returns `html` with stored images pointed at `/assets/<id>` (srcset, sizes and lazy
 * attributes dropped: a remote candidate would make the browser go out). With `blockRemote`,
 * images not stored lose their remote URLs (their alt stays; `data-remote-src` keeps the URL for
 * a "load this image" action), audio and video lose theirs, and iframes go.
 */
export function localizeImages(
  html: string,
  storedByUrl: ReadonlyMap<string, number>,
  { blockRemote }: LocalizeOptions,
): string {
  if (storedByUrl.size === 0 && !blockRemote) return html;
  if (!/<(img|source|video|audio|iframe)\b/.test(html)) return html;
  const edits: Edit[] = [];
  const pictures: OpenPicture[] = [];
  const media: string[] = [];
  let iframeStart = -1;
  let parser: Parser | null = null;

  const stored = (urls: string[]) => urls.find((url) => storedByUrl.has(url));
  const tagRange = () => ({ start: parser!.startIndex, end: parser!.endIndex + 1 });

  parser = new Parser({
    onopentag(name, attribs) {
      if (iframeStart >= 0) return;
      const picture = pictures[pictures.length - 1];
      switch (name) {
        case 'picture':
          pictures.push({ sources: [] });
          return;
        case 'video':
        case 'audio':
          media.push(name);
          if (blockRemote) edit(rewrite(name, attribs, MEDIA_SOURCES, {}));
          return;
        case 'iframe':
          if (blockRemote) iframeStart = parser!.startIndex;
          return;
        case 'source':
          if (picture && media.length === 0) {
            picture.sources.push({ ...tagRange(), urls: sourceUrls(attribs) });
          } else if (blockRemote) {
            edit('');
          }
          return;
        case 'img': {
          const urls = picture
            ? pictureUrls(
                imageUrls(attribs),
                picture.sources.map((s) => s.urls),
              )
            : imageUrls(attribs);
          const url = stored(urls);
          if (url !== undefined) {
            const assetSrc = `/assets/${storedByUrl.get(url)}`;
            edit(rewrite('img', attribs, IMAGE_SOURCES, { src: assetSrc }));
          } else if (blockRemote && urls.length > 0) {
            // An inline (data:) image stays; the remote one is only named for "load this image".
            const set: Record<string, string> = {};
            if (attribs.src && !isHttp(attribs.src)) set.src = attribs.src;
            set['data-remote-src'] = urls[0] as string;
            edit(rewrite('img', attribs, IMAGE_SOURCES, set));
          }
          // A picture's sources win over its <img> in the browser: once the image is local (or
          // blocked), they must go.
          if (picture && (url !== undefined || blockRemote)) {
            for (const source of picture.sources) edits.push({ ...source, text: '' });
            picture.sources = [];
          }
          return;
        }
      }
    },
    onclosetag(name) {
      if (name === 'iframe' && iframeStart >= 0) {
        edits.push({ start: iframeStart, end: parser!.endIndex + 1, text: '' });
        iframeStart = -1;
      } else if (name === 'picture') {
        pictures.pop();
      } else if (name === 'video' || name === 'audio') {
        media.pop();
      }
    },
  });

  function edit(text: string): void {
    edits.push({ ...tagRange(), text });
  }

  parser.end(html);
  return applyEdits(html, edits);
}

/** Writes a start tag with `drop` attributes left out and `set` ones added (in that order). */
function rewrite(
  name: string,
  attribs: Record<string, string>,
  drop: ReadonlySet<string>,
  set: Record<string, string>,
): string {
  let out = `<${name}`;
  for (const [key, value] of Object.entries(attribs)) {
    if (drop.has(key) || key in set) continue;
    out += ` ${key}="${escapeAttribute(value)}"`;
  }
  for (const [key, value] of Object.entries(set)) out += ` ${key}="${escapeAttribute(value)}"`;
  return name === 'img' ? `${out} />` : `${out}>`;
}

function escapeAttribute(value: string): string {
  return value
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;');
}

/** Applies non-overlapping edits (in document order) to `html`. */
function applyEdits(html: string, edits: Edit[]): string {
  if (edits.length === 0) return html;
  edits.sort((a, b) => a.start - b.start);
  let out = '';
  let at = 0;
  for (const { start, end, text } of edits) {
    if (start < at) continue;
    out += html.slice(at, start) + text;
    at = end;
  }
  return out + html.slice(at);
}
