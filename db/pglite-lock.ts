import fs from 'node:fs';
import path from 'node:path';

export class DatabaseLockedError extends Error {
  constructor(
    readonly dataDir: string,
    readonly holder: LockHolder,
  ) {
    super(
      `The embedded database in ${dataDir} is in use by another process ` +
        `(pid ${holder.pid}: ${holder.command}). PGlite allows one process at a time: ` +
        'stop that process first (e.g. the dev server), or set DATABASE_URL to use PostgreSQL.',
    );
    this.name = 'DatabaseLockedError';
  }
}

interface LockHolder {
  pid: number;
  startTicks: string | null;
  command: string;
}

const held = new Set<string>();

function processStartTicks(pid: number): string | null {
  try {
    // Field 22 of /proc/<pid>/stat tells a process from a later one that reused its pid.
    const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
    return stat.slice(stat.lastIndexOf(')') + 2).split(' ')[19] ?? null;
  } catch {
    return null;
  }
}

function isAlive(holder: LockHolder): boolean {
  try {
    process.kill(holder.pid, 0);
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
  const ticks = processStartTicks(holder.pid);
  return holder.startTicks === null || ticks === null || ticks === holder.startTicks;
}

function readHolder(lockPath: string): LockHolder | null {
  try {
    return JSON.parse(fs.readFileSync(lockPath, 'utf8')) as LockHolder;
  } catch {
    return null;
  }
}

// A lock file too young to hold its contents yet is being written by its new owner.
function isFresh(lockPath: string): boolean {
  try {
    return Date.now() - fs.statSync(lockPath).mtimeMs < 1000;
  } catch {
    return false;
  }
}

function sleep(ms: number) {
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
}

function describeCommand(): string {
  const script = process.env.npm_lifecycle_event;
  if (script && script !== 'npx') return `npm run ${script}`;
  return process.argv
    .slice(1)
    .map((arg) => path.basename(arg))
    .join(' ')
    .slice(0, 200);
}

export function lockPathFor(dataDir: string): string {
  return `${path.resolve(dataDir)}.lock`;
}

/**
 * Claims the data folder for this process, or throws DatabaseLockedError naming the holder.
 * A lock left by a process that has died is taken over. The same process may claim it again
 * (dev-server reloads evaluate the database module anew).
 */
export function acquireDataDirLock(dataDir: string, { waitMs = 2000 } = {}): void {
  const lockPath = lockPathFor(dataDir);
  if (held.has(lockPath)) return;
  fs.mkdirSync(path.dirname(lockPath), { recursive: true });
  const me: LockHolder = {
    pid: process.pid,
    startTicks: processStartTicks(process.pid),
    command: describeCommand(),
  };
  const deadline = Date.now() + waitMs;
  for (;;) {
    try {
      fs.writeFileSync(lockPath, JSON.stringify(me), { flag: 'wx' });
      held.add(lockPath);
      process.once('exit', () => releaseDataDirLock(dataDir));
      return;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    }
    const holder = readHolder(lockPath);
    if (holder?.pid === process.pid && holder.startTicks === me.startTicks) {
      held.add(lockPath);
      return;
    }
    if (!holder && isFresh(lockPath)) {
      sleep(50);
      continue;
    }
    if (!holder || !isAlive(holder)) {
      fs.rmSync(lockPath, { force: true });
      continue;
    }
    // A process that is shutting down (a restarting dev server) lets go within moments.
    if (Date.now() >= deadline) throw new DatabaseLockedError(dataDir, holder);
    sleep(100);
  }
}

export function releaseDataDirLock(dataDir: string): void {
  const lockPath = lockPathFor(dataDir);
  if (!held.delete(lockPath)) return;
  const holder = readHolder(lockPath);
  if (holder?.pid === process.pid) fs.rmSync(lockPath, { force: true });
}
