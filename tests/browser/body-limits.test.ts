import fs from 'node:fs';
import net from 'node:net';
import { describe, expect, inject, it } from 'vitest';

const baseUrl = new URL(inject('baseUrl'));
const serverLog = inject('serverLog');
// The webhook's limit (app/api/stripe/webhook/route.ts): Stripe's events are a few kilobytes.
const limit = 512 * 1024;

interface RawConnection {
  socket: net.Socket;
  /** Everything the server has sent so far. */
  received(): string;
  /** Resolves with what the server sent once its answer's head is in, or rejects after `ms`. */
  answerHead(ms: number): Promise<string>;
  /** Resolves once the server has closed the connection, or rejects after `ms`. */
  closedByServer(ms: number): Promise<void>;
}

/** A raw connection to the server, as a client that controls every byte it sends. */
function connect(): Promise<RawConnection> {
  return new Promise((resolve, reject) => {
    const socket = net.connect(Number(baseUrl.port), baseUrl.hostname);
    let data = '';
    let ended = false;
    socket.on('data', (chunk: Buffer) => (data += chunk.toString('latin1')));
    socket.on('end', () => (ended = true));
    socket.on('close', () => (ended = true));
    // Writes after the server refused may meet a reset: that is the server's right.
    socket.on('error', () => (ended = true));
    const within = (ms: number, done: () => boolean, what: string) =>
      new Promise<void>((settle, fail) => {
        const deadline = Date.now() + ms;
        const check = () => {
          if (done()) return settle();
          if (Date.now() > deadline) return fail(new Error(`${what} within ${ms} ms`));
          setTimeout(check, 20);
        };
        check();
      });
    socket.once('connect', () =>
      resolve({
        socket,
        received: () => data,
        answerHead: async (ms) => {
          await within(ms, () => data.includes('\r\n\r\n'), 'no answer');
          return data;
        },
        closedByServer: (ms) => within(ms, () => ended, 'the connection was not closed'),
      }),
    );
    socket.once('error', reject);
  });
}

function head(lines: string[], path = '/api/stripe/webhook'): string {
  return [
    `POST ${path} HTTP/1.1`,
    `Host: ${baseUrl.host}`,
    'Content-Type: application/json',
    'Stripe-Signature: t=1,v1=0000',
    ...lines,
    '',
    '',
  ].join('\r\n');
}

/** Sends a chunked body that passes `limit` by a little and never ends. */
function sendPast(connection: RawConnection, limit: number) {
  const chunk = Buffer.alloc(64 * 1024, 'a');
  for (let sent = 0; sent <= limit; sent += chunk.length) {
    connection.socket.write(`${chunk.length.toString(16)}\r\n`);
    connection.socket.write(chunk);
    connection.socket.write('\r\n');
  }
}

const statusOf = (answer: string) => Number(/^HTTP\/1\.1 (\d{3})/.exec(answer)?.[1]);
const headerOf = (answer: string, name: string) =>
  new RegExp(`^${name}: *(.*)$`, 'im').exec(answer.split('\r\n\r\n')[0]!)?.[1]?.trim();

function tooLargeLines(): Record<string, unknown>[] {
  return fs
    .readFileSync(serverLog, 'utf8')
    .split('\n')
    .filter((line) => line.startsWith('{'))
    .map((line) => JSON.parse(line) as Record<string, unknown>)
    .filter((record) => record.msg === 'stripe webhook' && record.outcome === 'too-large');
}

describe('the Stripe webhook refuses a body too large to be an event', () => {
  it('answers 413 to a declared length over the limit at once, without waiting for the body', async () => {
    const logged = tooLargeLines().length;
    const connection = await connect();
    // Headers that promise 20 MB, and not one byte of it.
    connection.socket.write(head([`Content-Length: ${20 * 1024 * 1024}`]));
    const answer = await connection.answerHead(3_000);
    expect(statusOf(answer)).toBe(413);
    // It does not keep the connection to read and throw away the 20 MB it was promised.
    expect(headerOf(answer, 'connection')).toBe('close');
    await connection.closedByServer(3_000);
    await expect.poll(() => tooLargeLines().length).toBe(logged + 1);
    expect(tooLargeLines().at(-1)).toMatchObject({ level: 'warn', status: 413 });
  });

  it('stops reading a chunked body as soon as it passes the limit', async () => {
    const connection = await connect();
    connection.socket.write(head(['Transfer-Encoding: chunked']));
    // Past the limit by a little, and the body never ends: only counting can refuse it.
    sendPast(connection, limit);
    const answer = await connection.answerHead(3_000);
    expect(statusOf(answer)).toBe(413);
    expect(headerOf(answer, 'connection')).toBe('close');
    await connection.closedByServer(3_000);
  });

  it('reads a chunked body within the limit whole, and checks its signature', async () => {
    const connection = await connect();
    connection.socket.write(head(['Transfer-Encoding: chunked']));
    const body = JSON.stringify({ id: 'evt_unsigned', padding: 'x'.repeat(100_000) });
    for (let at = 0; at < body.length; at += 30_000) {
      const piece = body.slice(at, at + 30_000);
      connection.socket.write(`${Buffer.byteLength(piece).toString(16)}\r\n${piece}\r\n`);
    }
    connection.socket.write('0\r\n\r\n');
    const answer = await connection.answerHead(5_000);
    expect(statusOf(answer)).toBe(400);
    await expect.poll(() => connection.received()).toContain('"outcome":"bad-signature"');
    connection.socket.destroy();
  });
});

describe('the sign-in routes refuse a body larger than any of their forms', () => {
  const signIn = '/api/auth/callback/credentials';
  // The limit in app/api/auth/[...nextauth]/route.ts.
  const authLimit = 16 * 1024;

  it('answers 413 to a declared 20 MB at once, and closes the connection', async () => {
    const connection = await connect();
    connection.socket.write(head([`Content-Length: ${20 * 1024 * 1024}`], signIn));
    const answer = await connection.answerHead(3_000);
    expect(statusOf(answer)).toBe(413);
    expect(headerOf(answer, 'connection')).toBe('close');
    await connection.closedByServer(3_000);
  });

  it('stops reading a chunked body past the limit', async () => {
    const connection = await connect();
    connection.socket.write(head(['Transfer-Encoding: chunked'], '/api/auth/signout'));
    sendPast(connection, authLimit);
    const answer = await connection.answerHead(3_000);
    expect(statusOf(answer)).toBe(413);
    await connection.closedByServer(3_000);
  });

  it('still hands a small form to Auth.js, which refuses it for its missing CSRF token', async () => {
    const response = await fetch(new URL(signIn, baseUrl), {
      method: 'POST',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
      body: 'email=someone%40example.org&password=not-the-password',
      redirect: 'manual',
    });
    expect(response.status).toBe(302);
    expect(response.headers.get('location')).toContain('error=MissingCSRF');
  });
});
