import { getEnv } from '@/lib/platform/env';
import { deliverToLog } from '@/lib/email/log-delivery';
import {
  EmailDeliveryError,
  toMailOptions,
  type EmailMessage,
  type SentEmail,
} from '@/lib/email/message';
import { describeSmtpFailure, getSmtpTransport, type TransportKind } from '@/lib/email/transport';

export { EmailDeliveryError, type EmailMessage, type SentEmail } from '@/lib/email/message';

/**
 * Hands one message to the SMTP server of EMAIL_SERVER. Without one, development and the
 * embedded-database demo (even built for production) print it to the log instead, so sign-in
 * links stay usable; a production site on PostgreSQL refuses, since its members would wait
 * for mail that never comes.
 *
 * With `bulk`, it goes through a pool of kept-open connections, for newsletters.
 *
 * @throws EmailDeliveryError when the message could not be handed over; its text is safe to log.
 */
export async function sendEmail(
  message: EmailMessage,
  { bulk = false }: { bulk?: boolean } = {},
): Promise<SentEmail> {
  const env = getEnv();
  if (env.EMAIL_SERVER) return sendOverSmtp(env.EMAIL_SERVER, message, bulk ? 'bulk' : 'single');
  if (env.NODE_ENV === 'production' && env.database.engine !== 'pglite') {
    throw new EmailDeliveryError('E-mail is not configured: set EMAIL_SERVER', 'ECONFIG');
  }
  return deliverToLog(message);
}

async function sendOverSmtp(
  serverUrl: string,
  message: EmailMessage,
  kind: TransportKind,
): Promise<SentEmail> {
  const { transport, options } = getSmtpTransport(serverUrl, kind);
  try {
    const info = await transport.sendMail(toMailOptions(message));
    return { id: info.messageId, delivery: 'smtp' };
  } catch (error) {
    const { code, responseCode } = error as { code?: unknown; responseCode?: unknown };
    // A 5xx answer to the recipient or the message itself is final; to anything else (the
    // connection, the login) it is the server's state, which may change.
    const permanent =
      (code === 'EENVELOPE' || code === 'EMESSAGE') &&
      typeof responseCode === 'number' &&
      responseCode >= 500;
    throw new EmailDeliveryError(
      describeSmtpFailure(error, options),
      typeof code === 'string' ? code : undefined,
      permanent,
    );
  }
}
