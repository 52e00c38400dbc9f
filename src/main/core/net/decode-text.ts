/**
 * A response body's bytes to text, choosing the charset the way docs/technotes/fetch-and-decode.md
 * explains: what the bytes themselves show first, then the labels the caller found (the HTTP
 * header, then the document's own declaration: an XML prolog for feeds, a <meta> for pages).
 * Pure: no I/O.
 */
import { decodeUtf32 } from './utf32';
import { decodeWindows1252 } from './windows-1252';

/** A document's text and the name of the encoding it was read as. */
export interface DecodedText {
  /** The document, without a byte order mark. */
  text: string;
  /**
   * Lower case. The label the feed declared (`windows-1251`, `us-ascii`, `iso-8859-1`), except:
   * any UTF-8 label is `utf-8`, UTF-16/32 are named with their byte order, and the GB labels
   * (gb2312, gbk) are `gb18030`, the decoder that reads them all (WHATWG Encoding).
   */
  encoding: string;
}

type Decoder = InstanceType<typeof TextDecoder>;
type UnicodeForm = 'utf-8' | 'utf-16le' | 'utf-16be' | 'utf-32le' | 'utf-32be';

/**
 * Returns the text of a document and the encoding used. The order: a byte order mark; the byte
 * pattern of UTF-16/32 text without one (XML 1.0 appendix F); the first of `labels` (in the
 * caller's order of trust) that a decoder knows and that can describe these bytes; else UTF-8.
 * Bytes invalid in the chosen encoding become U+FFFD; this never throws.
 */
export function decodeText(bytes: Uint8Array, labels: readonly (string | null)[]): DecodedText {
  const bom = byteOrderMark(bytes);
  if (bom) return decodeUnicode(bom.form, bytes.subarray(bom.length));

  const wide = wideForm(bytes);
  if (wide) return decodeUnicode(wide, bytes);

  for (const label of labels) {
    const decoder = label ? asciiCompatibleDecoder(label) : null;
    if (!decoder) continue;
    const text =
      decoder.encoding === 'windows-1252' ? decodeWindows1252(bytes) : decoder.decode(bytes);
    return { text, encoding: reportedName(label!, decoder) };
  }
  return decodeUnicode('utf-8', bytes);
}

/** Returns the charset parameter of a Content-Type value (quotes and spaces tolerated). */
export function headerCharset(contentType: string | null): string | null {
  if (!contentType) return null;
  for (const param of contentType.split(';').slice(1)) {
    const match = /^\s*charset\s*=\s*["']?([^"'\s]+)["']?\s*$/i.exec(param);
    if (match) return match[1]!;
  }
  return null;
}

/**
 * Returns the encoding named by an XML declaration at the start of ASCII-compatible bytes (a
 * feed's, or an XHTML page's).
 */
export function prologEncoding(bytes: Uint8Array): string | null {
  const head = new TextDecoder('latin1').decode(bytes.subarray(0, 1024));
  const match = /^\s*<\?xml\s[^>]*?\bencoding\s*=\s*["']([^"']+)["']/.exec(head);
  return match ? match[1]!.trim() : null;
}

function byteOrderMark(b: Uint8Array): { form: UnicodeForm; length: number } | null {
  if (b[0] === 0xef && b[1] === 0xbb && b[2] === 0xbf) return { form: 'utf-8', length: 3 };
  if (b[0] === 0x00 && b[1] === 0x00 && b[2] === 0xfe && b[3] === 0xff) {
    return { form: 'utf-32be', length: 4 };
  }
  // FF FE 00 00 is UTF-32LE; as UTF-16LE it would be a BOM then U+0000, never in a feed.
  if (b[0] === 0xff && b[1] === 0xfe && b[2] === 0x00 && b[3] === 0x00) {
    return { form: 'utf-32le', length: 4 };
  }
  if (b[0] === 0xfe && b[1] === 0xff) return { form: 'utf-16be', length: 2 };
  if (b[0] === 0xff && b[1] === 0xfe) return { form: 'utf-16le', length: 2 };
  return null;
}

/**
 * Returns the UTF-16/32 form shown by the NUL bytes among the first four, or null. This is XML
 * 1.0 appendix F (`00 00 00 3C`, `3C 00 3F 00`…) widened from `<?` to any first characters, so
 * it also reads a document without a declaration, with leading white space, or JSON. ASCII-
 * compatible text never has NULs there.
 */
function wideForm(b: Uint8Array): UnicodeForm | null {
  if (b.length < 4) return null;
  const zero = [b[0] === 0, b[1] === 0, b[2] === 0, b[3] === 0].map(Number).join('');
  switch (zero) {
    case '1110':
      return 'utf-32be';
    case '0111':
      return 'utf-32le';
    case '1010':
      return 'utf-16be';
    case '0101':
      return 'utf-16le';
    default:
      return null;
  }
}

/**
 * Returns a decoder for `label` when TextDecoder knows it and it reads ASCII as ASCII, else
 * null. UTF-16 labels on bytes without a UTF-16 pattern are wrong, and WHATWG's "replacement"
 * (ISO-2022-KR, HZ) would turn the whole feed into one U+FFFD.
 */
function asciiCompatibleDecoder(label: string): Decoder | null {
  for (const candidate of [label, label.replace(/_/g, '-')]) {
    try {
      const decoder = new TextDecoder(candidate);
      if (['utf-16le', 'utf-16be', 'replacement'].includes(decoder.encoding)) return null;
      return decoder;
    } catch {
      // Not a label TextDecoder knows (bogus, or UTF-32/UTF-7): try the next spelling.
    }
  }
  return null;
}

function reportedName(label: string, decoder: Decoder): string {
  if (decoder.encoding === 'utf-8') return 'utf-8';
  if (decoder.encoding === 'gbk' || decoder.encoding === 'gb18030') return 'gb18030';
  return label.toLowerCase();
}

function decodeUnicode(form: UnicodeForm, bytes: Uint8Array): DecodedText {
  const text =
    form === 'utf-32le' || form === 'utf-32be'
      ? decodeUtf32(bytes, form === 'utf-32le')
      : new TextDecoder(form, { ignoreBOM: true }).decode(bytes);
  return { text, encoding: form };
}
