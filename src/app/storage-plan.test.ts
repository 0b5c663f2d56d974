/** Where a run's files go (issue 5): memory for small runs, OPFS above 256 MB or when chosen, and the quota check. */
import { describe, expect, it } from 'vitest';
import { MEMORY_LIMIT_BYTES, planStorage, type StorageInput } from './storage-plan';

const GB = 1_000_000_000;
const roomy = { quota: 10 * GB, usage: 0, reclaimable: 0 };
const plan = (input: Partial<StorageInput>) => planStorage({ estimate: 18_000_000, choice: 'auto', opfs: true, space: roomy, ...input });

describe('storage plan', () => {
  it('automatic: a run up to 256 MB stays in memory, a larger one goes to OPFS, and the page says which and why', () => {
    expect(plan({ estimate: MEMORY_LIMIT_BYTES })).toEqual({ sink: 'memory', summary: "Small run (~256 MB): files are kept in this tab's memory.", blocked: null });
    expect(plan({ estimate: 1.2 * GB })).toEqual({ sink: 'opfs', summary: 'Large run (~1.2 GB): files are written to browser storage (OPFS).', blocked: null });
  });

  it('the user can choose either sink whatever the size; memory for a large run comes with a warning', () => {
    expect(plan({ choice: 'opfs' })).toMatchObject({ sink: 'opfs', summary: 'Run of ~18 MB: files are written to browser storage (OPFS), as chosen.' });
    expect(plan({ choice: 'memory', estimate: 2 * GB })).toMatchObject({ sink: 'memory', blocked: null });
    expect(plan({ choice: 'memory', estimate: 2 * GB }).summary).toMatch(/^~2\.0 GB: files are kept in this tab's memory, as chosen\. A run this large may exhaust/);
  });

  it('a picked folder takes every run, with no quota check (the user\'s disk); without one, the choice falls back to automatic', () => {
    const space = { quota: 1_000_000, usage: 0, reclaimable: 0 };
    expect(plan({ choice: 'folder', folder: 'exports', estimate: GB, space })).toEqual({
      sink: 'folder', summary: 'Run of ~1.0 GB: files are written to a new folder inside "exports", the folder you chose.', blocked: null,
    });
    expect(plan({ choice: 'folder', folder: null, estimate: GB })).toMatchObject({ sink: 'opfs', summary: 'Large run (~1.0 GB): files are written to browser storage (OPFS).' });
  });

  it('without OPFS every run is kept in memory, and the page says why', () => {
    expect(plan({ opfs: false, estimate: GB, choice: 'opfs' })).toMatchObject({ sink: 'memory', summary: "Large run (~1.0 GB): this browser offers no browser storage (OPFS), so files are kept in this tab's memory." });
  });

  it('an OPFS run larger than the free quota is refused with both figures; the previous run\'s files count as free', () => {
    const space = { quota: 500_000_000, usage: 200_000_000, reclaimable: 0 };
    expect(plan({ estimate: 1.2 * GB, space }).blocked).toBe(
      'Not enough browser storage for this run: it needs about 1.2 GB, but only 300 MB is free for this site (quota 500 MB, 200 MB in use). ' +
      'Lower the volumes, choose Parquet, or free browser storage, then try again.',
    );
    expect(plan({ estimate: 450_000_000, space: { ...space, reclaimable: 150_000_000 } }).blocked).toBeNull();
    expect(plan({ estimate: 1.2 * GB, space: null }).blocked).toBeNull();
    expect(plan({ estimate: 1.2 * GB, space, choice: 'memory' }).blocked).toBeNull();
  });
});
