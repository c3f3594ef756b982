import http from 'node:http';
import type { AddressInfo } from 'node:net';
import Stripe from 'stripe';
import { handleApi } from './api';
import { handleControl } from './control';
import {
  apiError,
  authenticationError,
  idempotencyMismatch,
  idempotencyOtherEndpoint,
  invalidRequest,
  StripeApiError,
} from './errors';
import { canonicalParams, decodeForm, decodeQuery, type Params } from './form-body';
import { handleHostedPage } from './hosted-pages';
import { newId } from './ids';
import { attemptDelivery, DeliveryQueue, type DeliverySchedule } from './delivery-queue';
import { FakeState } from './state';
import { postEvent, type DeliverOptions, type Delivery } from './webhooks';

export type Mode = 'ok' | 'error' | 'down';

/** One request to the API, as the server saw and answered it (status 0: no answer was sent). */
export interface RecordedRequest {
  method: string;
  path: string;
  params: Record<string, unknown>;
  idempotencyKey: string | null;
  status: number;
}

interface StoredAnswer {
  endpoint: string;
  params: string;
  status: number;
  body: string;
  requestId: string;
}

const maxBody = 1024 * 1024;

/** The HTTP side of the fake: Stripe's API under /v1, hosted pages, and test controls. */
export class FakeServer {
  mode: Mode = 'ok';
  webhookUrl: string | undefined;
  readonly requests: RecordedRequest[] = [];
  readonly deliveries: Delivery[] = [];
  readonly queue: DeliveryQueue;
  private stateValue: FakeState | undefined;
  private readonly server = http.createServer((request, response) => {
    this.onRequest(request, response).catch((error: unknown) => {
      console.error('fake Stripe: unexpected failure', error);
      if (!response.headersSent) response.writeHead(500, { 'Content-Type': 'text/plain' });
      response.end('fake Stripe failed; see the log');
    });
  });
  private readonly idempotent = new Map<string, StoredAnswer>();

  constructor(
    readonly secretKey: string,
    readonly webhookSecret: string,
    webhookUrl: string | undefined,
    schedule?: DeliverySchedule,
  ) {
    this.webhookUrl = webhookUrl;
    this.queue = new DeliveryQueue(this.deliveries, () => this.webhookSecret, schedule);
    // Each request closes its connection, so close() never waits on an idle keep-alive socket.
    this.server.keepAliveTimeout = 1;
  }

  get state(): FakeState {
    if (!this.stateValue) throw new Error('the fake Stripe server is not listening yet');
    return this.stateValue;
  }

  async listen(port: number): Promise<string> {
    await new Promise<void>((resolve, reject) => {
      this.server.once('error', reject);
      this.server.listen(port, '127.0.0.1', () => {
        this.server.off('error', reject);
        resolve();
      });
    });
    const address = this.server.address() as AddressInfo;
    const url = `http://127.0.0.1:${address.port}`;
    this.stateValue = new FakeState(url);
    return url;
  }

  async close(): Promise<void> {
    await this.queue.close();
    await new Promise<void>((resolve) => {
      this.server.close(() => resolve());
      this.server.closeAllConnections();
    });
  }

  async deliver(event: Stripe.Event, options: DeliverOptions = {}): Promise<Response> {
    const url = options.to ?? this.webhookUrl;
    if (!url) throw new Error('fake Stripe: no webhook URL; pass `to` or call setWebhookUrl');
    return postEvent(event, url, options.secret ?? this.webhookSecret, { tamper: options.tamper });
  }

  /** Queues events for delivery as Stripe sends them (see DeliveryQueue); nowhere to send, no-op. */
  send(events: Stripe.Event[], options: { to?: string } = {}): void {
    const url = options.to ?? this.webhookUrl;
    if (url && events.length > 0) this.queue.send(events, url);
  }

