// The fault server: node:http on 127.0.0.1 answering every request with the
// fault of the current case. It knows each connection it holds, so the driver
// can tell a connection the client left open from one the server keeps.
// Also the other origin a redirect points at, which records what reaches it.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import type { Fault } from './catalogue.js';

async function listen(server: Server): Promise<string> {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

async function shut(server: Server, sockets: Set<Socket>): Promise<void> {
  for (const socket of sockets) socket.destroy();
  await new Promise<void>((resolve) => server.close(() => resolve()));
}

function trackSockets(server: Server): Set<Socket> {
  const sockets = new Set<Socket>();
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  return sockets;
}

export interface FaultServer {
  url: string;
  /** The fault every request gets until the next `use`. */
  use(fault: Fault): void;
  /** Requests answered since the last `use`. */
  requests(): number;
  /** Connections still open (client side not yet closed). */
  openConnections(): number;
  /** Ends connections with no request in flight (keep-alive ones a pool holds). */
  closeIdle(): void;
  close(): Promise<void>;
}

export async function startFaultServer(otherOrigin: () => string): Promise<FaultServer> {
  let fault: Fault | undefined;
  let requests = 0;
  const server = createServer((req: IncomingMessage, res: ServerResponse) => {
    requests += 1;
    const current = fault;
    // Read the request body before answering: a fault is about the answer.
    req.resume();
    req.on('end', () => {
      if (!current) return void res.writeHead(500).end();
      current.respond(req, res, {
        otherOrigin: otherOrigin(),
        onClose: (cleanup) => req.socket.once('close', cleanup),
      });
    });
  });
  const sockets = trackSockets(server);
  const url = await listen(server);
  return {
    url,
    use(next) {
      fault = next;
      requests = 0;
    },
    requests: () => requests,
    openConnections: () => sockets.size,
    closeIdle: () => server.closeIdleConnections(),
    close: () => shut(server, sockets),
  };
}

export interface OtherOrigin {
  url: string;
  /** Requests that reached it, and how many carried one of the secrets. */
  seen(): { requests: number; withSecret: number };
  close(): Promise<void>;
}

/** Another origin: any request that reaches it is counted, and any secret it carries. */
export async function startOtherOrigin(secrets: readonly string[]): Promise<OtherOrigin> {
  let requests = 0;
  let withSecret = 0;
  const server = createServer((req, res) => {
    requests += 1;
    let body = '';
    req.on('data', (chunk) => {
      body += chunk;
    });
    req.on('end', () => {
      const carried = `${req.url} ${JSON.stringify(req.headers)} ${body}`;
      if (secrets.some((secret) => carried.includes(secret))) withSecret += 1;
      res.writeHead(200, { 'content-type': 'application/json', connection: 'close' });
      res.end('{}');
    });
  });
  const sockets = trackSockets(server);
  const url = await listen(server);
  return {
    url,
    seen: () => ({ requests, withSecret }),
    close: () => shut(server, sockets),
  };
}
