import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { createServer, type AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { simpleParser, type AddressObject, type ParsedMail } from 'mailparser';
import { SMTPServer } from 'smtp-server';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';

const savedEnv = { ...process.env };
let logDir: string;

beforeAll(async () => {
  logDir = await mkdtemp(path.join(tmpdir(), 'northgate-mail-'));
});

afterEach(async () => {
  vi.restoreAllMocks();
  for (const key of Object.keys(process.env)) if (!(key in savedEnv)) delete process.env[key];
  Object.assign(process.env, savedEnv);
  await rm(logDir, { recursive: true, force: true });
});

afterAll(async () => {
  (await import('@/lib/email/transport')).closeSmtpTransport();
});

// getEnv() caches per module instance: set the environment, then import afresh.
async function loadEmail(vars: Record<string, string | undefined> = {}) {
  const env: Record<string, string | undefined> = {
    NODE_ENV: 'test',
    DATABASE_URL: undefined,
    SITE_URL: 'https://think.example',
    SITE_NAME: undefined,
    EMAIL_SERVER: undefined,
    EMAIL_FROM: undefined,
    EMAIL_LOG_DIR: logDir,
    ...vars,
  };
  for (const [key, value] of Object.entries(env)) {
    if (value === undefined) delete process.env[key];
    else process.env[key] = value;
  }
  vi.resetModules();
  return {
    ...(await import('@/lib/email/send')),
    ...(await import('@/lib/email/render')),
    ...(await import('@/lib/email/transport')),
  };
}

interface Received {
  mail: ParsedMail;
  envelope: { from: string; to: string[] };
}

async function startSmtpServer(credentials?: { user: string; pass: string }) {
  const received: Received[] = [];
  const server = new SMTPServer({
    secure: false,
    // Plain smtp:// on loopback: no STARTTLS offer, so nodemailer sends in the clear.
    disabledCommands: credentials ? ['STARTTLS'] : ['STARTTLS', 'AUTH'],
    authOptional: !credentials,
    allowInsecureAuth: true,
    logger: false,
    onAuth(auth, _session, callback) {
      if (auth.username === credentials?.user && auth.password === credentials?.pass) {
        callback(null, { user: auth.username });
      } else {
        // Echoes the password, as a careless server might, to prove it is redacted.
        callback(new Error(`Invalid login for ${auth.username}/${auth.password}`));
      }
    },
    onRcptTo(address, _session, callback) {
      if (!address.address.startsWith('nobody@')) return callback();
      // What a server answers for a mailbox that does not exist, or for a message it will
      // never take.
      callback(Object.assign(new Error('No such user here'), { responseCode: 550 }));
    },
    onData(stream, session, callback) {
      simpleParser(stream).then((mail) => {
        const { mailFrom, rcptTo } = session.envelope;
        const from = mailFrom ? mailFrom.address : '';
        received.push({ mail, envelope: { from, to: rcptTo.map((r) => r.address) } });
        callback();
      }, callback);
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.server.address() as AddressInfo;
  return { port, received, close: () => new Promise<void>((resolve) => server.close(resolve)) };
}

async function unusedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

const addresses = (field: AddressObject | AddressObject[] | undefined) =>
  [field ?? []].flat().flatMap((object) => object.value);

const content = {
  heading: 'Confirm <your> address',
  paragraphs: ['Tom & Jerry said "hi" <script>alert(1)</script>'],
  action: { label: 'Confirm & continue', url: 'https://think.example/verify?token=a1&b=2' },
  code: '482 913',
  footer: 'You asked to join <Northgate>.',
};

describe('renderEmail', () => {
  it('escapes every string in the HTML part and keeps it verbatim in the text part', async () => {
    const { renderEmail } = await loadEmail();
    const { text, html } = renderEmail(content);
    expect(html).toContain('<html lang="en-GB">');
    expect(html).toContain('Confirm &lt;your&gt; address');
    expect(html).toContain('Tom &amp; Jerry said &quot;hi&quot; &lt;script&gt;');
    expect(html).not.toContain('<script>');
    expect(html).toContain('You asked to join &lt;Northgate&gt;.');
    expect(text).toContain('Tom & Jerry said "hi" <script>alert(1)</script>');
    expect(text).toContain('You asked to join <Northgate>.');
  });

  it('puts the action URL in both parts, the code in large monospace and the site name last', async () => {
    const { renderEmail } = await loadEmail({ SITE_NAME: 'Policy & Co' });
    const { text, html } = renderEmail(content);
    expect(text).toContain('Confirm & continue:\nhttps://think.example/verify?token=a1&b=2');
    expect(html).toContain('href="https://think.example/verify?token=a1&amp;b=2"');
    expect(html).toMatch(/<p style="[^"]*monospace[^"]*">482 913<\/p>/);
    expect(html).toMatch(/font:bold 32px/);
    expect(text.trimEnd().split('\n').at(-1)).toBe('Policy & Co · https://think.example');
    expect(html).toContain('>Policy &amp; Co</a>');
    expect(html).not.toMatch(/<style|class=/);
  });

  it('refuses a link that would not work in a mail client', async () => {
    const { renderEmail } = await loadEmail();
    for (const url of ['/verify?token=1', 'javascript:alert(1)']) {
      expect(() =>
        renderEmail({ heading: 'x', paragraphs: [], action: { label: 'Go', url } }),
      ).toThrow(/absolute http\(s\) URLs/);
    }
  });
});

describe('smtpOptionsFromUrl', () => {
  it('reads host, port, TLS mode and percent-encoded credentials, with short timeouts', async () => {
    const { smtpOptionsFromUrl } = await loadEmail();
    const options = smtpOptionsFromUrl('smtp://me%40think.example:p%3Ass%2Fw@mail.example:2525');
    expect(options).toMatchObject({
      host: 'mail.example',
      port: 2525,
      secure: false,
      auth: { user: 'me@think.example', pass: 'p:ss/w' },
    });
    expect(options.connectionTimeout).toBeLessThanOrEqual(10_000);
    expect(options.greetingTimeout).toBeLessThanOrEqual(10_000);
    expect(options.socketTimeout).toBeLessThanOrEqual(60_000);
    expect(smtpOptionsFromUrl('smtps://mail.example')).toMatchObject({ port: 465, secure: true });
    expect(smtpOptionsFromUrl('smtp://mail.example').port).toBe(587);
    expect(smtpOptionsFromUrl('smtp://mail.example?ignoreTLS=true').ignoreTLS).toBe(true);
  });

  it('rejects parameters it does not understand', async () => {
    const { smtpOptionsFromUrl, EmailDeliveryError } = await loadEmail();
    expect(() => smtpOptionsFromUrl('smtp://mail.example?pool=true')).toThrow(EmailDeliveryError);
  });
});

describe('sendEmail over SMTP', () => {
  it('sends both parts from the site name at no-reply@ the site host', async () => {
    const server = await startSmtpServer();
    try {
      const { sendEmail, renderEmail } = await loadEmail({
        EMAIL_SERVER: `smtp://127.0.0.1:${server.port}`,
      });
      const result = await sendEmail({
        to: 'reader@example.org',
        subject: 'Confirm your address',
        replyTo: 'editors@think.example',
        ...renderEmail(content),
      });
      expect(result.delivery).toBe('smtp');
      expect(result.id).toMatch(/^<.+@.+>$/);

      expect(server.received).toHaveLength(1);
      const { mail, envelope } = server.received[0]!;
      expect(envelope).toEqual({ from: 'no-reply@think.example', to: ['reader@example.org'] });
      expect(addresses(mail.from)).toEqual([
        { name: 'Northgate Institute', address: 'no-reply@think.example' },
      ]);
      expect(addresses(mail.to).map((a) => a.address)).toEqual(['reader@example.org']);
      expect(addresses(mail.replyTo).map((a) => a.address)).toEqual(['editors@think.example']);
      expect(mail.subject).toBe('Confirm your address');
      expect(mail.messageId).toBe(result.id);
      expect(mail.text).toContain('Tom & Jerry said "hi" <script>alert(1)</script>');
      expect(mail.text).toContain('https://think.example/verify?token=a1&b=2');
      expect(mail.html).toContain('Tom &amp; Jerry said &quot;hi&quot; &lt;script&gt;');
      expect(mail.html).not.toContain('<script>');
    } finally {
      await server.close();
    }
  });

  it('uses EMAIL_FROM when set, and one transport per server URL across module reloads', async () => {
    const server = await startSmtpServer();
    try {
      const serverUrl = `smtp://127.0.0.1:${server.port}`;
      const first = await loadEmail({
        EMAIL_SERVER: serverUrl,
        EMAIL_FROM: 'Desk <desk@think.example>',
      });
      await first.sendEmail({
        to: 'a@example.org',
        subject: 'One',
        text: 'One',
        html: '<p>One</p>',
      });
      const second = await loadEmail({ EMAIL_SERVER: serverUrl });
      expect(second.getSmtpTransport(serverUrl)).toBe(first.getSmtpTransport(serverUrl));

      expect(addresses(server.received[0]?.mail.from)).toEqual([
        { name: 'Desk', address: 'desk@think.example' },
      ]);
    } finally {
      await server.close();
    }
  });

  it('logs in with the credentials in EMAIL_SERVER', async () => {
    const server = await startSmtpServer({ user: 'mailer', pass: 's3cret:pa/ss' });
    try {
      const { sendEmail } = await loadEmail({
        EMAIL_SERVER: `smtp://mailer:s3cret%3Apa%2Fss@127.0.0.1:${server.port}`,
      });
      const result = await sendEmail({
        to: 'a@example.org',
        subject: 'Hi',
        text: 'Hi',
        html: 'Hi',
      });
      expect(result.delivery).toBe('smtp');
      expect(server.received).toHaveLength(1);
    } finally {
      await server.close();
    }
  });

  it('reports a refused login without the password', async () => {
    const server = await startSmtpServer({ user: 'mailer', pass: 'right-password' });
    try {
      const { sendEmail, EmailDeliveryError } = await loadEmail({
        EMAIL_SERVER: `smtp://mailer:wrong-password@127.0.0.1:${server.port}`,
      });
      const error = await sendEmail({
        to: 'a@example.org',
        subject: 'x',
        text: 'x',
        html: 'x',
      }).then(
        () => undefined,
        (caught: unknown) => caught,
      );
      expect(error).toBeInstanceOf(EmailDeliveryError);
      const { message, code, permanent } = error as InstanceType<typeof EmailDeliveryError>;
      expect(code).toBe('EAUTH');
      // Fixing the credentials makes it work again, so the e-mail is worth retrying.
      expect(permanent).toBe(false);
      expect(message).toContain(`127.0.0.1:${server.port}`);
      expect(message).toContain('[redacted]');
      expect(message).not.toContain('wrong-password');
      expect(server.received).toHaveLength(0);
    } finally {
      await server.close();
    }
  });

  it('reports a refused recipient as permanent: sending it again cannot help', async () => {
    const server = await startSmtpServer();
    try {
      const { sendEmail, EmailDeliveryError } = await loadEmail({
        EMAIL_SERVER: `smtp://127.0.0.1:${server.port}`,
      });
      const sending = sendEmail({ to: 'nobody@example.org', subject: 'x', text: 'x', html: 'x' });
      await expect(sending).rejects.toThrow(EmailDeliveryError);
      await expect(sending).rejects.toMatchObject({ code: 'EENVELOPE', permanent: true });
      await expect(sending).rejects.toThrow('550');
      expect(server.received).toHaveLength(0);
    } finally {
      await server.close();
    }
  });

  it('fails fast with EmailDeliveryError when nothing listens', async () => {
    const port = await unusedPort();
    const { sendEmail, EmailDeliveryError } = await loadEmail({
      EMAIL_SERVER: `smtp://user:hunter22@127.0.0.1:${port}`,
    });
    const started = Date.now();
    const sending = sendEmail({ to: 'a@example.org', subject: 'x', text: 'x', html: 'x' });
    await expect(sending).rejects.toThrow(EmailDeliveryError);
    await expect(sending).rejects.toThrow(`127.0.0.1:${port}`);
    await expect(sending).rejects.not.toThrow('hunter22');
    await expect(sending).rejects.toMatchObject({ permanent: false });
    expect(Date.now() - started).toBeLessThan(5_000);
  });
});

describe('sendEmail without EMAIL_SERVER', () => {
  async function deliverToLog(vars: Record<string, string | undefined> = {}) {
    const log = vi.spyOn(console, 'info').mockImplementation(() => {});
    const { sendEmail, renderEmail } = await loadEmail(vars);
    const result = await sendEmail({
      to: 'reader@example.org',
      subject: 'Sign in to Northgate: “today”',
      ...renderEmail(content),
    });
    const output = log.mock.calls.map((call) => call.join(' ')).join('\n');
    const files = await readdir(logDir);
    return { result, output, files };
  }

  it('prints the text part to the log and saves the whole message as .eml', async () => {
    const { result, output, files } = await deliverToLog({ SITE_URL: undefined });
    expect(result.delivery).toBe('log');
    expect(output).toContain('To:      reader@example.org');
    expect(output).toContain('Subject: Sign in to Northgate: “today”');
    expect(output).toContain('https://think.example/verify?token=a1&b=2');
    expect(output).toContain('482 913');

    expect(files).toHaveLength(1);
    expect(files[0]).toMatch(
      /^\d{4}-\d\d-\d\dT\d\d-\d\d-\d\d\.\d{3}Z-[0-9a-f]{6}-sign-in-to-northgate-today\.eml$/,
    );
    expect(output).toContain(files[0]);

    const mail = await simpleParser(await readFile(path.join(logDir, files[0]!)));
    expect(mail.messageId).toBe(result.id);
    expect(mail.subject).toBe('Sign in to Northgate: “today”');
    expect(addresses(mail.from)).toEqual([
      { name: 'Northgate Institute', address: 'no-reply@localhost' },
    ]);
    expect(addresses(mail.to).map((a) => a.address)).toEqual(['reader@example.org']);
    expect(mail.text).toContain('https://think.example/verify?token=a1&b=2');
    expect(mail.html).toContain('href="https://think.example/verify?token=a1&amp;b=2"');
    expect(mail.html).toContain('&lt;script&gt;');
  });

  it('still logs in production on the embedded database (the demo)', async () => {
    const { result, files } = await deliverToLog({ NODE_ENV: 'production' });
    expect(result.delivery).toBe('log');
    expect(files).toHaveLength(1);
  });

  it('refuses in production on PostgreSQL', async () => {
    const { sendEmail, EmailDeliveryError } = await loadEmail({
      NODE_ENV: 'production',
      DATABASE_URL: 'postgres://u:p@db.internal:5432/site',
      AUTH_SECRET: 'x'.repeat(32),
    });
    const sending = sendEmail({ to: 'a@example.org', subject: 'x', text: 'x', html: 'x' });
    await expect(sending).rejects.toThrow(EmailDeliveryError);
    await expect(sending).rejects.toThrow('E-mail is not configured: set EMAIL_SERVER');
  });
});
