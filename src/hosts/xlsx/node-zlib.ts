/**
 * Node's zlib where the command runs (the command, the tests, the fuzzer, the bench); the browser
 * keeps DecompressionStream and fflate.
 * - The package check's inflater: zlib in one call, bounded by maxOutputLength, so a part that
 *   inflates past the size its directory states stops there (RangeError) instead of filling memory.
 * - The undo record's deflater: the same raw DEFLATE as fflate's (read back by fflate alike), about
 *   three times as fast (10,000 rows: a 4 MB record in ~30 ms instead of ~90 ms).
 */
import { deflateRawSync, inflateRawSync } from 'zlib';
import { useRecordDeflater } from '../../workbook/bookkeeping/undo-record';
import { useInflater, type Inflater } from './package-check';

export const nodeInflate: Inflater = async function* (data, limit) {
  yield inflateRawSync(data, { maxOutputLength: Math.max(1, limit + 1) });
};

export const nodeDeflate = (bytes: Uint8Array): Uint8Array => deflateRawSync(bytes, { level: 6 });

/** Both, as the command uses them. */
export function useNodeZlib(): void {
  useInflater(nodeInflate);
  useRecordDeflater(nodeDeflate);
}
