// Peak memory per target (the page and each Web Worker) over the Chrome DevTools Protocol, sampled every
// 200 ms: the JS heap in use plus the ArrayBuffer backing stores it holds (Runtime.getHeapUsage's usedSize
// and backingStorageSize), and each worker's WebAssembly memory as the worker reports it
// (src/workers/parquet-wasm-browser.ts). Used by `npm run bench:browser`.
const WASM_PROBE = 'globalThis.casinoDataStudioWasmBytes?.() ?? 0';

export class MemorySampler {
  /** @param {import('@playwright/test').CDPSession} cdp a browser-level session */
  constructor(cdp, origin) {
    this.cdp = cdp;
    this.origin = origin;
    this.sessions = new Map(); // targetId → { sessionId, label }
    this.pending = new Map();
    this.peaks = new Map(); // label → { heap, wasm }
    this.nextId = 1;
    this.workers = 0;
    cdp.on('Target.receivedMessageFromTarget', ({ sessionId, message }) => {
      const reply = JSON.parse(message);
      const key = `${sessionId}:${reply.id}`;
      this.pending.get(key)?.(reply.result ?? null);
      this.pending.delete(key);
    });
  }

  start() {
    this.timer = setInterval(() => void this.sample().catch(() => undefined), 200);
  }

  /** Stops sampling; the peaks per target, page first. */
  async stop() {
    clearInterval(this.timer);
    await this.sample().catch(() => undefined);
    return [...this.peaks].map(([label, peak]) => ({ label, ...peak }));
  }

  call(sessionId, method, params = {}) {
    const id = this.nextId++;
    return new Promise((resolve) => {
      this.pending.set(`${sessionId}:${id}`, resolve);
      setTimeout(() => this.pending.delete(`${sessionId}:${id}`) && resolve(null), 1000);
      this.cdp.send('Target.sendMessageToTarget', { sessionId, message: JSON.stringify({ id, method, params }) }).catch(() => resolve(null));
    });
  }

  async sample() {
    const { targetInfos } = await this.cdp.send('Target.getTargets');
    for (const t of targetInfos) {
      if (this.sessions.has(t.targetId)) continue;
      const ours = (t.type === 'page' && t.url.startsWith(this.origin)) || (t.type === 'worker' && t.url.startsWith(this.origin));
      if (!ours) continue;
      const label = t.type === 'page' ? 'page' : `worker ${++this.workers} (${t.title || t.url.split('/').pop()})`;
      const { sessionId } = await this.cdp.send('Target.attachToTarget', { targetId: t.targetId, flatten: false });
      this.sessions.set(t.targetId, { sessionId, label });
    }
    await Promise.all([...this.sessions.values()].map(async ({ sessionId, label }) => {
      const [heap, wasm] = await Promise.all([
        this.call(sessionId, 'Runtime.getHeapUsage'),
        this.call(sessionId, 'Runtime.evaluate', { expression: WASM_PROBE, returnByValue: true }),
      ]);
      const peak = this.peaks.get(label) ?? { heap: 0, wasm: 0 };
      if (heap) peak.heap = Math.max(peak.heap, heap.usedSize + (heap.backingStorageSize ?? 0));
      if (typeof wasm?.result?.value === 'number') peak.wasm = Math.max(peak.wasm, wasm.result.value);
      this.peaks.set(label, peak);
    }));
  }
}
