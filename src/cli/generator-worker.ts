/** worker_threads shell over the generator API (same API as the browser worker). */
import { parentPort, threadId } from 'node:worker_threads';
import { expose } from 'comlink';
import nodeEndpoint from 'comlink/dist/esm/node-adapter.mjs';
import { createGeneratorApi } from '../workers/generator-api';

if (!parentPort) throw new Error('generator-worker must run in a worker thread');
expose(createGeneratorApi(threadId), nodeEndpoint(parentPort));
