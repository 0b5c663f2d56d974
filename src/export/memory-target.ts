/**
 * An output target in memory, for the browser: each file becomes a Blob (with its size and SHA-256, computed
 * as it streams by), and the zip bundle is built on demand from those files, byte-identical to the CLI's
 * `--zip` (SPEC 13.4). Environment-agnostic: Blob exists in browsers and in Node.
 */
import type { Scenario } from '../generators/scenario/types';
import { Measured, wasmSha256 } from './measured';
import type { FileStats, OutputTarget } from './write-run';
import { zipFileName, type ZipMethod } from './zip';
import { writeZipBundle, type StoredFile } from './zip-bundle';

export interface MemoryFile extends FileStats {
  readonly name: string;
  readonly method: ZipMethod;
  readonly data: Blob;
}

export interface MemoryTarget extends OutputTarget {
  /** The files written so far, in write order (tables, then manifest.json). */
  readonly files: readonly MemoryFile[];
}

export function memoryTarget(): MemoryTarget {
  const files: MemoryFile[] = [];
  return {
    files,
    async write(name, method, data) {
      const measured = new Measured(await wasmSha256());
      const parts: Uint8Array<ArrayBuffer>[] = [];
      for await (const chunk of measured.pass(data)) parts.push(chunk as Uint8Array<ArrayBuffer>);
      const stats = measured.stats();
      files.push({ name, method, ...stats, data: new Blob(parts) });
      return stats;
    },
    commit: async () => null,
    async discard() {
      files.length = 0;
    },
  };
}

/**
 * The zip bundle of a run written to memory, built in memory (see writeZipBundle).
 * `manifestFor` builds the manifest text for a scenario.
 */
export async function zipBundle(
  scenario: Scenario,
  files: readonly StoredFile[],
  manifestFor: (zipScenario: Scenario) => string,
): Promise<{ name: string; data: Blob }> {
  const parts: Uint8Array<ArrayBuffer>[] = [];
  await writeZipBundle(scenario, files, manifestFor, { write: (chunk) => void parts.push(chunk.slice()) });
  return { name: zipFileName(scenario), data: new Blob(parts) };
}
