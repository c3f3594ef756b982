import fs from 'node:fs';
import { randomBytes } from 'node:crypto';
import { describe, expect, inject, it } from 'vitest';
import { browserPagePerTest } from './chromium';

const baseUrl = inject('baseUrl');
const serverLog = inject('serverLog');
const ui = browserPagePerTest();

type LogRecord = Record<string, unknown>;

function records(): LogRecord[] {
  return fs
    .readFileSync(serverLog, 'utf8')
    .split('\n')
    .filter((line) => line.startsWith('{'))
    .map((line) => JSON.parse(line) as LogRecord);
}

// The server writes a line before it answers, but the line reaches the file through the
// global setup's process, a moment later.
async function waitForRecord(matches: (record: LogRecord) => boolean): Promise<LogRecord> {
  const deadline = Date.now() + 10_000;
  for (;;) {
    const found = records().find(matches);
    if (found) return found;
    if (Date.now() > deadline)
      throw new Error(
        `No such log line in:\n${records()
          .map((r) => JSON.stringify(r))
          .join('\n')}`,
      );
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

describe('the server log', () => {
  it('is JSON lines with a level, a time and a message', async () => {
    await fetch(`${baseUrl}/api/stripe/webhook`, { method: 'POST', body: '{}' });
    await waitForRecord((record) => record.msg === 'stripe webhook');
    const all = records();
    expect(all.length).toBeGreaterThan(0);
    for (const record of all) {
      expect(record).toEqual(
        expect.objectContaining({
          level: expect.any(String),
          time: expect.any(String),
          msg: expect.any(String),
        }),
      );
    }
  });

  it('gives every page response a request id, keeping a well-formed one from a proxy in front', async () => {
    const fresh = await fetch(`${baseUrl}/`);
    expect(fresh.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);

    const passed = await fetch(`${baseUrl}/`, { headers: { 'x-request-id': 'edge-0042.abcdef' } });
    expect(passed.headers.get('x-request-id')).toBe('edge-0042.abcdef');

    const forged = await fetch(`${baseUrl}/`, { headers: { 'x-request-id': '"}, "level": "x' } });
    expect(forged.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('records a failed sign-in with a masked address and never the password', async () => {
    const domain = `logs-${randomBytes(4).toString('hex')}.example`;
    const email = `probe@${domain}`;
    const password = `Unlogged-Quince-${randomBytes(4).toString('hex')}`;
    await ui.page.goto(`${baseUrl}/login`);
    await ui.page.getByLabel('E-mail address', { exact: true }).fill(email);
    await ui.page.getByLabel('Password', { exact: true }).fill(password);
    await ui.page.getByRole('button', { name: 'Log in' }).click();
    await ui.page
      .getByRole('alert')
      .getByText('That e-mail address and password do not match an account.')
      .waitFor();

    const refusal = await waitForRecord(
      (record) => record.msg === 'sign-in refused' && record.email === `p***@${domain}`,
    );
    expect(refusal).toMatchObject({ level: 'info', requestId: expect.any(String) });
    const output = fs.readFileSync(serverLog, 'utf8');
    expect(output).not.toContain(password);
    expect(output).not.toContain(email);
  });

  it('has one line for a webhook with a bad signature, with its outcome and request id', async () => {
    const marker = `cus_${randomBytes(6).toString('hex')}`;
    const response = await fetch(`${baseUrl}/api/stripe/webhook`, {
      method: 'POST',
      headers: { 'stripe-signature': 't=1,v1=0000', 'content-type': 'application/json' },
      body: JSON.stringify({
        id: 'evt_forged',
        type: 'checkout.session.completed',
        customer: marker,
      }),
    });
    expect(response.status).toBe(400);
    const requestId = response.headers.get('x-request-id');
    expect(requestId).toMatch(/^[0-9a-f-]{36}$/);

    const line = await waitForRecord(
      (record) => record.msg === 'stripe webhook' && record.requestId === requestId,
    );
    expect(line).toMatchObject({ level: 'warn', outcome: 'bad-signature', status: 400 });
    expect(records().filter((record) => record.requestId === requestId)).toHaveLength(1);
    expect(fs.readFileSync(serverLog, 'utf8')).not.toContain(marker);
  });
});
