import { z } from 'zod';

// Currencies Stripe settles with two decimal places; zero-decimal ones would need other arithmetic.
export const supportedCurrencies = [
  'GBP',
  'EUR',
  'USD',
  'CAD',
  'AUD',
  'NZD',
  'CHF',
  'SEK',
  'NOK',
  'DKK',
] as const;

const logLevels = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;

export const logLevelSchema = z.preprocess(
  (value) => (value === '' || value === undefined ? 'info' : value),
  z.enum(logLevels, { error: `must be one of ${logLevels.join(', ')}` }),
);

const optional = <T extends z.ZodType>(schema: T) =>
  z.preprocess((value) => (value === '' ? undefined : value), schema.optional());

const withDefault = <T extends z.ZodType>(fallback: string, schema: T) =>
  z.preprocess((value) => (value === '' || value === undefined ? fallback : value), schema);

const urlWithProtocols = (protocols: string[], example: string) =>
  z.string().refine((value) => {
    try {
      return protocols.includes(new URL(value).protocol);
    } catch {
      return false;
    }
  }, `must be a URL like ${example}`);

// Whole units of the donation currency, as a person types them: "25" or "12.50".
const wholeAmount = z.coerce
  .number()
  .positive()
  .max(1_000_000)
  .refine(
    (value) => Math.abs(value * 100 - Math.round(value * 100)) < 1e-6,
    'must have at most two decimal places',
  );

const amountList = z.preprocess(
  (value) =>
    typeof value === 'string' && value.trim() !== ''
      ? value.split(',').map((part) => part.trim())
      : undefined,
  z.array(wholeAmount).min(1).max(6, 'lists at most six amounts').optional(),
);

const envSchema = z
  .object({
    NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
    LOG_LEVEL: logLevelSchema,
    PORT: optional(z.coerce.number().int().min(1).max(65535)),
    DATABASE_URL: optional(
      urlWithProtocols(['postgres:', 'postgresql:'], 'postgres://user:password@host:5432/database'),
    ),
    PGLITE_DATA_DIR: withDefault('.data/pglite', z.string()),
    // Where the background jobs run (lib/jobs/background.ts): in the web process, or in
    // `npm run worker`. By default the web process with the embedded database, the worker with
    // PostgreSQL.
    JOBS: optional(z.enum(['web', 'worker'], { error: 'must be web or worker' })),
    // Next's data cache, shared by every instance of the site (lib/cache/shared-data-cache.ts).
    REDIS_URL: optional(urlWithProtocols(['redis:', 'rediss:'], 'redis://127.0.0.1:6379')),
    // Starts every key the site writes to Redis, so several sites (or test runs) can share one.
    REDIS_PREFIX: withDefault('northgate:', z.string().regex(/^[\w.:-]{1,64}$/)),
    // Names one build: browsers that loaded a page of another are sent a full page load
    // rather than a navigation that build cannot answer. The build's id when unset.
    DEPLOYMENT_ID: optional(
      z.string().regex(/^[\w.-]{1,64}$/, 'must be letters, digits, . _ or -'),
    ),
    AUTH_SECRET: optional(
      z.string().min(32, 'must be at least 32 characters (try: openssl rand -base64 32)'),
    ),
    SITE_URL: optional(urlWithProtocols(['http:', 'https:'], 'https://www.example.org')),
    SITE_NAME: optional(z.string().min(1).max(80)),
    // A registered charity states its registered name and number where it asks for gifts.
    CHARITY_NAME: withDefault(
      'Northgate Institute for Public Policy',
      z.string().trim().min(1).max(160),
    ),
    CHARITY_NUMBER: withDefault(
      '1234567',
      z
        .string()
        .trim()
        .regex(
          /^[A-Za-z0-9][A-Za-z0-9 -]{2,19}$/,
          'must be a registration number like 1234567 or SC012345',
        ),
    ),
    CHARITY_ADDRESS: withDefault(
      'Northgate House, 1 Example Street, London',
      z.string().trim().min(1).max(300),
    ),
    // A charitable company states its company number too; `none` for a charity that is not one.
    COMPANY_NUMBER: withDefault(
      '19283746',
      z
        .string()
        .trim()
        .toUpperCase()
        .regex(
          /^(?:\d{8}|[A-Z]{2}\d{6}|NONE)$/,
          'must be a company number like 01234567 or SC123456, or none',
        )
        .transform((value) => (value === 'NONE' ? null : value)),
    ),
    // Where people write about their data: the privacy notice names it as the controller's contact.
    PRIVACY_EMAIL: withDefault(
      'privacy@northgate.example',
      z.string().trim().pipe(z.email('must be an e-mail address like privacy@example.org')),
    ),
    // Reverse proxies in front of the server that append to X-Forwarded-For (lib/security/client-ip.ts).
    TRUSTED_PROXIES: z.preprocess(
      (value) => (value === '' || value === undefined ? 0 : value),
      z.coerce.number().int().min(0, 'must be 0 or more').max(10),
    ),
    STRIPE_SECRET_KEY: optional(
      z
        .string()
        .regex(/^(sk|rk)_(test|live)_\w+$/, 'must be a Stripe secret key (sk_test_… or sk_live_…)'),
    ),
    STRIPE_WEBHOOK_SECRET: optional(
      z.string().regex(/^whsec_\w+$/, 'must be a Stripe webhook signing secret (whsec_…)'),
    ),
    STRIPE_API_BASE_URL: optional(urlWithProtocols(['http:', 'https:'], 'http://127.0.0.1:12111')),
    EMAIL_SERVER: optional(
      urlWithProtocols(['smtp:', 'smtps:'], 'smtp://user:password@smtp.example.org:587'),
    ),
    EMAIL_FROM: optional(z.string().min(3)),
    // The press office's inbox, where /press's media requests go. Unset: the first press contact's
    // address, else press@ the site's host (lib/press/media-request.ts).
    PRESS_EMAIL: optional(
      z.string().trim().pipe(z.email('must be an e-mail address like press@example.org')),
    ),
    // Newsletters: how many recipients a sender takes at a time, and the most messages it hands
    // to the mail server per second (0: as fast as the server takes them). Relays set a rate.
    NEWSLETTER_BATCH_SIZE: z.preprocess(
      (value) => (value === '' || value === undefined ? 200 : value),
      z.coerce.number().int().min(1, 'must be 1 or more').max(5000, 'must be at most 5000'),
    ),
    NEWSLETTER_RATE: z.preprocess(
      (value) => (value === '' || value === undefined ? 20 : value),
      z.coerce.number().min(0, 'must be 0 or more').max(10_000, 'must be at most 10000'),
    ),
    // Where development keeps e-mails it printed instead of sending (no EMAIL_SERVER).
    EMAIL_LOG_DIR: withDefault('.data/mail', z.string()),
    // Where the local-disk media storage keeps uploaded images.
    MEDIA_STORAGE_DIR: withDefault('.data/media', z.string()),
    DONATION_CURRENCY: z.preprocess(
      (value) => (typeof value === 'string' && value !== '' ? value.toUpperCase() : 'GBP'),
      z.enum(supportedCurrencies, { error: `must be one of ${supportedCurrencies.join(', ')}` }),
    ),
    DONATION_MIN: z.preprocess(
      (value) => (value === '' || value === undefined ? 2 : value),
      wholeAmount,
    ),
    DONATION_MAX: z.preprocess(
      (value) => (value === '' || value === undefined ? 25_000 : value),
      wholeAmount,
    ),
    DONATION_SUGGESTED_ONE_OFF: amountList,
    DONATION_SUGGESTED_MONTHLY: amountList,
    MEMBERSHIP_GRACE_DAYS: z.preprocess(
      (value) => (value === '' || value === undefined ? 7 : value),
      z.coerce.number().int().min(0, 'must be 0 or more').max(60, 'must be at most 60'),
    ),
  })
  .superRefine((value, context) => {
    if (value.DONATION_MIN > value.DONATION_MAX) {
      context.addIssue({
        code: 'custom',
        path: ['DONATION_MIN'],
        message: `must not be above DONATION_MAX (${value.DONATION_MAX})`,
      });
    }
    if (value.NODE_ENV === 'production' && value.DATABASE_URL && !value.AUTH_SECRET) {
      context.addIssue({
        code: 'custom',
        path: ['AUTH_SECRET'],
        message: 'is required in production (generate one with: openssl rand -base64 32)',
      });
    }
    if (
      value.STRIPE_SECRET_KEY &&
      !value.STRIPE_WEBHOOK_SECRET &&
      value.NODE_ENV === 'production'
    ) {
      context.addIssue({
        code: 'custom',
        path: ['STRIPE_WEBHOOK_SECRET'],
        message: 'is required when STRIPE_SECRET_KEY is set, or no donation can be confirmed',
      });
    }
  });

