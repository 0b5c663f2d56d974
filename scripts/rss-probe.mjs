// Loaded with `node --import` by the benchmark: reports the process's peak RSS (all threads)
// to the file named by CDS_RSS_FILE when the process exits.
import { writeFileSync } from 'node:fs';

const target = process.env.CDS_RSS_FILE;
if (target) process.on('exit', () => writeFileSync(target, String(process.resourceUsage().maxRSS * 1024)));
