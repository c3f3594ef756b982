import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { simpleParser } from 'mailparser';
import { afterAll, expect, vi } from 'vitest';
import { deliverEmailNow } from '@/lib/email/outbox';

export interface SentMail {
  to: string;
  text: string;
}

/**
 * E-mails as development writes them without a mail server: to files in a folder of this test
 * file's own. Call at the top level of the file, before anything reads the environment.
 * `deliver` sends what a request queued, as its action does once it has answered, and returns
 * the e-mails that were written.
 */
export function devMailForThisFile() {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'dev-mail-'));
  process.env.EMAIL_LOG_DIR = dir;
  delete process.env.EMAIL_SERVER;
  // Development also prints each e-mail; the test report has no use for it.
  vi.spyOn(console, 'info').mockImplementation(() => {});
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  async function deliver(outcome: { ok: boolean; emails?: string[] }): Promise<SentMail[]> {
    const before = new Set(fs.readdirSync(dir));
    for (const id of outcome.emails ?? []) expect(await deliverEmailNow(id)).toBe(true);
    const mails: SentMail[] = [];
    for (const file of fs
      .readdirSync(dir)
      .filter((name) => !before.has(name))
      .sort()) {
      const parsed = await simpleParser(fs.readFileSync(path.join(dir, file)));
      mails.push({ to: [parsed.to].flat()[0]?.text ?? '', text: parsed.text ?? '' });
    }
    return mails;
  }

  /** The one e-mail a request queued, sent; its text. */
  async function onlyMail(outcome: { ok: boolean; emails?: string[] }): Promise<string> {
    const mails = await deliver(outcome);
    expect(mails).toHaveLength(1);
    return mails[0]!.text;
  }

  return { deliver, onlyMail };
}

/** The token of the first link in an e-mail's text to a route of the site. */
export const tokenIn = (text: string, route: string) =>
  text.match(new RegExp(`${route}\\?token=([\\w-]+)`))![1]!;
