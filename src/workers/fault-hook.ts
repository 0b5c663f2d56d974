/**
 * A test-only fault for the generator worker shells (issue 7): the fault tests need a real worker that fails
 * mid-run. Set only by tests — `CDS_FAULT` in the CLI's environment, `?cds_fault=` on the URL a test starts the
 * browser's generator worker with (the app never adds it) — and ignored when absent, so it never acts otherwise.
 *
 * `<kind>:<table>:<n>` acts on the n-th request for `<table>` that a worker receives, e.g. `throw:slots:2`:
 * - `throw`: the request fails with an error (the worker lives on);
 * - `crash`: an uncaught error escapes the worker outside any request, which is never answered;
 * - `exit`: the worker stops at once (CLI: `process.exit(1)` in the thread; browser: `self.close()`).
 */
import type { TableKey } from '../generators/tables';
import { TABLE_KEYS } from '../generators/tables';
import type { GeneratorApi } from './generator-api';

export type FaultKind = 'throw' | 'crash' | 'exit';

export interface Fault {
  readonly kind: FaultKind;
  readonly table: TableKey;
  readonly nth: number;
}

/** The fault a spec names; null when there is none; a malformed spec throws (a test typo must not pass silently). */
export function parseFault(spec: string | undefined): Fault | null {
  if (!spec) return null;
  const [kind, table, nth] = spec.split(':');
  if ((kind === 'throw' || kind === 'crash' || kind === 'exit') && (TABLE_KEYS as readonly string[]).includes(table) && /^[1-9]\d*$/.test(nth)) {
    return { kind, table: table as TableKey, nth: Number(nth) };
  }
  throw new Error(`CDS_FAULT "${spec}" is not <throw|crash|exit>:<table>:<n>`);
}

/** `api` with `fault` armed: `exit` is how this environment stops its own worker. */
export function withFault(api: GeneratorApi, fault: Fault | null, exit: () => never | void): GeneratorApi {
  if (!fault) return api;
  let seen = 0;
  const strike = (key: TableKey) => {
    if (key !== fault.table || ++seen !== fault.nth) return;
    const message = `injected fault (CDS_FAULT ${fault.kind}:${fault.table}:${fault.nth})`;
    if (fault.kind === 'throw') throw new Error(message);
    if (fault.kind === 'crash') {
      setTimeout(() => {
        throw new Error(message);
      });
      return new Promise<never>(() => undefined);
    }
    exit();
    return new Promise<never>(() => undefined);
  };
  return {
    init: (scenario, piiSecret, parts) => api.init(scenario, piiSecret, parts),
    generate(key, first, count) {
      const stopped = strike(key);
      return stopped ? (stopped as never) : api.generate(key, first, count);
    },
    async segment(key, groups, encoding, tallies, place) {
      const stopped = strike(key);
      return stopped ?? api.segment(key, groups, encoding, tallies, place);
    },
  };
}
