/** worker_threads shell over the generator API (same API as the browser worker). */
import { parentPort, threadId } from 'node:worker_threads';
import { expose } from 'comlink';
import nodeEndpoint from 'comlink/dist/esm/node-adapter.mjs';
import { createGeneratorApi } from '../workers/generator-api';
import { parseFault, withFault } from '../workers/fault-hook';

if (!parentPort) throw new Error('generator-worker must run in a worker thread');
// CDS_FAULT is a test hook (fault-hook.ts); without it the API is exposed as is.
const fault = parseFault(process.env.CDS_FAULT);
expose(withFault(createGeneratorApi(threadId), fault, () => process.exit(1)), nodeEndpoint(parentPort));
