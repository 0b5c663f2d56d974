/**
 * The zip bundle of a finished run (SPEC 13.4), streamed from its stored files to any sink: the table files as
 * they are, then manifest.json rewritten with `bundle` = zip, as the CLI writes it with `--zip`. The browser's
 * memory and OPFS targets both build their zip with it, so the bytes are the same wherever the files sit.
 */
import type { Scenario } from '../generators/scenario/types';
import { MANIFEST_FILE } from './manifest';
import { createZipWriter, zipMethodFor, type ZipSink } from './zip';

/** A stored file of a run: its name in the run and its bytes (a Blob in memory, a disk-backed File in OPFS). */
export interface StoredFile {
  readonly name: string;
  readonly data: Blob;
}

/** The bytes of a Blob in pieces of at most 1 MiB, so a zip entry streams through them. */
export async function* blobPieces(blob: Blob): AsyncGenerator<Uint8Array> {
  const step = 1 << 20;
  for (let at = 0; at < blob.size; at += step) yield new Uint8Array(await blob.slice(at, at + step).arrayBuffer());
}

/**
 * Writes the zip bundle of `files` (in their order; manifest.json is rebuilt by `manifestFor` for the zip
 * scenario) to `sink`; resolves with the archive's size.
 * Example: `await writeZipBundle(scenario, target.files, manifestFor, { write: (c) => void parts.push(c.slice()) })`.
 */
export async function writeZipBundle(
  scenario: Scenario,
  files: readonly StoredFile[],
  manifestFor: (zipScenario: Scenario) => string,
  sink: ZipSink,
): Promise<number> {
  const zip = createZipWriter(scenario.as_of, sink);
  for (const file of files) {
    if (file.name === MANIFEST_FILE) continue;
    await zip.addEntry(file.name, zipMethodFor(file.name), blobPieces(file.data));
  }
  await zip.addEntry(MANIFEST_FILE, 'deflate', [new TextEncoder().encode(manifestFor({ ...scenario, bundle: 'zip' }))]);
  return zip.finish();
}
