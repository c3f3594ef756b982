// Server code only, but without the 'server-only' marker: the instrumentation hook imports this
// module (through lib/platform/startup.ts), and Next.js refuses that marker there.
import pino, { type DestinationStream, type LevelWithSilent, type Logger } from 'pino';
import { logLevelSchema } from '@/lib/platform/env';

export type { Logger };

// Matched at the top level and up to two levels down (`user.password`, `headers.cookie`).
// body, html and text cover e-mail and request contents; a log line names a message, it never
// carries one.
const sensitiveKeys = [
  'password',
  'newPassword',
  'currentPassword',
  'passwordHash',
  'token',
  'accessToken',
  'refreshToken',
  'secret',
  'authorization',
  'cookie',
  'set-cookie',
  'card',
  'cardNumber',
  'cvc',
  'cvv',
  'body',
  'html',
  'text',
];

const redactPaths = sensitiveKeys.flatMap((key) => {
  const segment = /^\w+$/.test(key) ? key : `["${key}"]`;
  return [segment, `*.${segment}`, `*.*.${segment}`];
});

interface QueryError extends Error {
  query: string;
  params: unknown[];
}

function isQueryError(error: Error): error is QueryError {
  return 'query' in error && 'params' in error;
}

/**
 * The error's kind, message and stack. Drizzle writes a failed query's parameters (addresses,
 * token hashes) into its message and stack, so for those the driver's own error is shown.
 */
function serializeError(error: unknown): Record<string, unknown> {
  if (!(error instanceof Error)) return { message: String(error) };
  const shown = isQueryError(error) && error.cause instanceof Error ? error.cause : error;
  const { code, digest } = error as { code?: unknown; digest?: unknown };
  return {
    type: shown.name,
    message: shown.message,
    ...(typeof code === 'string' ? { code } : {}),
    ...(typeof digest === 'string' ? { digest } : {}),
    stack: shown.stack,
  };
}

// Read apart from getEnv(), which throws on any bad variable: the logger must work to say so.
function configuredLevel(): LevelWithSilent {
  return logLevelSchema.safeParse(process.env.LOG_LEVEL).data ?? 'info';
}

/** One JSON object a line: level as a word, time in ISO 8601, then the fields and msg. */
export function createLogger(
  destination: DestinationStream,
  level: LevelWithSilent = configuredLevel(),
): Logger {
  return pino(
    {
      level,
      timestamp: pino.stdTimeFunctions.isoTime,
      formatters: { level: (label) => ({ level: label }) },
      serializers: { err: serializeError },
      redact: { paths: redactPaths, censor: '[redacted]' },
    },
    destination,
  );
}

// Synchronous, so a line is out before process.exit and in order with Next's own output.
export const logger = createLogger(pino.destination({ dest: 1, sync: true }));

/** `jane@example.org` as `j***@example.org`: enough to tell accounts apart in a log. */
export function maskEmail(email: string): string {
  const at = email.lastIndexOf('@');
  if (at < 1) return '***';
  return `${email[0]}***${email.slice(at)}`;
}
