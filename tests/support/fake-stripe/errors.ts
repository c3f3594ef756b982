/** The `error` member of Stripe's error answers. */
export interface StripeErrorBody {
  type:
    | 'invalid_request_error'
    | 'api_error'
    | 'idempotency_error'
    | 'card_error'
    | 'authentication_error';
  message: string;
  param?: string;
  code?: string;
  doc_url?: string;
}

/** An answer of Stripe's error shape; thrown by the handlers and turned into JSON by the server. */
export class StripeApiError extends Error {
  constructor(
    readonly status: number,
    readonly body: StripeErrorBody,
  ) {
    super(body.message);
    this.name = 'StripeApiError';
  }

  toJSON(): { error: StripeErrorBody } {
    return { error: this.body };
  }
}

const docUrl = (code: string) => `https://stripe.com/docs/error-codes/${code.replaceAll('_', '-')}`;

export function invalidRequest(
  message: string,
  options: { param?: string; code?: string; status?: number } = {},
): StripeApiError {
  const body: StripeErrorBody = { type: 'invalid_request_error', message };
  if (options.code) {
    body.code = options.code;
    body.doc_url = docUrl(options.code);
  }
  if (options.param) body.param = options.param;
  return new StripeApiError(options.status ?? 400, body);
}

export const missingParam = (param: string) =>
  invalidRequest(`Missing required param: ${param}.`, { param, code: 'parameter_missing' });

export const unknownParam = (param: string) =>
  invalidRequest(`Received unknown parameter: ${param}`, { param, code: 'parameter_unknown' });

/** Stripe answers 404 for an id in the URL and 400 for an id passed as a parameter. */
export function noSuch(kind: string, id: string, param: string, status: 404 | 400 = 404) {
  return invalidRequest(`No such ${kind}: '${id}'`, { param, code: 'resource_missing', status });
}

export const apiError = () =>
  new StripeApiError(500, {
    type: 'api_error',
    message: 'An unknown error occurred with our servers. Please try again later.',
  });

export function authenticationError(presented: string | null): StripeApiError {
  if (presented === null || presented === '') {
    return invalidRequest(
      "You did not provide an API key. You need to provide your API key in the Authorization header, using Bearer auth (e.g. 'Authorization: Bearer YOUR_SECRET_KEY'). See https://stripe.com/docs/api#authentication for details, or we can help at https://support.stripe.com/.",
      { status: 401 },
    );
  }
  const masked =
    presented.length > 12
      ? `${presented.slice(0, 8)}${'*'.repeat(presented.length - 12)}${presented.slice(-4)}`
      : presented;
  return invalidRequest(`Invalid API Key provided: ${masked}`, { status: 401 });
}

export function unrecognizedUrl(method: string, path: string): StripeApiError {
  return invalidRequest(
    `Unrecognized request URL (${method}: ${path}). Please see https://stripe.com/docs or we can help at https://support.stripe.com/.`,
    { status: 404 },
  );
}

export function idempotencyMismatch(key: string): StripeApiError {
  return new StripeApiError(400, {
    type: 'idempotency_error',
    message: `Keys for idempotent requests can only be used with the same parameters they were first used with. Try using a key other than '${key}' if you meant to execute a different request.`,
  });
}

export function idempotencyOtherEndpoint(key: string, first: string, now: string): StripeApiError {
  return new StripeApiError(400, {
    type: 'idempotency_error',
    message: `Keys for idempotent requests can only be used for the same endpoint they were first used for ('${first}' vs '${now}'). Try using a key other than '${key}' if you meant to execute a different request.`,
  });
}
