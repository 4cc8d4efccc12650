import net from 'node:net';
import { afterAll, beforeAll } from 'vitest';

/** A TCP listener on 127.0.0.1 that counts connections: proof that sandboxed code reached (or did not reach) the host. */
export interface ConnectionCounter {
  readonly port: number;
  readonly connections: number;
}

/** Starts the counter before the enclosing suite's tests and closes it after them. */
export function useConnectionCounter(): ConnectionCounter {
  let server: net.Server;
  const state = { port: 0, connections: 0 };
  beforeAll(async () => {
    server = net.createServer((socket) => {
      state.connections++;
      socket.destroy();
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    state.port = (server.address() as net.AddressInfo).port;
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));
  return state;
}
