import { describe, expect, it } from 'vitest';
import { resolveScenario } from '../generators/scenario/validate';
import { ENGINE_VERSION } from '../generators/version';
import { buildManifest, NO_FILINGS, type ManifestFile } from './manifest';
import { readManifest } from './manifest-read';

const result = resolveScenario({ counts: { players: 3 }, start: '2026-10-01', end: '2026-10-02', format: 'csv', today: 0 });
if (!result.ok) throw new Error('scenario');
const scenario = result.scenario;
const file = (name: string, rows: number): ManifestFile => ({ key: 'players', file: name, format: 'csv', compression: 'none', rows, bytes: 10, sha256: 'a'.repeat(64) });
const manifest = buildManifest({ scenario, engineVersion: ENGINE_VERSION, files: [file('bronze_player_profile.csv', 3)], filings: NO_FILINGS });

describe('readManifest (issue 7: a run from its manifest)', () => {
  it('gives back the scenario, the partitioning and the files of a manifest this engine wrote', () => {
    expect(readManifest(manifest)).toEqual({ ok: true, run: { scenario, partitioning: 'none', files: [file('bronze_player_profile.csv', 3)] } });
  });

  it('explains a manifest of another engine version alone, with what to do', () => {
    const old = manifest.replace(`"engine_version": ${ENGINE_VERSION}`, '"engine_version": 1');
    expect(readManifest(old, { name: 'run/manifest.json', anew: 'drop --from-manifest to generate anew' })).toEqual({
      ok: false,
      errors: [
        `run/manifest.json was written by engine version 1; this is engine version ${ENGINE_VERSION}, which writes different bytes for the same scenario: ` +
          'use casino-data-studio with engine version 1 to reproduce it, or drop --from-manifest to generate anew',
      ],
    });
  });

  it('refuses edited values with the SPEC 15 message or the line that differs', () => {
    expect(readManifest(manifest.replace('"players": 3', '"players": -3'))).toEqual({
      ok: false,
      errors: ['manifest.json: players must be a whole number from 0 to 10,000,000 (got -3)'],
    });
    expect(readManifest(manifest.replace('"description": "', '"description": "X'))).toMatchObject({
      ok: false,
      errors: [
        'manifest.json is not as casino-data-studio writes it for its own scenario: line 105 reads "description": "XUnique id of the loyalt… ' +
          'instead of "description": "Unique id of the loyalty… (it was edited)',
      ],
    });
    expect(readManifest(manifest.replace('"rows": 3', '"rows": 2'))).toEqual({
      ok: false,
      errors: ['manifest.json lists 2 rows of bronze_player_profile but its scenario asks for 3: the manifest of one shard, or edited'],
    });
  });
});
