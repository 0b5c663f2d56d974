/**
 * The CLI's files (SPEC 13.4, 14): loose files in `dir` (each streamed to `<name>.partial`, then renamed) or, with
 * `bundle` = zip, one zip in `dir`, written by the shared run writer (src/export/write-run.ts).
 */
import { mkdir, rm } from 'node:fs/promises';
import { join } from 'node:path';
import type { TablePlan } from '../generators/engine';
import type { Scenario } from '../generators/scenario/types';
import type { GroupProducer } from '../export/chunk-stream';
import { MANIFEST_FILE } from '../export/manifest';
import { partName, writeRun, type OutputTarget, type WriteHooks, type WrittenFile } from '../export/write-run';
import { zipFileName } from '../export/zip';
import { withIoContext } from './io-error';
import { directoryTarget, zipTarget } from './output-target';

export { CancelledError, segmentsUsed, type BundleStats, type WriteHooks, type WrittenFile } from '../export/write-run';

export async function writeTables(
  scenario: Scenario,
  plans: readonly TablePlan[],
  dir: string,
  produce: GroupProducer,
  workers: number,
  hooks: WriteHooks = {},
): Promise<WrittenFile[]> {
  await withIoContext(`create the output folder ${dir}`, () => mkdir(dir, { recursive: true }));
  const target = await withIoContext(`write to the output folder ${dir}`, () => openTarget(scenario, dir, hooks.part));
  return writeRun(scenario, plans, target, produce, workers, hooks);
}

/** A loose-files run first removes an earlier manifest.json: a manifest never describes files that are gone. */
async function openTarget(scenario: Scenario, dir: string, part: number | undefined): Promise<OutputTarget> {
  if (scenario.bundle === 'zip') return zipTarget(dir, zipFileName(scenario), scenario.as_of);
  await rm(join(dir, partName(MANIFEST_FILE, part)), { force: true });
  return directoryTarget(dir);
}
