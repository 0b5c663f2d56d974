/**
 * Writes one table as Delta: each part file's bytes pass through a FileTail so its footer statistics can be read
 * once it is written, then the commit lists them all.
 */
import type { Scenario } from '../../generators/scenario/types';
import type { TableSchema } from '../../generators/schema/types';
import { deltaCommit, deltaLogFile, type DeltaDataFile } from './delta-log';
import { FileTail } from './file-tail';
import { footerStats } from './footer-stats';
import type { DeltaPartition } from './spark-schema';

export interface DeltaPart {
  /** The part file's bytes, watched on their way to the target. */
  watch(bytes: AsyncIterable<Uint8Array>): AsyncIterable<Uint8Array>;
  /** Once the target has the whole file: reads its statistics. */
  written(size: number): void;
}

export class DeltaTableWriter {
  private readonly files: DeltaDataFile[] = [];

  constructor(
    private readonly scenario: Scenario,
    private readonly schema: TableSchema,
    private readonly partition: DeltaPartition | null,
    private readonly version: number,
  ) {}

  /** A part file at `name` (`<stem>/…`), in the partition of `partitionValue` (`YYYY-MM-DD`) or none. */
  part(name: string, partitionValue: string | null): DeltaPart {
    const tail = new FileTail();
    return {
      watch: (bytes) => tail.watch(bytes),
      written: (size) => {
        const path = name.slice(this.schema.stem.length + 1);
        this.files.push({ path, partitionValue, size, stats: footerStats(tail.bytes(), this.schema) });
      },
    };
  }

  /** The commit's file name and text, once every part file is written. */
  commit(): { name: string; text: string } {
    const { scenario, schema, partition, version, files } = this;
    return { name: deltaLogFile(schema, version), text: deltaCommit({ scenario, schema, partition, version, files }) };
  }
}
