import type { Ratio } from './types';

/**
 * Whole-number threshold arithmetic. Every rule compares count/base with a ratio
 * num/den by cross-multiplying (`den × count > num × base`), never through a
 * rounded percentage. Inputs are checked to be safe integers before they get here
 * (see invariants.ts), so the products stay exact.
 */

/** count/base > num/den, e.g. N30: 10 × agree > 3 × present. */
export function exceeds(count: number, base: number, ratio: Ratio): boolean {
  return ratio.den * count > ratio.num * base;
}

/** count/base ≥ num/den, e.g. QUORUM: 3 × present ≥ 2 × convened. */
export function reaches(count: number, base: number, ratio: Ratio): boolean {
  return ratio.den * count >= ratio.num * base;
}

/** Compare with the ratio strictly or not. */
export function meets(count: number, base: number, ratio: Ratio, strict: boolean): boolean {
  return strict ? exceeds(count, base, ratio) : reaches(count, base, ratio);
}

/** The least whole count that meets the ratio of base (e.g. the quorum: ⌈2 × convened / 3⌉). */
export function leastMeeting(base: number, ratio: Ratio, strict: boolean): number {
  const product = ratio.num * base;
  const floor = Math.floor(product / ratio.den);
  if (strict) return floor + 1;
  return floor * ratio.den === product ? floor : floor + 1;
}

/** A percentage for display only (never for a decision): count/base × 100, or null when base is 0. */
export function percentOf(count: number, base: number): number | null {
  return base === 0 ? null : (count * 100) / base;
}

/** Competition ranks for values sorted or not: equal values share a rank, the next rank skips (1, 2, 2, 4). */
export function competitionRanks(values: readonly number[]): number[] {
  const order = values.map((_, i) => i).sort((a, b) => values[b] - values[a]);
  const ranks = new Array<number>(values.length);
  order.forEach((index, position) => {
    const previous = order[position - 1];
    ranks[index] = position > 0 && values[previous] === values[index] ? ranks[previous] : position + 1;
  });
  return ranks;
}
