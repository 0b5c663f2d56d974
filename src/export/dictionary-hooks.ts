/**
 * The run writer's hooks for `--dictionary`: each table's examples are taken from its first chunk as it passes
 * (not from a second generation; only the examples are kept, not the rows), and both dictionary files are
 * written beside the tables, before manifest.json.
 */
import type { TablePlan } from '../generators/engine';
import type { Scenario } from '../generators/scenario/types';
import { SCHEMAS } from '../generators/schema';
import type { TableKey } from '../generators/tables';
import { buildDictionary, exampleValues, type DictionaryFile } from './dictionary';
import type { WriteHooks } from './write-run';

export class DictionaryCollector {
  private readonly examples = new Map<TableKey, string[][]>();
  /** The files once written (empty before). */
  files: DictionaryFile[] = [];

  constructor(private readonly scenario: Scenario, private readonly plans: readonly TablePlan[]) {}

  readonly hooks: Required<Pick<WriteHooks, 'onFirstChunk' | 'extraFiles'>> = {
    onFirstChunk: (plan, chunk) => this.examples.set(plan.key, exampleValues(SCHEMAS[plan.key], chunk)),
    extraFiles: () => {
      const tables = this.plans.map((p) => ({ key: p.key, rows: p.rows, examples: this.examples.get(p.key) ?? null }));
      this.files = buildDictionary(this.scenario, tables);
      return this.files;
    },
  };
}
