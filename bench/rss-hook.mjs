// Preloaded with `node --import` into every measured child: on exit, writes the process's own peak RSS and CPU time
// (process.resourceUsage(), i.e. getrusage(RUSAGE_SELF) — worker threads included) as JSON to $BENCH_RSS_OUT.
// Nothing external (no /usr/bin/time) is needed.
import { writeFileSync } from "node:fs";

const out = process.env.BENCH_RSS_OUT;
if (out) {
  process.on("exit", (code) => {
    const u = process.resourceUsage();
    const rec = {
      code,
      maxRSSKiB: u.maxRSS, // kilobytes, like /usr/bin/time -v "Maximum resident set size"
      userSec: u.userCPUTime / 1e6,
      sysSec: u.systemCPUTime / 1e6,
      uptimeSec: process.uptime(),
    };
    try {
      writeFileSync(out, JSON.stringify(rec));
    } catch {
      // the parent reports a missing measurement
    }
  });
}