  /**
   * Sends events one after another, once each, waiting for each answer, and returns the HTTP
   * statuses: for tests that need exact control of what arrives when. With `tolerant`, a failed
   * connection counts as status 0 instead of throwing.
   */
  async deliverInOrder(
    events: Stripe.Event[],
    options: { to?: string; tolerant?: boolean } = {},
  ): Promise<number[]> {
    const url = options.to ?? this.webhookUrl;
    if (!url) {
      if (options.tolerant) return [];
      throw new Error('fake Stripe: no webhook URL; pass `to` or call setWebhookUrl');
    }
    const statuses: number[] = [];
    for (const event of events) {
      const startedAt = Date.now();
      const { status, error } = await attemptDelivery(
        event,
        url,
        this.webhookSecret,
        this.queue.schedule.timeoutMs,
      );
      this.deliveries.push({
        eventId: event.id,
        type: event.type,
        url,
        status,
        attempt: 1,
        startedAt,
        finishedAt: Date.now(),
        error,
        nextAttemptAt: null,
      });
      if (error && !options.tolerant) {
        throw new Error(`fake Stripe: could not deliver ${event.type} to ${url}: ${error}`);
      }
      statuses.push(status);
    }
    return statuses;
  }

  private async onRequest(request: http.IncomingMessage, response: http.ServerResponse) {
    const url = new URL(request.url ?? '/', 'http://127.0.0.1');
    const method = (request.method ?? 'GET').toUpperCase();
    const body = await readBody(request);
    response.setHeader('Connection', 'close');
    if (url.pathname === '/v1' || url.pathname.startsWith('/v1/')) {
      return this.onApiRequest(request, response, method, url, body);
    }
    if (url.pathname.startsWith('/__control/')) {
      let json: Record<string, unknown> = {};
      try {
        const parsed: unknown = body ? JSON.parse(body) : {};
        if (parsed && typeof parsed === 'object' && !Array.isArray(parsed)) {
          json = parsed as Record<string, unknown>;
        }
      } catch {
        return sendJson(response, 400, { error: { message: 'The body must be JSON.' } });
      }
      const answer = await handleControl(
        {
          state: this.state,
          send: (events) => this.send(events),
          deliverNow: (events) => this.deliverInOrder(events, { tolerant: true }),
          idle: () => this.queue.idle(),
          deliveries: () => ({ pending: this.queue.size, deliveries: this.deliveries }),
          schedule: () => this.queue.schedule,
          setSchedule: (changes) => {
            this.queue.schedule = { ...this.queue.schedule, ...changes };
            return this.queue.schedule;
          },
          setMode: (mode) => {
            this.mode = mode;
          },
        },
        method,
        url.pathname,
        json,
      );
      return sendJson(response, answer.status, answer.body);
    }
    const answer = handleHostedPage(
      { state: this.state, send: (events) => this.send(events) },
      method,
      url.pathname,
      new URLSearchParams(body),
    );
    if (!answer) {
      response.writeHead(404, { 'Content-Type': 'text/plain; charset=utf-8' });
      response.end('Not found');
      return;
    }
    const headers: Record<string, string> = {};
    if (answer.location) headers.Location = answer.location;
    if (answer.html) headers['Content-Type'] = 'text/html; charset=utf-8';
    response.writeHead(answer.status, headers);
    response.end(answer.html ?? '');
  }

