import type Mail from 'nodemailer/lib/mailer';
import { getSiteConfig } from '@/lib/config/site';
import { getEnv } from '@/lib/platform/env';

/** One e-mail to one person. Both parts are always sent; `renderEmail` builds them. */
export interface EmailMessage {
  to: string;
  subject: string;
  text: string;
  html: string;
  replyTo?: string;
  /** Extra header fields, such as a newsletter's List-Unsubscribe. */
  headers?: Record<string, string>;
  /** A Message-ID of the sender's choosing: a message sent twice then reads as one. */
  messageId?: string;
}

export interface SentEmail {
  /** The Message-ID header, e.g. `<…@northgate.example>`. */
  id: string;
  delivery: 'smtp' | 'log';
}

/**
 * The message could not be handed over (not configured, server down, login refused…).
 * The message names the server but never its credentials, so it is safe to log.
 * `permanent` means the server refused this message for good, so sending it again cannot help.
 */
export class EmailDeliveryError extends Error {
  constructor(
    message: string,
    readonly code?: string,
    readonly permanent = false,
  ) {
    super(message);
    this.name = 'EmailDeliveryError';
  }
}

/** The site's host as a mail domain, for addresses and Message-IDs. */
export function mailDomain(): string {
  const host = new URL(getEnv().siteUrl).hostname;
  // An IP address is no mail domain; a developer's server is "localhost" either way.
  return /[a-z]/i.test(host) && !host.startsWith('[') ? host : 'localhost';
}

/** EMAIL_FROM, or the site's name at no-reply@ the site's host. */
export function getSender(): Mail.Address | string {
  const env = getEnv();
  if (env.EMAIL_FROM) return env.EMAIL_FROM;
  const domain = mailDomain();
  // An address object lets nodemailer quote and encode the name, whatever it contains.
  return { name: getSiteConfig().name, address: `no-reply@${domain}` };
}

export function toMailOptions(message: EmailMessage): Mail.Options {
  return {
    from: getSender(),
    to: message.to,
    subject: message.subject,
    text: message.text,
    html: message.html,
    ...(message.replyTo ? { replyTo: message.replyTo } : {}),
    ...(message.headers ? { headers: message.headers } : {}),
    ...(message.messageId ? { messageId: message.messageId } : {}),
  };
}
