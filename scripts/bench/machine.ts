import { availableParallelism, cpus, loadavg, totalmem } from "node:os";

/** One line saying where and when the figures were taken, with the load the machine was under. */
export function machineLine(): string {
  const load = loadavg()
    .map((x) => x.toFixed(2))
    .join(" ");
  const model = cpus()[0]?.model.trim() ?? "unknown CPU";
  const memory = `${(totalmem() / 1024 ** 3).toFixed(1)} GiB`;
  return `${new Date().toISOString()} · nproc ${availableParallelism()} (${model}) · ${memory} · node ${process.version} ${nodeFlags()} · load average ${load} (1/5/15 min)`;
}

/** The V8 and Node flags the timed code runs with, as a collector's settings change the tail. */
function nodeFlags(): string {
  const flags = [...process.execArgv, ...(process.env.NODE_OPTIONS ?? "").split(/\s+/)].filter(
    (flag) => flag.startsWith("--") && flag !== "--require" && flag !== "--import",
  );
  return flags.length === 0 ? "(no node flags)" : `(node flags: ${flags.join(" ")})`;
}
