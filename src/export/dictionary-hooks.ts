/**
 * The data dictionary of a run: each table's examples are taken from its first chunk as it passes the writer
 * (not from a second generation; only the examples are kept, not the rows). The CLI's `--dictionary` writes both
 * files beside the tables, before manifest.json; the browser builds them on request from the same examples.
 */
import type { TablePlan } from '../generators/engine';
import type { Scenario } from '../generators/scenario/types';
import type { TableKey } from '../generators/tables';
import { buildDictionary, type DictionaryFile } from './dictionary';
import { cliTallies } from './unit-tally';
import type { WriteHooks } from './write-run';

export class DictionaryCollector {
  private readonly examples = new Map<TableKey, string[][]>();
  /** The files once written (empty before). */
  files: DictionaryFile[] = [];

  constructor(private readonly scenario: Scenario, private readonly plans: readonly TablePlan[]) {}

  /** The writer's hook: the unit that starts a table's file brings its first chunk's examples. */
  readonly onTally: NonNullable<WriteHooks['onTally']> = (plan, tally) => {
    if (tally.examples) this.examples.set(plan.key, tally.examples);
  };

  /** Both dictionary files, from the examples seen so far. */
  build(): DictionaryFile[] {
    const tables = this.plans.map((p) => ({ key: p.key, rows: p.rows, examples: this.examples.get(p.key) ?? null }));
    return buildDictionary(this.scenario, tables);
  }

  /** The CLI's hooks: examples as the tables pass, both files written before manifest.json. */
  readonly hooks: Required<Pick<WriteHooks, 'tallies' | 'onTally' | 'extraFiles'>> = {
    tallies: cliTallies(true),
    onTally: this.onTally,
    extraFiles: () => (this.files = this.build()),
  };
}
