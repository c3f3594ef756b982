import { randomBytes } from 'node:crypto';
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import nodemailer from 'nodemailer';
import { getEnv } from '@/lib/platform/env';
import { toMailOptions, type EmailMessage, type SentEmail } from '@/lib/email/message';

// Builds the raw RFC 822 message without sending it, so the saved file is exactly what SMTP
// would have carried and opens in any mail client.
const composer = nodemailer.createTransport({
  streamTransport: true,
  buffer: true,
  newline: 'windows',
});

/** Where unsent e-mails are saved (EMAIL_LOG_DIR, by default .data/mail). */
export function getMailLogDir(): string {
  return path.resolve(getEnv().EMAIL_LOG_DIR);
}

/**
 * Delivery without an SMTP server: the text part goes to the server log, where a developer can
 * follow a sign-in link, and the whole message to an .eml file.
 */
export async function deliverToLog(message: EmailMessage): Promise<SentEmail> {
  const { message: raw, messageId } = await composer.sendMail(toMailOptions(message));
  const file = path.join(getMailLogDir(), emlFileName(new Date(), message.subject));
  let saved: string;
  try {
    await mkdir(path.dirname(file), { recursive: true });
    await writeFile(file, raw as Buffer);
    const relative = path.relative(process.cwd(), file);
    saved = relative.startsWith('..') ? file : relative;
  } catch (error) {
    // The printed block is the delivery; the file is a convenience that must not fail a sign-in.
    saved = `not saved (${error instanceof Error ? error.message : String(error)})`;
  }
  // A plain block, not a JSON log line: without an SMTP server this is the mailbox (never on a
  // production PostgreSQL site, see send.ts), and its link must stay readable and clickable.
  console.info(formatLogBlock(message, saved));
  return { id: messageId, delivery: 'log' };
}

export function emlFileName(date: Date, subject: string): string {
  const slug = subject
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60)
    .replace(/-+$/, '');
  // Colons are not allowed in Windows file names; the random part keeps same-millisecond
  // messages apart.
  const stamp = date.toISOString().replace(/:/g, '-');
  return `${stamp}-${randomBytes(3).toString('hex')}${slug ? `-${slug}` : ''}.eml`;
}

function formatLogBlock(message: EmailMessage, saved: string): string {
  const rule = '─'.repeat(72);
  return [
    '',
    `── E-mail not sent: EMAIL_SERVER is unset ${'─'.repeat(30)}`,
    `To:      ${message.to}`,
    `Subject: ${message.subject}`,
    `Saved:   ${saved}`,
    '',
    message.text.trimEnd(),
    rule,
    '',
  ].join('\n');
}
