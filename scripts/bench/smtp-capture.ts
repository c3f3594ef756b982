// An SMTP server that accepts every message and keeps, per recipient, only the Message-IDs it
// received: the header block is read up to the blank line and the body is drained unread, so
// tens of thousands of messages cost a few megabytes.
import { SMTPServer } from 'smtp-server';
import { freePort } from '../lib/next-server';

export interface CaptureTally {
  /** Messages accepted (a 250 to the end of DATA). */
  messages: number;
  /** Message-IDs received, by recipient address, in arrival order. */
  byAddress: Map<string, string[]>;
  firstAt: number;
  lastAt: number;
}

const newTally = (): CaptureTally => ({ messages: 0, byAddress: new Map(), firstAt: 0, lastAt: 0 });

// Headers end at the first empty line; a Message-ID may be folded onto the next line.
function messageIdOf(headers: string): string {
  const match = /^message-id:[ \t]*((?:.*)(?:\r?\n[ \t].*)*)/im.exec(headers);
  return match ? match[1]!.replace(/\r?\n[ \t]+/g, ' ').trim() : '(none)';
}

const headerLimit = 64 * 1024;

export async function startSmtpCapture() {
  let tally = newTally();
  let onMessage: (tally: CaptureTally) => void = () => {};
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS', 'AUTH'],
    logger: false,
    onData(stream, session, callback) {
      let head = '';
      let headDone = false;
      stream.on('data', (chunk: Buffer) => {
        if (headDone) return;
        head += chunk.toString('latin1');
        const end = head.search(/\r?\n\r?\n/);
        if (end >= 0 || head.length > headerLimit) {
          head = end >= 0 ? head.slice(0, end) : head;
          headDone = true;
        }
      });
      // A client gone mid-message: the stream is destroyed, not ended, and nothing is counted.
      stream.on('error', () => {});
      stream.on('end', () => {
        const id = messageIdOf(head);
        const now = performance.now();
        for (const { address } of session.envelope.rcptTo) {
          const ids = tally.byAddress.get(address);
          if (ids) ids.push(id);
          else tally.byAddress.set(address, [id]);
        }
        tally.messages += 1;
        tally.firstAt ||= now;
        tally.lastAt = now;
        onMessage(tally);
        callback();
      });
    },
  });
  // A sender killed mid-conversation resets its connections: expected here, and harmless.
  server.on('error', () => {});
  const port = await freePort();
  await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
  return {
    url: `smtp://127.0.0.1:${port}`,
    /** Starts counting afresh (one issue's run); `listener` hears of every message accepted. */
    reset(listener: (tally: CaptureTally) => void = () => {}): CaptureTally {
      tally = newTally();
      onMessage = listener;
      return tally;
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

export interface CaptureCounts {
  messages: number;
  addresses: number;
  /** Messages beyond the first to the same address. */
  extraByAddress: number;
  /** Messages whose Message-ID had already arrived. */
  extraByMessageId: number;
  /** Addresses that received two or more different Message-IDs. */
  addressesWithTwoIds: number;
  /** Expected addresses that received nothing. */
  missing: number;
  /** Addresses that received mail but were not expected. */
  unexpected: number;
}

export function countCapture(tally: CaptureTally, expected: ReadonlySet<string>): CaptureCounts {
  const ids = new Set<string>();
  let extraByMessageId = 0;
  let addressesWithTwoIds = 0;
  let unexpected = 0;
  for (const [address, received] of tally.byAddress) {
    if (!expected.has(address)) unexpected += 1;
    if (new Set(received).size > 1) addressesWithTwoIds += 1;
    for (const id of received) {
      if (ids.has(id)) extraByMessageId += 1;
      else ids.add(id);
    }
  }
  let missing = 0;
  for (const address of expected) if (!tally.byAddress.has(address)) missing += 1;
  return {
    messages: tally.messages,
    addresses: tally.byAddress.size,
    extraByAddress: tally.messages - tally.byAddress.size,
    extraByMessageId,
    addressesWithTwoIds,
    missing,
    unexpected,
  };
}
