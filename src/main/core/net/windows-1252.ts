/**
 * windows-1252 done right. It is the decoder behind the most common legacy labels (iso-8859-1,
 * latin1, us-ascii, ascii), and Node since 20.18.3 / 22.13.0 decodes it as plain Latin-1, turning
 * 0x80–0x9F (curly quotes, dashes, €, …) into C1 control characters (nodejs/node#60888).
 */

/** WHATWG index-windows-1252 for bytes 0x80–0x9F; the five it leaves undefined map to themselves. */
const HIGH = [
  0x20ac, 0x81, 0x201a, 0x192, 0x201e, 0x2026, 0x2020, 0x2021, 0x2c6, 0x2030, 0x160, 0x2039, 0x152,
  0x8d, 0x17d, 0x8f, 0x90, 0x2018, 0x2019, 0x201c, 0x201d, 0x2022, 0x2013, 0x2014, 0x2dc, 0x2122,
  0x161, 0x203a, 0x153, 0x9d, 0x17e, 0x178,
];

/** Returns `bytes` decoded as WHATWG windows-1252, whether or not this Node has the bug. */
export function decodeWindows1252(bytes: Uint8Array): string {
  return new TextDecoder('windows-1252')
    .decode(bytes)
    .replace(/[\x80-\x9f]/g, (c) => String.fromCharCode(HIGH[c.charCodeAt(0) - 0x80]!));
}
