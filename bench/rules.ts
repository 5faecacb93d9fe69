/** The rules engine (decide) alone on vote counts of growing size. */
import { performance } from 'perf_hooks';
import { runStep, type VoteRow } from '../src/rules';

const TITLES = ['Trưởng phòng', 'Phó Trưởng phòng', 'Chánh Văn phòng', 'Phó Chánh Văn phòng'];
const FAMILY = ['Nguyễn', 'Trần', 'Lê', 'Phạm', 'Hoàng', 'Huỳnh', 'Phan', 'Vũ', 'Võ', 'Đặng'];
const MIDDLE = ['Văn', 'Thị', 'Hữu', 'Minh', 'Thanh', 'Ngọc'];
const GIVEN = ['An', 'Bình', 'Cường', 'Dũng', 'Đức', 'Giang', 'Hà', 'Hạnh', 'Hòa', 'Khánh', 'Lan', 'Long', 'Mai', 'Nam', 'Oanh', 'Phúc', 'Quân', 'Sơn', 'Thảo', 'Yến'];

/** Deterministic pseudo-random numbers, so every run measures the same data. */
function lcg(seed: number): () => number {
  let s = seed >>> 0;
  return () => (s = (Math.imul(s, 1664525) + 1013904223) >>> 0) / 2 ** 32;
}

function votes(n: number, present: number): VoteRow[] {
  const rnd = lcg(n);
  return Array.from({ length: n }, (_, i) => ({
    id: `p${i}`,
    name: `${FAMILY[i % FAMILY.length]} ${MIDDLE[(i >> 3) % MIDDLE.length]} ${GIVEN[(i * 7) % GIVEN.length]}`,
    title: TITLES[i % TITLES.length],
    agree: Math.floor(rnd() * (present + 1)),
  }));
}

function time(fn: () => void, repeat: number): number {
  fn(); // warm up
  const start = performance.now();
  for (let i = 0; i < repeat; i++) fn();
  return (performance.now() - start) / repeat;
}

export function benchRules(): void {
  const conference = { convened: 120, present: 100 };
  console.log('rules engine (decide), ms per run');
  console.log('rows'.padStart(8), 'N30 step 2'.padStart(12), 'L50 step 3'.padStart(12), 'µs/row'.padStart(9));
  for (const n of [100, 1_000, 10_000, 50_000]) {
    const rows = votes(n, conference.present);
    const repeat = n >= 10_000 ? 3 : 20;
    const n30 = time(() => runStep('next-term', 2, { conference, votes: rows }), repeat);
    const l50 = time(() => runStep('next-term', 3, { conference, votes: rows }), repeat);
    console.log(String(n).padStart(8), n30.toFixed(1).padStart(12), l50.toFixed(1).padStart(12), ((l50 * 1000) / n).toFixed(2).padStart(9));
  }
}
