/**
 * Runs fast-check generated cases one by one and counts them, for the robustness report (issue 7). Cases come from
 * `fc.sample` with one seed per run (env CDS_FC_SEED, else a fixed default, printed), so a failure reproduces:
 * every case is judged (no early stop, no shrinking) and the report says how many passed, failed or crashed.
 */
import fc from 'fast-check';

export const FC_SEED = readSeed(process.env.CDS_FC_SEED);

function readSeed(raw: string | undefined): number {
  const n = raw === undefined ? NaN : Number(raw);
  return Number.isSafeInteger(n) ? n : 20_261_125;
}

/** `numRuns` cases of `arb` from the run's seed (offset by `stream`, so two suites of one file differ). */
export function sampleCases<T>(arb: fc.Arbitrary<T>, numRuns: number, stream = 0): T[] {
  console.log(`fast-check seed ${FC_SEED + stream} (set CDS_FC_SEED to change it), ${numRuns} cases`);
  return fc.sample(arb, { numRuns, seed: FC_SEED + stream });
}

export interface CaseFailure<T> {
  readonly index: number;
  readonly input: T;
  /** What was wrong, or the thrown error's text (a crash). */
  readonly problem: string;
  readonly crashed: boolean;
}

export interface CaseResults<T> {
  readonly tried: number;
  readonly ok: number;
  readonly failures: CaseFailure<T>[];
  readonly crashes: number;
}

/** Judges each case: `check` returns null when the case behaved, else what was wrong; a throw counts as a crash. */
export async function judgeCases<T>(cases: readonly T[], check: (input: T, index: number) => string | null | Promise<string | null>): Promise<CaseResults<T>> {
  const failures: CaseFailure<T>[] = [];
  for (const [index, input] of cases.entries()) {
    try {
      const problem = await check(input, index);
      if (problem !== null) failures.push({ index, input, problem, crashed: false });
    } catch (error) {
      const problem = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
      failures.push({ index, input, problem, crashed: true });
    }
  }
  const crashes = failures.filter((f) => f.crashed).length;
  return { tried: cases.length, ok: cases.length - failures.length, failures, crashes };
}

/** The first few failures as readable text for an assertion message (inputs cut to 300 characters). */
export function describeFailures<T>(results: CaseResults<T>, max = 5): string[] {
  return results.failures.slice(0, max).map((f) => {
    const input = JSON.stringify(f.input, (_k, v: unknown) => (typeof v === 'number' && !Number.isFinite(v) ? String(v) : v)) ?? String(f.input);
    return `#${f.index} seed ${FC_SEED}: ${f.crashed ? 'CRASH ' : ''}${f.problem.slice(0, 300)} <- ${input.slice(0, 300)}`;
  });
}
