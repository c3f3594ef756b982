import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { simpleParser } from 'mailparser';
import { SMTPServer } from 'smtp-server';
import { freePort } from '../../scripts/lib/next-server';

/** A real SMTP server on a free port that saves each message it receives as an .eml file. */
export async function startMailCatcher() {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'northgate-mail-'));
  let count = 0;
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    onData(stream, _session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (chunk: Buffer) => chunks.push(chunk));
      stream.on('end', () => {
        fs.writeFileSync(
          path.join(dir, `${String(++count).padStart(4, '0')}.eml`),
          Buffer.concat(chunks),
        );
        callback();
      });
    },
  });
  const port = await freePort();
  await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
  return {
    url: `smtp://127.0.0.1:${port}`,
    dir,
    stop: () =>
      new Promise<void>((resolve) =>
        server.close(() => {
          fs.rmSync(dir, { recursive: true, force: true });
          resolve();
        }),
      ),
  };
}

export interface ReceivedMail {
  subject: string;
  /** The addresses of its Reply-To header, if any. */
  replyTo: string[];
  text: string;
  html: string;
  /** Each header's unfolded value, by its lower-case name (the first, where one repeats). */
  headers: Record<string, string>;
}

/**
 * The mail catcher's messages from now on. Take one before the step that sends an e-mail:
 * `next` waits only for messages that arrived after it was taken, oldest first, so an earlier
 * test's e-mail to the same address can never stand in for the one under test.
 */
export function inbox(dir: string) {
  const before = new Set(fs.readdirSync(dir));
  return {
    /** The first message since the inbox was taken to `to` whose subject contains `subject`. */
    async next(
      to: string,
      { subject = '', timeoutMs = 15_000 }: { subject?: string; timeoutMs?: number } = {},
    ): Promise<ReceivedMail> {
      const deadline = Date.now() + timeoutMs;
      for (;;) {
        const files = fs
          .readdirSync(dir)
          .filter((file) => !before.has(file))
          .sort();
        const seen: string[] = [];
        for (const file of files) {
          const parsed = await simpleParser(fs.readFileSync(path.join(dir, file)));
          const recipients = [parsed.to].flat().flatMap((address) => address?.value ?? []);
          seen.push(`${recipients.map((address) => address.address).join(',')}: ${parsed.subject}`);
          const matches = (parsed.subject ?? '').includes(subject);
          if (matches && recipients.some((address) => address.address === to)) {
            return {
              subject: parsed.subject ?? '',
              replyTo: (parsed.replyTo?.value ?? []).flatMap((address) =>
                address.address ? [address.address] : [],
              ),
              text: parsed.text ?? '',
              html: String(parsed.html || ''),
              headers: Object.fromEntries(
                [...parsed.headerLines].reverse().map(({ key, line }) => [
                  key,
                  line
                    .slice(line.indexOf(':') + 1)
                    .replace(/\r?\n[ \t]+/g, ' ')
                    .trim(),
                ]),
              ),
            };
          }
        }
        if (Date.now() > deadline) {
          throw new Error(
            `No e-mail to ${to}${subject ? ` about "${subject}"` : ''} arrived; received since the inbox was taken:\n${seen.join('\n') || '(nothing)'}`,
          );
        }
        await new Promise((resolve) => setTimeout(resolve, 200));
      }
    },
  };
}

/** The first link in an e-mail's text to a route of the site, such as 'verify-email'. */
export function linkIn(text: string, route: string): string {
  const link = text.match(new RegExp(`https?://\\S+/${route}\\?token=[\\w-]+`));
  if (!link) throw new Error(`No ${route} link in the e-mail:\n${text}`);
  return link[0];
}
