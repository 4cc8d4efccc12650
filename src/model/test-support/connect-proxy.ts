import { createServer, type Server } from 'node:http';
import { connect, type AddressInfo, type Socket } from 'node:net';
import type { FakeServer } from './fake-http-server.js';

/** A running CONNECT proxy and the tunnels it opened (`host:port`). */
export interface TestProxy {
  url: string;
  tunnels: string[];
  close(): Promise<void>;
}

/** Starts an HTTP proxy on 127.0.0.1 that tunnels every CONNECT, whatever host it names, to `target` (a host only the proxy can reach). */
export async function startConnectProxy(target: FakeServer): Promise<TestProxy> {
  const tunnels: string[] = [];
  const sockets = new Set<Socket>();
  const server: Server = createServer((_request, response) => {
    response.writeHead(405).end();
  });
  server.on('connect', (request, client: Socket) => {
    tunnels.push(request.url ?? '');
    const port = Number(new URL(target.origin).port);
    const upstream = connect(port, '127.0.0.1', () => {
      client.write('HTTP/1.1 200 Connection Established\r\n\r\n');
      upstream.pipe(client);
      client.pipe(upstream);
    });
    for (const socket of [client, upstream]) {
      sockets.add(socket);
      socket.on('error', () => undefined);
      socket.on('close', () => sockets.delete(socket));
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    tunnels,
    close: () => new Promise<void>((resolve) => {
      for (const socket of sockets) socket.destroy();
      server.close(() => resolve());
    }),
  };
}
