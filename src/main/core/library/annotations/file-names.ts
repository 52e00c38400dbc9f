/**
 * File names for exported notes, safe in Obsidian and on every OS: the export may be unzipped
 * on Windows, synced through a case-insensitive macOS volume, and opened as an Obsidian vault,
 * where `#^[]|` in a name break wiki links and headings links.
 */

/** Characters no file name gets: Windows' reserved set, path separators, Obsidian's link syntax. */
const FORBIDDEN = /[/\\:*?"<>|#^[\]]/g;
/** C0 and C1 controls, and the Unicode line and paragraph separators. */
// eslint-disable-next-line no-control-regex -- finding control characters is the point
const CONTROLS = /[\u0000-\u001f\u007f-\u009f\u2028\u2029]/g;
/** Windows refuses these as a name, with or without an extension (CON.md is CON). */
const RESERVED = /^(con|prn|aux|nul|com[0-9¹²³]|lpt[0-9¹²³])$/i;
/** Names are cut to this many characters (UTF-16 units), extension included. */
export const MAX_NAME_CHARS = 100;
/** ext4, APFS and NTFS allow 255 bytes (or units) a name: 100 CJK characters are 300 bytes. */
const MAX_NAME_BYTES = 240;

/**
 * Returns a safe file name for `title` with extension `ext` (".md"): forbidden and control
 * characters become spaces, runs of spaces one, no leading dot (hidden on Unix) nor trailing dot
 * or space (Windows drops them), never a reserved device name, at most MAX_NAME_CHARS
 * characters without splitting a character; "Untitled" when nothing is left.
 */
export function safeFileName(title: string, ext = '.md'): string {
  let base = title
    .normalize('NFC')
    .replace(CONTROLS, ' ')
    .replace(FORBIDDEN, ' ')
    .replace(/\s+/g, ' ')
    .trim();
  base = cut(base, MAX_NAME_CHARS - ext.length);
  base = base.replace(/^[.\s]+/, '').replace(/[.\s]+$/, '');
  if (base === '') base = 'Untitled';
  if (RESERVED.test((base.split('.')[0] as string).trim())) base = `${base} (note)`;
  return base + ext;
}

/**
 * Returns a function that makes names unique within one export: a name already given (compared
 * case-insensitively, as Windows and macOS do) gets " 2", " 3"… before its extension, still
 * within MAX_NAME_CHARS.
 */
export function uniqueNames(): (name: string) => string {
  const taken = new Set<string>();
  return (name) => {
    const dot = name.lastIndexOf('.');
    const base = dot > 0 ? name.slice(0, dot) : name;
    const ext = dot > 0 ? name.slice(dot) : '';
    let candidate = name;
    for (let n = 2; taken.has(candidate.toLowerCase()); n++) {
      const suffix = ` ${n}`;
      const trimmed = cut(base, MAX_NAME_CHARS - ext.length - suffix.length).replace(/[.\s]+$/, '');
      candidate = `${trimmed}${suffix}${ext}`;
    }
    taken.add(candidate.toLowerCase());
    return candidate;
  };
}

/**
 * Returns `text` cut to at most `max` UTF-16 units and MAX_NAME_BYTES UTF-8 bytes (less the
 * extension's share), never inside a character.
 */
function cut(text: string, max: number): string {
  const maxBytes = MAX_NAME_BYTES - (MAX_NAME_CHARS - max);
  let units = 0;
  let bytes = 0;
  for (const char of text) {
    const size = Buffer.byteLength(char);
    if (units + char.length > max || bytes + size > maxBytes) break;
    units += char.length;
    bytes += size;
  }
  return text.slice(0, units);
}
