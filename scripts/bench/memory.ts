// The server's resident memory, read from /proc (Linux), summed over the process and any
// children it forked, since the server (tsx, Node) may serve from a child process.
import fs from 'node:fs';

function childrenOf(pid: number): number[] {
  try {
    return fs
      .readdirSync(`/proc/${pid}/task`)
      .flatMap((task) =>
        fs.readFileSync(`/proc/${pid}/task/${task}/children`, 'utf8').trim().split(/\s+/),
      )
      .filter(Boolean)
      .map(Number);
  } catch {
    return [];
  }
}

function rssKib(pid: number): number {
  try {
    const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
    return Number(/^VmRSS:\s+(\d+) kB/m.exec(status)?.[1] ?? 0);
  } catch {
    return 0; // The process has just exited.
  }
}

/** RSS in MiB of `pid` and its descendants; 0 where /proc is not available. */
export function treeRssMib(pid: number): number {
  let total = 0;
  const queue = [pid];
  for (let next = queue.pop(); next !== undefined; next = queue.pop()) {
    total += rssKib(next);
    queue.push(...childrenOf(next));
  }
  return total / 1024;
}

export interface MemorySampler {
  /** Takes a sample now and stops sampling; returns start, peak and end in MiB. */
  stop(): { startMib: number; peakMib: number; endMib: number; samples: number[] };
}

export function sampleMemory(pid: number, everyMs = 2000): MemorySampler {
  const samples = [treeRssMib(pid)];
  const timer = setInterval(() => samples.push(treeRssMib(pid)), everyMs);
  return {
    stop() {
      clearInterval(timer);
      samples.push(treeRssMib(pid));
      return {
        startMib: samples[0]!,
        peakMib: Math.max(...samples),
        endMib: samples.at(-1)!,
        samples,
      };
    },
  };
}

/**
 * Whether memory levels off: the samples every `stepSeconds` (a leak climbs to the end; a
 * warming heap climbs early and then holds), and the change over the second half of the run.
 */
export function describeGrowth(samples: number[], everyMs = 2000, stepSeconds = 10): string {
  const stride = Math.max(1, Math.round((stepSeconds * 1000) / everyMs));
  const marks = samples.filter((_, index) => index % stride === 0 || index === samples.length - 1);
  const middle = samples[Math.floor(samples.length / 2)] ?? 0;
  const end = samples.at(-1) ?? 0;
  const change = end - middle;
  return (
    `every ${stepSeconds} s ${marks.map((value) => value.toFixed(0)).join(' → ')} MiB; ` +
    `second half ${change >= 0 ? '+' : ''}${change.toFixed(0)} MiB`
  );
}
