import type { FirstLoadJs } from './first-load';
import type { LoadFigures } from './load';

export interface Context {
  cpus: number;
  cpuModel: string;
  node: string;
  platform: string;
  next: string;
  database: string;
  connections: number;
  durationSeconds: number;
}

export interface TargetResult {
  name: string;
  path: string;
  status: number;
  /** The page cache's answer after the run (hit, stale, filled); null when rendered per request. */
  cache: string | null;
  cacheControl: string | null;
  htmlBytes: number;
  warmUp: LoadFigures;
  next: LoadFigures;
  /** The same bytes from a bare server; null for rows a plain request does not answer. */
  ceiling: LoadFigures | null;
  ratio: number | null;
}

export interface Report {
  context: Context;
  targets: TargetResult[];
  articleFirstLoadJs: FirstLoadJs;
}

const kib = (bytes: number) => (bytes / 1024).toFixed(1);

export function formatContext(context: Context): string {
  return [
    `machine   ${context.cpus} × ${context.cpuModel}, ${context.platform}`,
    `runtime   node ${context.node}, next ${context.next}`,
    `database  ${context.database}`,
    `load      ${context.connections} connections, ${context.durationSeconds} s per target`,
  ].join('\n');
}

/**
 * A row of a plain-text table: each cell padded to its column's width, to the right where the
 * width is negative (text), to the left otherwise (figures).
 */
export function tableRow(columns: readonly (readonly [string, number])[]) {
  return (cells: string[]) =>
    cells
      .map((cell, i) => {
        const width = columns[i]?.[1] ?? 0;
        return width < 0 ? cell.padEnd(-width) : cell.padStart(width);
      })
      .join('  ')
      .trimEnd();
}

export function formatTable(report: Report): string {
  const columns: [string, number][] = [
    ['target', -10],
    ['path', -Math.max(4, ...report.targets.map((t) => t.path.length))],
    ['req/s', 9],
    ['p50 ms', 7],
    ['p99 ms', 7],
    ['non-2xx', 8],
    ['err/t.o.', 9],
    ['cache', 6],
    ['ceiling req/s', 14],
    ['ratio', 6],
  ];
  const line = tableRow(columns);
  const rows = report.targets.map((t) =>
    line([
      t.name,
      t.path,
      t.next.requestsPerSecond.toFixed(1),
      String(t.next.latencyP50Ms),
      String(t.next.latencyP99Ms),
      String(t.next.non2xx),
      `${t.next.errors}/${t.next.timeouts}`,
      t.cache ?? '-',
      t.ceiling?.requestsPerSecond.toFixed(1) ?? '-',
      t.ratio?.toFixed(3) ?? '-',
    ]),
  );
  const js = report.articleFirstLoadJs;
  return [
    line(columns.map(([title]) => title)),
    ...rows,
    '',
    `article first-load JS: ${js.chunks} chunks, ${kib(js.gzippedBytes)} KiB gzipped ` +
      `(${kib(js.rawBytes)} KiB raw) + ${js.inlineScripts} inline scripts, ` +
      `${kib(js.inlineGzippedBytes)} KiB gzipped (${kib(js.inlineRawBytes)} KiB raw)` +
      (js.foreign.length ? `; not counted, other origins: ${js.foreign.join(', ')}` : ''),
  ].join('\n');
}
