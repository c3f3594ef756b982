import { describe, expect, it } from 'vitest';
import { contentWatcher } from '@/lib/cache/content-watch';

describe('the content watch', () => {
  it('clears what the process keeps only when the version has moved since the last read', async () => {
    const versions: (number | Error)[] = [4, 4, 5, 5, new Error('database down'), 5, 7];
    let clears = 0;
    const check = contentWatcher(
      async () => {
        const next = versions.shift()!;
        if (next instanceof Error) throw next;
        return next;
      },
      () => (clears += 1),
    );
    const clearsAfterEachRead = [];
    for (let read = 0; read < 7; read++) {
      await check();
      clearsAfterEachRead.push(clears);
    }
    // The first read only learns the version; a failed read changes nothing.
    expect(clearsAfterEachRead).toEqual([0, 0, 1, 1, 1, 1, 2]);
  });
});
