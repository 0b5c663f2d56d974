/** The browser's generator worker: the same generator API as the CLI's worker_threads, over Comlink. */
import { expose } from 'comlink';
import { createGeneratorApi } from './generator-api';

expose(createGeneratorApi(Number(self.name.replace(/\D/g, '')) || 0));
