import nodemailer, { type Transporter } from 'nodemailer';
import type SMTPTransport from 'nodemailer/lib/smtp-transport';
import { EmailDeliveryError } from '@/lib/email/message';

// nodemailer waits up to two minutes to connect and ten to time out an idle socket; a request
// that sends a sign-in link should fail within seconds when the server is down.
const timeouts = {
  connectionTimeout: 10_000,
  greetingTimeout: 10_000,
  dnsTimeout: 10_000,
  socketTimeout: 30_000,
};

// The few connection options people put in nodemailer URLs, for relays with unusual TLS.
const supportedFlags = ['requireTLS', 'ignoreTLS', 'tls.rejectUnauthorized'];

/**
 * Connection options from EMAIL_SERVER: `smtp://` (STARTTLS when offered, port 587 by default)
 * or `smtps://` (TLS from the start, port 465), with percent-encoded `user:password@`.
 */
export function smtpOptionsFromUrl(serverUrl: string): SMTPTransport.Options {
  const url = new URL(serverUrl);
  const secure = url.protocol === 'smtps:';
  const options: SMTPTransport.Options = {
    host: url.hostname.replace(/^\[(.*)\]$/, '$1'),
    port: url.port ? Number(url.port) : secure ? 465 : 587,
    secure,
    ...timeouts,
  };
  if (url.username || url.password) {
    options.auth = { user: decode(url.username), pass: decode(url.password) };
  }
  for (const [name, value] of url.searchParams) {
    if (!supportedFlags.includes(name) || (value !== 'true' && value !== 'false')) {
      throw new EmailDeliveryError(
        `EMAIL_SERVER has an unsupported parameter "${name}" ` +
          `(supported: ${supportedFlags.join(', ')}, each =true or =false)`,
        'ECONFIG',
      );
    }
    if (name === 'tls.rejectUnauthorized') options.tls = { rejectUnauthorized: value === 'true' };
    else options[name as 'requireTLS' | 'ignoreTLS'] = value === 'true';
  }
  return options;
}

function decode(part: string): string {
  try {
    return decodeURIComponent(part);
  } catch {
    return part;
  }
}

// Kept on globalThis so dev-server reloads and separately bundled entry points share one
// transport of each kind. The single transport opens a connection per message: e-mail one by
// one is rare here, and a pooled connection left idle is one the server may already have
// closed. Newsletters go through a pool instead, which keeps a few connections busy for a run.
const globalKeys = {
  single: Symbol.for('northgate.email.transport'),
  bulk: Symbol.for('northgate.email.transport.bulk'),
};
export type TransportKind = keyof typeof globalKeys;
export interface SmtpTransport {
  serverUrl: string;
  options: SMTPTransport.Options;
  transport: Transporter<SMTPTransport.SentMessageInfo>;
}
type Global = typeof globalThis & { [key: symbol]: SmtpTransport | undefined };

/** The connections a newsletter run keeps open at once, and the messages each carries. */
export const bulkPool = { maxConnections: 4, maxMessages: 200 };

export function getSmtpTransport(serverUrl: string, kind: TransportKind = 'single'): SmtpTransport {
  const store = globalThis as Global;
  const key = globalKeys[kind];
  const cached = store[key];
  if (cached?.serverUrl === serverUrl) return cached;
  cached?.transport.close();
  const options = smtpOptionsFromUrl(serverUrl);
  const transport =
    kind === 'bulk'
      ? nodemailer.createTransport({ ...options, pool: true, ...bulkPool })
      : nodemailer.createTransport(options);
  store[key] = { serverUrl, options, transport };
  return store[key];
}

export function closeSmtpTransport(): void {
  const store = globalThis as Global;
  for (const key of Object.values(globalKeys)) {
    store[key]?.transport.close();
    delete store[key];
  }
}

/** A loggable line for a failed hand-over: the server and the reason, with the password removed. */
export function describeSmtpFailure(error: unknown, options: SMTPTransport.Options): string {
  const { code, message } = (error ?? {}) as { code?: unknown; message?: unknown };
  let reason = typeof message === 'string' && message ? message : String(error);
  for (const secret of secretsOf(options)) reason = reason.split(secret).join('[redacted]');
  const label = typeof code === 'string' ? ` (${code})` : '';
  return `Could not hand the e-mail to ${options.host}:${options.port}${label}: ${reason}`;
}

// The password as written and as it crosses the wire in AUTH PLAIN and AUTH LOGIN, in case a
// server echoes what it was sent.
function secretsOf(options: SMTPTransport.Options): string[] {
  // smtpOptionsFromUrl only ever sets login auth, never OAuth2.
  const { user = '', pass = '' } = (options.auth ?? {}) as { user?: string; pass?: string };
  if (!pass) return [];
  const base64 = (value: string) => Buffer.from(value).toString('base64');
  return [base64(`\0${user}\0${pass}`), base64(pass), encodeURIComponent(pass), pass];
}
