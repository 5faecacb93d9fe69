/**
 * The package check's inflater in Node (the command, the tests, the fuzzer): zlib in one call,
 * bounded by maxOutputLength, so a part that inflates past the size its directory states stops
 * there (RangeError) instead of filling memory. The browser keeps DecompressionStream.
 */
import { inflateRawSync } from 'zlib';
import type { Inflater } from './package-check';

export const nodeInflate: Inflater = async function* (data, limit) {
  yield inflateRawSync(data, { maxOutputLength: Math.max(1, limit + 1) });
};
