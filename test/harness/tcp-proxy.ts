import { Server, Socket, createConnection, createServer } from 'node:net';

export interface TcpProxy {
  port: number;
  /** Bytes from clients are held this long before they go on (0: straight through). */
  delayMs: number;
  /** Called with the first bytes of every chunk a client sends (to see what is under way). */
  onClientData?: (head: string) => void;
  close(): Promise<void>;
}

/**
 * A real TCP hop in front of a service, that can slow a client's requests down: the way to
 * make one worker lose a race deterministically, without mocking the service behind it.
 */
export async function startTcpProxy(targetPort: number): Promise<TcpProxy> {
  const sockets = new Set<Socket>();
  const proxy: TcpProxy = {
    port: 0,
    delayMs: 0,
    close: async () => {
      for (const socket of sockets) socket.destroy();
      await new Promise((resolve) => server.close(resolve));
    },
  };
  const server: Server = createServer((client) => {
    const upstream = createConnection({ port: targetPort, host: '127.0.0.1' });
    sockets.add(client).add(upstream);
    client.on('data', (chunk) => {
      proxy.onClientData?.(chunk.subarray(0, 200).toString('latin1'));
      if (proxy.delayMs === 0) upstream.write(chunk);
      else setTimeout(() => upstream.writable && upstream.write(chunk), proxy.delayMs);
    });
    upstream.on('data', (chunk) => client.writable && client.write(chunk));
    const end = () => {
      client.destroy();
      upstream.destroy();
    };
    client.on('close', end).on('error', end);
    upstream.on('close', end).on('error', end);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  proxy.port = (server.address() as { port: number }).port;
  return proxy;
}
