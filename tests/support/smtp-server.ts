import { simpleParser, type ParsedMail } from 'mailparser';
import { SMTPServer } from 'smtp-server';
import { freePort } from '../../scripts/lib/next-server';

/**
 * A real SMTP server on a port of its own that can go down (nothing listens: connection refused)
 * and come back on the same port, keeping every message it accepted. Addresses in `refuse` are
 * turned away for good (550), as a server does for a mailbox that does not exist.
 */
export async function smtpServerForThisFile(options: { refuse?: string[] } = {}) {
  const port = await freePort();
  const received: ParsedMail[] = [];
  let server: SMTPServer | undefined;

  async function up() {
    if (server) return;
    server = new SMTPServer({
      authOptional: true,
      disabledCommands: ['STARTTLS', 'AUTH'],
      logger: false,
      onRcptTo(address, _session, callback) {
        if (!options.refuse?.includes(address.address)) return callback();
        callback(Object.assign(new Error('No such mailbox'), { responseCode: 550 }));
      },
      onData(stream, _session, callback) {
        simpleParser(stream).then((mail) => {
          received.push(mail);
          callback();
        }, callback);
      },
    });
    await new Promise<void>((resolve) => server!.listen(port, '127.0.0.1', resolve));
  }

  async function down() {
    const stopping = server;
    server = undefined;
    if (stopping) await new Promise<void>((resolve) => stopping.close(resolve));
  }

  /** The messages received for one address. */
  const to = (address: string) =>
    received.filter((mail) =>
      [mail.to].flat().some((field) => field?.value.some((entry) => entry.address === address)),
    );

  return { url: `smtp://127.0.0.1:${port}`, received, to, up, down };
}
