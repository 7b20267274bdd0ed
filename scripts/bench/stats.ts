/** Timing and summary helpers shared by the sub-benches. */

export const NS_PER_MS = 1e6;
const NS_PER_US = 1e3;

/** Nearest-rank percentile of already sorted samples. */
export function percentile(sorted: readonly number[], p: number): number {
  const rank = Math.max(1, Math.ceil((p / 100) * sorted.length));
  return sorted[Math.min(rank, sorted.length) - 1] ?? Number.NaN;
}

export function median(samples: readonly number[]): number {
  return percentile(
    [...samples].sort((a, b) => a - b),
    50,
  );
}

/** Nanoseconds one call of `fn` took. */
export function timeOnce(fn: () => unknown): number {
  const start = process.hrtime.bigint();
  fn();
  return Number(process.hrtime.bigint() - start);
}

export const nowMs = () => performance.now();

/**
 * The growth exponent between two sizes: the slope of log(measure) against log(size), so 1 is
 * linear and 2 quadratic.
 */
export function growthExponent(size1: number, value1: number, size2: number, value2: number) {
  if (!(value1 > 0 && value2 > 0)) return Number.NaN;
  return Math.log(value2 / value1) / Math.log(size2 / size1);
}

export const ms = (ns: number) => (ns / NS_PER_MS).toFixed(2);
export const us = (ns: number) => (ns / NS_PER_US).toFixed(1);

/** Milliseconds shown with a precision that suits their size. */
export function showMs(valueMs: number): string {
  if (!Number.isFinite(valueMs)) return "-";
  if (valueMs >= 1000) return `${(valueMs / 1000).toFixed(2)} s`;
  if (valueMs >= 10) return `${valueMs.toFixed(0)} ms`;
  return `${valueMs.toFixed(2)} ms`;
}

export const mebibytes = (bytes: number) => `${(bytes / (1024 * 1024)).toFixed(0)} MiB`;

export function ratio(x: number): string {
  return Number.isFinite(x) ? `${x.toFixed(2)}×` : "-";
}
