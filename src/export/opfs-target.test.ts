/**
 * The OPFS target over an in-memory fake of the origin-private file system: a real run (daily partitions, so
 * nested folders) writes the same bytes, sizes and SHA-256 as the memory target; its zip, streamed into OPFS,
 * equals the in-memory zip byte for byte; a full quota fails the run with "Browser storage is full" and leaves
 * no folder behind; a full quota while zipping keeps the files. The writable-stream writer (a folder the user
 * picked) writes the same bytes.
 */
import { describe, expect, it } from 'vitest';
import { createWorld, generateGroup, planTables } from '../generators/engine';
import { resolveScenario } from '../generators/scenario/validate';
import type { Scenario } from '../generators/scenario/types';
import { ENGINE_VERSION } from '../generators/version';
import { fakeOpfs } from '../testing/fake-opfs';
import { buildManifest, NO_FILINGS } from './manifest';
import { memoryTarget, zipBundle } from './memory-target';
import { listFolder } from './opfs-folders';
import { opfsTarget } from './opfs-target';
import { writeRun, type OutputTarget, type WrittenFile } from './write-run';
import { writeZipBundle } from './zip-bundle';

function scenarioOf(format: 'csv' | 'parquet'): Scenario {
  const result = resolveScenario({ counts: { slots: 3000, players: 300, security: 400 }, start: '2026-10-01', days: 3, seed: 7, format, today: 0 });
  if (!result.ok) throw new Error(result.errors.map((e) => e.message).join('\n'));
  return result.scenario;
}

function run(scenario: Scenario, target: OutputTarget): Promise<WrittenFile[]> {
  const world = createWorld(scenario);
  return writeRun(scenario, planTables(scenario), target, async (plan, first, count) => generateGroup(world, plan.key, first, count), 1, { partitioning: 'day' });
}

const bytesOf = async (blob: Blob) => Buffer.from(await blob.arrayBuffer());
const manifestFor = (scenario: Scenario, written: WrittenFile[]) => (zipScenario: Scenario) =>
  buildManifest({ scenario: zipScenario, engineVersion: ENGINE_VERSION, files: written.map((f) => ({ ...f, format: scenario.format, compression: scenario.compression })), filings: NO_FILINGS });

describe('OPFS output target', () => {
  for (const writer of ['sync', 'stream'] as const) {
    it(`streams every file into nested folders with the bytes, sizes and SHA-256 of the memory target (${writer === 'sync' ? 'sync access handles' : 'writable streams'})`, async () => {
      const scenario = scenarioOf('csv');
      const { root } = fakeOpfs();
      const opfs = await opfsTarget(root, 'run-1', writer);
      const memory = memoryTarget();
      await run(scenario, opfs);
      await run(scenario, memory);
      expect(opfs.files.map((f) => f.name)).toContain('bronze_slot_telemetry/event_date=2026-10-01/part-00000.csv');
      expect(opfs.files.map(({ name, bytes, sha256 }) => ({ name, bytes, sha256 }))).toEqual(memory.files.map(({ name, bytes, sha256 }) => ({ name, bytes, sha256 })));
      for (const [i, file] of opfs.files.entries()) expect((await bytesOf(file.data)).equals(await bytesOf(memory.files[i].data)), file.name).toBe(true);
      const day = await (await (await root.getDirectoryHandle('run-1')).getDirectoryHandle('bronze_slot_telemetry')).getDirectoryHandle('event_date=2026-10-02');
      expect((await listFolder(day)).map((e) => e.name)).toEqual(['part-00000.csv']);

      await opfs.discard();
      expect(await listFolder(root)).toEqual([]);
    });
  }

  it('streams the zip bundle into OPFS, byte-identical to the zip built in memory', async () => {
    const scenario = scenarioOf('parquet');
    const { root } = fakeOpfs();
    const opfs = await opfsTarget(root, 'run-2');
    const written = await run(scenario, opfs);
    const zip = await opfs.saveStream('bundle.zip', 'the zip', (sink) => writeZipBundle(scenario, opfs.files, manifestFor(scenario, written), sink));
    const inMemory = await zipBundle(scenario, opfs.files, manifestFor(scenario, written));
    // Parquet entries are stored: the archive is larger than the table files together.
    expect(zip.size).toBeGreaterThan(opfs.files.filter((f) => f.name.endsWith('.parquet')).reduce((n, f) => n + f.bytes, 0));
    expect((await bytesOf(zip)).equals(await bytesOf(inMemory.data))).toBe(true);
  });

  it('a full disk under a picked folder (writable streams) fails the run with its own message and removes the run folder', async () => {
    const { root, storage } = fakeOpfs(200_000);
    await expect(run(scenarioOf('csv'), await opfsTarget(root, 'run-5', 'stream'))).rejects.toThrow(/^The chosen folder's disk is full: bronze_slot_telemetry\/event_date=2026-10-0\d\/part-00000\.csv stopped at/);
    expect(await listFolder(root)).toEqual([]);
    expect(storage.used).toBe(0);
  });

  for (const onFull of ['throw', 'short'] as const) {
    it(`a full quota (${onFull === 'throw' ? 'QuotaExceededError' : 'a short write'}) fails the run with "Browser storage is full" and removes the run's folder`, async () => {
      const { root, storage } = fakeOpfs(200_000, onFull);
      const target = await opfsTarget(root, 'run-3');
      await expect(run(scenarioOf('csv'), target)).rejects.toThrow(/^Browser storage is full: bronze_slot_telemetry\/event_date=2026-10-0\d\/part-00000\.csv stopped at 0\.\d MB\. The run's files were removed/);
      expect(await listFolder(root)).toEqual([]);
      expect(storage.used).toBe(0);
    });
  }

  it('a full quota while zipping removes the partial zip and keeps the files', async () => {
    const scenario = scenarioOf('parquet');
    const { root, storage } = fakeOpfs();
    const opfs = await opfsTarget(root, 'run-4');
    const written = await run(scenario, opfs);
    const stored = storage.used;
    storage.quota = stored + 100_000;
    await expect(opfs.saveStream('bundle.zip', 'the zip', (sink) => writeZipBundle(scenario, opfs.files, manifestFor(scenario, written), sink)))
      .rejects.toThrow(/^Browser storage is full: the zip stopped at 0\.1 MB\. The files themselves are kept/);
    expect(storage.used).toBe(stored);
    expect((await listFolder(await root.getDirectoryHandle('run-4'))).map((e) => e.name)).not.toContain('bundle.zip');
  });
});