  private onApiRequest(
    request: http.IncomingMessage,
    response: http.ServerResponse,
    method: string,
    url: URL,
    body: string,
  ): void {
    const idempotencyKey = header(request, 'idempotency-key');
    const record: RecordedRequest = {
      method,
      path: url.pathname,
      params: {},
      idempotencyKey,
      status: 0,
    };
    this.requests.push(record);
    let params: Params | StripeApiError;
    try {
      params =
        method === 'GET' || method === 'DELETE'
          ? decodeQuery(url.search)
          : { ...decodeQuery(url.search), ...decodeForm(body) };
      record.params = params;
    } catch (error) {
      if (!(error instanceof StripeApiError)) throw error;
      params = error;
    }
    if (this.mode === 'down') {
      request.socket.destroy();
      return;
    }
    const requestId = newId('req_');
    const answer = (status: number, json: string, extra: Record<string, string> = {}) => {
      record.status = status;
      response.writeHead(status, {
        'Content-Type': 'application/json',
        'Request-Id': requestId,
        'Stripe-Version': Stripe.API_VERSION,
        ...(idempotencyKey && method === 'POST' ? { 'Idempotency-Key': idempotencyKey } : {}),
        ...extra,
      });
      response.end(json);
    };
    const fail = (error: StripeApiError) => answer(error.status, JSON.stringify(error, null, 2));

    if (params instanceof StripeApiError) return fail(params);
    if (this.mode === 'error') return fail(apiError());
    const auth = authorization(request);
    if (auth !== this.secretKey) return fail(authenticationError(auth));
    const version = header(request, 'stripe-version');
    if (version !== null && version !== Stripe.API_VERSION) {
      return fail(
        invalidRequest(
          `Invalid Stripe API version: ${version}. This fake speaks only ${Stripe.API_VERSION}, the version the installed SDK is pinned to.`,
          { param: 'Stripe-Version' },
        ),
      );
    }

    const endpoint = `${method} ${url.pathname}`;
    const canonical = canonicalParams(params);
    if (idempotencyKey !== null && method === 'POST') {
      const stored = this.idempotent.get(idempotencyKey);
      if (stored) {
        if (stored.endpoint !== endpoint) {
          return fail(idempotencyOtherEndpoint(idempotencyKey, stored.endpoint, endpoint));
        }
        if (stored.params !== canonical) return fail(idempotencyMismatch(idempotencyKey));
        return answer(stored.status, stored.body, {
          'Idempotent-Replayed': 'true',
          'Original-Request': stored.requestId,
        });
      }
    }

    let result: ReturnType<typeof handleApi>;
    try {
      result = handleApi({
        state: this.state,
        method,
        path: url.pathname,
        params,
        request: { id: requestId, idempotency_key: idempotencyKey },
      });
    } catch (error) {
      if (error instanceof StripeApiError) return fail(error);
      throw error;
    }
    const json = JSON.stringify(result.body, null, 2);
    // Stripe keeps an answer for a key only once the request has run; refusals are not kept.
    if (idempotencyKey !== null && method === 'POST') {
      this.idempotent.set(idempotencyKey, {
        endpoint,
        params: canonical,
        status: 200,
        body: json,
        requestId,
      });
    }
    answer(200, json);
    // Stripe sends webhooks for API changes on its own time, not within the request.
    this.send(result.events);
  }
}

function header(request: http.IncomingMessage, name: string): string | null {
  const value = request.headers[name];
  return (Array.isArray(value) ? value[0] : value) ?? null;
}

/** The key from `Authorization: Bearer sk_…`, or from Basic auth with the key as user name. */
function authorization(request: http.IncomingMessage): string | null {
  const value = header(request, 'authorization');
  if (!value) return null;
  const [scheme, credentials = ''] = value.split(' ', 2);
  if (scheme?.toLowerCase() === 'bearer') return credentials.trim();
  if (scheme?.toLowerCase() === 'basic') {
    return Buffer.from(credentials, 'base64').toString('utf8').split(':', 1)[0] ?? '';
  }
  return value;
}

async function readBody(request: http.IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of request) {
    const buffer = chunk as Buffer;
    size += buffer.length;
    if (size > maxBody) throw new Error('request body too large');
    chunks.push(buffer);
  }
  return Buffer.concat(chunks).toString('utf8');
}

function sendJson(response: http.ServerResponse, status: number, body: unknown): void {
  response.writeHead(status, { 'Content-Type': 'application/json' });
  response.end(JSON.stringify(body, null, 2));
}
