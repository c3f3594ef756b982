import net from 'node:net';

/**
 * A TCP relay in front of a server, which a test closes and opens to stand for that server going
 * down and coming back without touching the server itself (the PostgreSQL server here is shared
 * by other runs). Closed, it drops every open connection and refuses new ones, as a stopped
 * server or a blocked port does.
 */
export interface TcpGate {
  port: number;
  close(): Promise<void>;
  open(): Promise<void>;
  stop(): Promise<void>;
}

export async function startTcpGate(target: { host: string; port: number }): Promise<TcpGate> {
  const sockets = new Set<net.Socket>();
  const server = net.createServer((client) => {
    const upstream = net.connect(target.port, target.host);
    for (const socket of [client, upstream]) {
      sockets.add(socket);
      socket.on('close', () => sockets.delete(socket));
      socket.on('error', () => {
        client.destroy();
        upstream.destroy();
      });
    }
    client.pipe(upstream).pipe(client);
  });
  const listen = (port: number) =>
    new Promise<number>((resolve, reject) => {
      server.once('error', reject);
      server.listen(port, '127.0.0.1', () => {
        server.off('error', reject);
        resolve((server.address() as net.AddressInfo).port);
      });
    });
  const port = await listen(0);
  const close = () =>
    new Promise<void>((resolve) => {
      if (!server.listening) return resolve();
      server.close(() => resolve());
      for (const socket of sockets) socket.destroy();
    });
  return {
    port,
    close,
    async open() {
      if (!server.listening) await listen(port);
    },
    stop: close,
  };
}
