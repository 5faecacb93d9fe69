/**
 * The directory of a zip file (APPNOTE.TXT §4.3), read from its bytes without inflating anything:
 * what src/hosts/xlsx/package-check.ts decides from before any part is decompressed (sizes, counts,
 * ratios, encryption). Nothing here trusts the file: every offset is checked against its length.
 */

export interface ZipEntry {
  name: string;
  /** 0 stored, 8 deflated; anything else is refused by the package check. */
  method: number;
  /** General purpose flags: bit 0 (and 6) encrypted. */
  flags: number;
  crc32: number;
  compressedSize: number;
  /** As the directory states it: the package check inflates no further than this. */
  uncompressedSize: number;
  /** Where the entry's compressed data starts in the file. */
  dataOffset: number;
}

/** Why a file has no readable zip directory. */
export type ZipFault =
  | { fault: 'not-zip' }
  | { fault: 'truncated' }
  | { fault: 'damaged'; part?: string }
  | { fault: 'multi-disk' };

const EOCD = 0x06054b50;
const EOCD64_LOCATOR = 0x07064b50;
const EOCD64 = 0x06064b50;
const CENTRAL = 0x02014b50;
const LOCAL = 0x04034b50;

/** The zip directory's entries, or why there are none. */
export function readZipDirectory(bytes: Uint8Array): { entries: ZipEntry[] } | ZipFault {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const u16 = (at: number) => view.getUint16(at, true);
  const u32 = (at: number) => view.getUint32(at, true);
  const u64 = (at: number) => u32(at) + u32(at + 4) * 2 ** 32;
  const startsAsZip = bytes.length >= 4 && u32(0) === LOCAL;

  // The end-of-central-directory record: 22 bytes, followed by a comment of up to 65,535.
  let eocd = -1;
  for (let at = bytes.length - 22; at >= Math.max(0, bytes.length - 22 - 0xffff); at--) {
    if (u32(at) === EOCD && at + 22 + u16(at + 20) <= bytes.length) {
      eocd = at;
      break;
    }
  }
  if (eocd < 0) return startsAsZip ? { fault: 'truncated' } : { fault: 'not-zip' };
  if (u16(eocd + 4) !== 0 || u16(eocd + 6) !== 0) return { fault: 'multi-disk' };
  let count = u16(eocd + 10);
  let size = u32(eocd + 12);
  let offset = u32(eocd + 16);
  // ZIP64: the record's fields are saturated and the real ones sit in the zip64 record before it.
  if (count === 0xffff || size === 0xffffffff || offset === 0xffffffff) {
    const locator = eocd - 20;
    if (locator < 0 || u32(locator) !== EOCD64_LOCATOR) return { fault: 'damaged' };
    const record = u64(locator + 8);
    if (record + 56 > bytes.length || u32(record) !== EOCD64) return { fault: 'damaged' };
    count = u64(record + 32);
    size = u64(record + 40);
    offset = u64(record + 48);
  }
  if (offset + size > bytes.length) return startsAsZip ? { fault: 'truncated' } : { fault: 'damaged' };

  const entries: ZipEntry[] = [];
  let at = offset;
  for (let i = 0; i < count; i++) {
    if (at + 46 > offset + size || u32(at) !== CENTRAL) return { fault: 'damaged' };
    const flags = u16(at + 8);
    const method = u16(at + 10);
    const crc32 = u32(at + 16);
    let compressedSize = u32(at + 20);
    let uncompressedSize = u32(at + 24);
    const nameLength = u16(at + 28);
    const extraLength = u16(at + 30);
    const commentLength = u16(at + 32);
    let localOffset = u32(at + 42);
    const end = at + 46 + nameLength + extraLength + commentLength;
    if (end > offset + size) return { fault: 'damaged' };
    const rawName = bytes.subarray(at + 46, at + 46 + nameLength);
    // Bit 11: UTF-8 names; otherwise IBM 437, which for the ASCII names of a package reads the same.
    const name = flags & 0x800 ? new TextDecoder().decode(rawName) : String.fromCharCode(...rawName);
    // The zip64 extra field holds, in order, the fields saturated in the directory.
    for (let x = at + 46 + nameLength; x + 4 <= at + 46 + nameLength + extraLength; ) {
      const id = u16(x);
      const length = u16(x + 2);
      if (id === 0x0001) {
        let f = x + 4;
        if (uncompressedSize === 0xffffffff && f + 8 <= x + 4 + length) {
          uncompressedSize = u64(f);
          f += 8;
        }
        if (compressedSize === 0xffffffff && f + 8 <= x + 4 + length) {
          compressedSize = u64(f);
          f += 8;
        }
        if (localOffset === 0xffffffff && f + 8 <= x + 4 + length) localOffset = u64(f);
      }
      x += 4 + length;
    }
    // The local header before the data: its own name and extra lengths say where the data starts.
    if (localOffset + 30 > bytes.length || u32(localOffset) !== LOCAL) return { fault: startsAsZip && localOffset >= offset ? 'truncated' : 'damaged', part: name };
    const dataOffset = localOffset + 30 + u16(localOffset + 26) + u16(localOffset + 28);
    if (dataOffset + compressedSize > bytes.length) return { fault: 'truncated' };
    entries.push({ name, method, flags, crc32, compressedSize, uncompressedSize, dataOffset });
    at = end;
  }
  return { entries };
}
