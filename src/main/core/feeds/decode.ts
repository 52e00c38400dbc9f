/**
 * The decode step of ingestion: a feed's bytes to text. The HTTP charset comes before the XML
 * declaration's, as feed readers and browsers do (docs/technotes/fetch-and-decode.md). Pure.
 */
import { decodeText, headerCharset, prologEncoding, type DecodedText } from '../net/decode-text';

/**
 * Returns the text of a feed document and the encoding used. The order: a byte order mark; the
 * byte pattern of UTF-16/32 text without one; the charset of the HTTP Content-Type; the XML
 * declaration's encoding; else UTF-8. A label that no decoder knows (or one that cannot describe
 * these bytes) falls through to the next source; this never throws.
 */
export function decodeFeed(bytes: Uint8Array, contentType: string | null): DecodedText {
  return decodeText(bytes, [headerCharset(contentType), prologEncoding(bytes)]);
}
