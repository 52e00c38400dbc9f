/** UTF-32 by hand: TextDecoder (WHATWG Encoding) has no UTF-32, and a few feeds still use it. */

const REPLACEMENT = 0xfffd;
const BATCH = 8192;

/**
 * Returns the text of UTF-32 `bytes` (no BOM expected; one is kept as U+FEFF). Code units that
 * are not Unicode scalar values (surrogates, above U+10FFFF) and a trailing partial unit become
 * U+FFFD, as TextDecoder does for its encodings.
 */
export function decodeUtf32(bytes: Uint8Array, littleEndian: boolean): string {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const whole = bytes.byteLength - (bytes.byteLength % 4);
  const parts: string[] = [];
  let batch: number[] = [];
  for (let at = 0; at < whole; at += 4) {
    const unit = view.getUint32(at, littleEndian);
    const valid = unit <= 0x10ffff && (unit < 0xd800 || unit > 0xdfff);
    batch.push(valid ? unit : REPLACEMENT);
    if (batch.length === BATCH) {
      parts.push(String.fromCodePoint(...batch));
      batch = [];
    }
  }
  if (whole < bytes.byteLength) batch.push(REPLACEMENT);
  parts.push(String.fromCodePoint(...batch));
  return parts.join('');
}
