import type { ProcedureId } from '../rules';

/**
 * The sample workbooks shipped with the page (samples/*.xlsx, copied to dist/samples/ by the build;
 * made by samples/make-samples.ts): one per procedure, every step of it in one file.
 */
export interface Sample {
  file: string;
  procedure: ProcedureId;
}

export const SAMPLES: readonly Sample[] = [
  { file: 'quy-hoach-nhiem-ky-toi.xlsx', procedure: 'next-term' },
  { file: 'ra-soat-bo-sung-tai-cho.xlsx', procedure: 'annual-local' },
  { file: 'bo-sung-nguon-noi-khac.xlsx', procedure: 'annual-external' },
];

/** The sample `npm start` opens. */
export const DEFAULT_SAMPLE = SAMPLES[0].file;

/** A sample's file name from `?sample=`, only if it is one of ours (never a path or another origin). */
export function sampleNamed(name: string | null | undefined): Sample | undefined {
  return SAMPLES.find((s) => s.file === name);
}
