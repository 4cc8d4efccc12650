import { createServer, type IncomingHttpHeaders, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';

/** One scripted HTTP response the fake server sends, in order, to the requests it receives. */
export interface ScriptedResponse {
  /** HTTP status (default 200). */
  status?: number;
  headers?: Record<string, string>;
  /** A whole body (JSON replies and error bodies). */
  body?: string;
  /** Server-sent events, written one chunk each (`event: …\ndata: …` without the blank line). */
  events?: string[];
  /** Destroys the connection after this many events: a connection dropped mid-stream. */
  dropAfterEvents?: number;
  /** Stops writing after this many events and keeps the connection open: a stalled stream. */
  stallAfterEvents?: number;
  /** Waits this long before sending the headers. */
  delayMs?: number;
}

/** A request as the fake server received it. */
export interface RecordedRequest {
  method: string;
  path: string;
  headers: IncomingHttpHeaders;
  /** The parsed JSON body (undefined when the body is not JSON). */
  body: unknown;
}

/** A running fake server. */
export interface FakeServer {
  /** `http://127.0.0.1:<port>` — the origin, without any path prefix. */
  origin: string;
  /** The base URL a provider is configured with (origin + API prefix, e.g. `/v1`). */
  baseUrl: string;
  requests: RecordedRequest[];
  /** Scripted responses not yet sent. */
  remaining(): number;
  close(): Promise<void>;
}

/** How a wire format answers: the route it serves, how it checks auth, how it shapes errors. */
export interface WireDialect {
  /** API prefix of the base URL, e.g. `/v1`. */
  prefix: string;
  /** Path of the completion endpoint under the prefix, e.g. `/chat/completions`. */
  route: string;
  /** Returns an error response when the request is not authorised, undefined when it is. */
  authorize(headers: IncomingHttpHeaders): ScriptedResponse | undefined;
  /** The body of an error this dialect returns for unknown routes or exhausted scripts. */
  errorBody(status: number, message: string): string;
}

function readBody(request: import('node:http').IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    request.on('error', reject);
  });
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

async function send(response: ServerResponse, scripted: ScriptedResponse): Promise<void> {
  if (scripted.delayMs) await sleep(scripted.delayMs);
  const status = scripted.status ?? 200;
  if (!scripted.events) {
    response.writeHead(status, { 'content-type': 'application/json', ...scripted.headers });
    response.end(scripted.body ?? '');
    return;
  }
  response.writeHead(status, {
    'content-type': 'text/event-stream',
    'cache-control': 'no-cache',
    connection: 'keep-alive',
    ...scripted.headers,
  });
  response.flushHeaders();
  for (const [index, event] of scripted.events.entries()) {
    if (index === scripted.dropAfterEvents) {
      response.socket?.destroy();
      return;
    }
    if (index === scripted.stallAfterEvents) return; // the client's idle timeout must end it
    response.write(`${event}\n\n`);
    // Yield so events leave as separate TCP writes, as a real server streams them.
    await new Promise((resolve) => setImmediate(resolve));
  }
  if (scripted.dropAfterEvents !== undefined && scripted.dropAfterEvents >= scripted.events.length) {
    response.socket?.destroy();
    return;
  }
  response.end();
}

/** Starts a fake server on 127.0.0.1 (port 0) that answers `responses` in order in `dialect`'s format. */
export async function startFakeServer(dialect: WireDialect, responses: ScriptedResponse[]): Promise<FakeServer> {
  const queue = [...responses];
  const requests: RecordedRequest[] = [];
  const sockets = new Set<Socket>();
  const server = createServer(async (request, response) => {
    const text = await readBody(request);
    const path = request.url ?? '/';
    requests.push({ method: request.method ?? 'GET', path, headers: request.headers, body: parseJson(text) });
    const json = (status: number, body: string): void => {
      response.writeHead(status, { 'content-type': 'application/json' });
      response.end(body);
    };
    if (request.method !== 'POST' || path.split('?')[0] !== dialect.prefix + dialect.route) {
      json(404, dialect.errorBody(404, `fake server: no route ${request.method} ${path}`));
      return;
    }
    const refusal = dialect.authorize(request.headers);
    if (refusal) {
      await send(response, refusal);
      return;
    }
    const next = queue.shift();
    if (!next) {
      json(500, dialect.errorBody(500, `fake server: no scripted response left (request ${requests.length})`));
      return;
    }
    await send(response, next);
  });
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  const origin = `http://127.0.0.1:${port}`;
  return {
    origin,
    baseUrl: origin + dialect.prefix,
    requests,
    remaining: () => queue.length,
    close: () =>
      new Promise<void>((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  };
}
