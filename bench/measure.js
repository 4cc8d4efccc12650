// Small timing helpers shared by the benchmarks.

/** Median of a list of numbers. */
export function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}

/** Runs `task` `runs` times (after `warmup` unmeasured runs) and returns the durations in ms. */
export async function timeRuns(task, runs, warmup = 1) {
  for (let index = 0; index < warmup; index++) await task();
  const durations = [];
  for (let index = 0; index < runs; index++) {
    const started = performance.now();
    await task();
    durations.push(performance.now() - started);
  }
  return durations;
}

/** Prints one figure line: label, median and spread. */
export function report(label, durations, unit = 'ms') {
  const sorted = [...durations].sort((a, b) => a - b);
  console.log(`${label.padEnd(58)} median ${median(durations).toFixed(1)} ${unit}  (min ${sorted[0].toFixed(1)}, max ${sorted.at(-1).toFixed(1)}, n=${durations.length})`);
}
