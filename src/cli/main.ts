/** The CLI's entry point (SPEC 14): runs it on this process and exits with its code (see run-cli.ts). */
import { runCli } from './run-cli';

runCli(process.argv.slice(2), {
  env: process.env,
  stdout: process.stdout,
  stderr: process.stderr,
  workerUrl: new URL('./generator-worker.mjs', import.meta.url),
}).then(
  (code) => process.exit(code),
  (error) => {
    process.stderr.write(`Error during generation: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exit(1);
  },
);
