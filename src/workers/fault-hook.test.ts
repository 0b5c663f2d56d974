import { describe, expect, it } from 'vitest';
import type { GeneratorApi } from './generator-api';
import { parseFault, withFault } from './fault-hook';

const api = { init: () => null, generate: () => ({ batches: [], worker: 1 }), segment: async () => ({ worker: 1 }) } as unknown as GeneratorApi;

describe('issue 7 CDS_FAULT test hook', () => {
  it('is inert without a spec: the API itself is used', () => {
    expect(parseFault(undefined)).toBeNull();
    expect(parseFault('')).toBeNull();
    expect(withFault(api, null, () => undefined)).toBe(api);
  });

  it('refuses a malformed spec (a typo must not pass as "no fault")', () => {
    for (const spec of ['throw', 'throw:slots', 'boom:slots:1', 'throw:cards:1', 'throw:slots:0', 'throw:slots:x']) {
      expect(() => parseFault(spec), spec).toThrow(/is not <throw\|crash\|exit>:<table>:<n>/);
    }
  });

  it('throw: only the n-th request for that table fails', () => {
    const armed = withFault(api, parseFault('throw:slots:2'), () => undefined);
    expect(() => armed.generate('tables', 0, 1)).not.toThrow();
    expect(() => armed.generate('slots', 0, 1)).not.toThrow();
    expect(() => armed.generate('slots', 1, 1)).toThrow('injected fault (CDS_FAULT throw:slots:2)');
    expect(() => armed.generate('slots', 2, 1)).not.toThrow();
  });

  it('exit: the environment\'s own way of stopping the worker is called, and the request never answers', async () => {
    let exited = 0;
    const armed = withFault(api, parseFault('exit:security:1'), () => void exited++);
    const pending = armed.segment('security', [[0, 1]], 'parquet' as never, { checks: false, examples: false, previewRows: 0 }, { firstRow: 0, tableRows: 1, startsFile: true });
    expect(exited).toBe(1);
    expect(await Promise.race([pending.then(() => 'answered'), new Promise((r) => setTimeout(() => r('pending'), 50))])).toBe('pending');
  });
});
