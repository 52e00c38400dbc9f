/**
 * The type of an image, sniffed from its first bytes: the server's Content-Type is not trusted
 * (CDNs answer image/jpeg for WebP, misconfigured servers text/plain for PNG, and a hostile one
 * image/png for HTML). Only raster formats a browser shows inertly are kept; SVG is refused
 * (docs/technotes/offline-reading.md).
 */

/** The MIME types kept as offline images. */
export type KeptImageType = 'image/png' | 'image/jpeg' | 'image/gif' | 'image/webp' | 'image/avif';

/** Returns the image type of `bytes` from its magic number, or null when it is not one we keep. */
export function sniffImageType(bytes: Uint8Array): KeptImageType | null {
  if (startsWith(bytes, 0, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return 'image/png';
  if (startsWith(bytes, 0, [0xff, 0xd8, 0xff])) return 'image/jpeg';
  if (ascii(bytes, 0, 'GIF87a') || ascii(bytes, 0, 'GIF89a')) return 'image/gif';
  if (ascii(bytes, 0, 'RIFF') && ascii(bytes, 8, 'WEBP')) return 'image/webp';
  // ISO-BMFF: a box size, "ftyp", then the major brand; AVIF is "avif" (still) or "avis".
  if (ascii(bytes, 4, 'ftyp') && (ascii(bytes, 8, 'avif') || ascii(bytes, 8, 'avis'))) {
    return 'image/avif';
  }
  return null;
}

function startsWith(bytes: Uint8Array, at: number, magic: readonly number[]): boolean {
  if (bytes.length < at + magic.length) return false;
  return magic.every((byte, i) => bytes[at + i] === byte);
}

function ascii(bytes: Uint8Array, at: number, text: string): boolean {
  return startsWith(
    bytes,
    at,
    [...text].map((c) => c.charCodeAt(0)),
  );
}
