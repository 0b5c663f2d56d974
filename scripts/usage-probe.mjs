// Loaded with `node --import` by the benchmark: when the process exits, writes to the file named by
// CDS_USAGE_FILE its peak RSS and its CPU time (user and system, in µs), both for the whole process: every
// thread, the worker threads that have already ended included (getrusage of the process).
import { writeFileSync } from 'node:fs';

const target = process.env.CDS_USAGE_FILE;
if (target) {
  process.on('exit', () => {
    const usage = process.resourceUsage();
    writeFileSync(target, JSON.stringify({ maxRssBytes: usage.maxRSS * 1024, userCpuUs: usage.userCPUTime, systemCpuUs: usage.systemCPUTime }));
  });
}