type ParsedEnv = z.infer<typeof envSchema>;

export type Env = ParsedEnv & {
  siteUrl: string;
  /** Whether the web process runs the background jobs itself. */
  jobsInWeb: boolean;
  database: { engine: 'postgres'; url: string } | { engine: 'pglite'; dataDir: string };
};

export class EnvError extends Error {
  constructor(readonly problems: { variable: string; problem: string }[]) {
    super(
      `Invalid environment: ${problems.map((p) => `${p.variable} ${p.problem}`).join('; ')}. ` +
        'Set it in .env or the shell (the README lists every variable).',
    );
    this.name = 'EnvError';
  }
}

export function parseEnv(source: Record<string, string | undefined>): Env {
  const result = envSchema.safeParse(source);
  if (!result.success) {
    throw new EnvError(
      result.error.issues.map((issue) => {
        const variable = String(issue.path[0] ?? 'environment');
        const raw = source[variable];
        const shown = raw === undefined ? 'is missing' : `(got "${redact(variable, raw)}")`;
        const problem = issue.code === 'invalid_type' ? 'is missing' : `${issue.message} ${shown}`;
        return { variable, problem };
      }),
    );
  }
  const value = result.data;
  return {
    ...value,
    jobsInWeb: (value.JOBS ?? (value.DATABASE_URL ? 'worker' : 'web')) === 'web',
    siteUrl: (value.SITE_URL ?? `http://localhost:${value.PORT ?? 3000}`).replace(/\/+$/, ''),
    database: value.DATABASE_URL
      ? { engine: 'postgres', url: value.DATABASE_URL }
      : { engine: 'pglite', dataDir: value.PGLITE_DATA_DIR },
  };
}

function redact(variable: string, raw: string): string {
  if (/SECRET|KEY|PASSWORD|DATABASE_URL|EMAIL_SERVER|REDIS_URL/.test(variable)) {
    return raw.length <= 8 ? '…' : `${raw.slice(0, 6)}…`;
  }
  return raw.length > 60 ? `${raw.slice(0, 57)}…` : raw;
}

let cached: Env | undefined;

export function getEnv(): Env {
  cached ??= parseEnv(process.env);
  return cached;
}
