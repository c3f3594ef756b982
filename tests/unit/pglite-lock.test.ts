import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  acquireDataDirLock,
  DatabaseLockedError,
  lockPathFor,
  releaseDataDirLock,
} from '@/db/pglite-lock';

let dir: string;
let dataDir: string;

beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pglite-lock-'));
  dataDir = path.join(dir, 'pglite');
});

afterEach(() => {
  releaseDataDirLock(dataDir);
  fs.rmSync(dir, { recursive: true, force: true });
});

function writeHolder(pid: number) {
  fs.writeFileSync(
    lockPathFor(dataDir),
    JSON.stringify({ pid, startTicks: null, command: 'next dev' }),
  );
}

describe('the PGlite data folder lock', () => {
  it('records the holding process and lets it claim the folder again', () => {
    acquireDataDirLock(dataDir);
    const holder = JSON.parse(fs.readFileSync(lockPathFor(dataDir), 'utf8'));
    expect(holder.pid).toBe(process.pid);
    expect(() => acquireDataDirLock(dataDir)).not.toThrow();
  });

  it('refuses a second process with a message naming the holder', () => {
    const other = spawn('sleep', ['30']);
    try {
      writeHolder(other.pid!);
      let caught: unknown;
      try {
        acquireDataDirLock(dataDir, { waitMs: 0 });
      } catch (error) {
        caught = error;
      }
      expect(caught).toBeInstanceOf(DatabaseLockedError);
      expect((caught as Error).message).toContain(`pid ${other.pid}`);
      expect((caught as Error).message).toContain('DATABASE_URL');
      // The holder's lock is left alone.
      expect(JSON.parse(fs.readFileSync(lockPathFor(dataDir), 'utf8')).pid).toBe(other.pid);
    } finally {
      other.kill();
    }
  });

  it('takes over a lock left by a process that has died', () => {
    const gone = spawnSync('true');
    writeHolder(gone.pid!);
    acquireDataDirLock(dataDir, { waitMs: 0 });
    expect(JSON.parse(fs.readFileSync(lockPathFor(dataDir), 'utf8')).pid).toBe(process.pid);
  });

  it('removes the lock file on release', () => {
    acquireDataDirLock(dataDir);
    releaseDataDirLock(dataDir);
    expect(fs.existsSync(lockPathFor(dataDir))).toBe(false);
  });
});
