// The loopback server the benchmark calls, run as a child process so that its
// work does not share the client's event loop. It reports its port over IPC and
// exits when the parent goes away, after BENCH_SERVER_MAX_MS, or after
// BENCH_SERVER_MAX_REQUESTS requests, whichever comes first.
import { createServer } from 'node:http';

const HOST = '127.0.0.1';
const maxMs = Number(process.env.BENCH_SERVER_MAX_MS ?? 10 * 60_000);
const maxRequests = Number(process.env.BENCH_SERVER_MAX_REQUESTS ?? 50_000_000);

if (!process.send) {
  console.error('bench/server.mjs must be started by bench/run.mjs (it needs an IPC channel)');
  process.exit(2);
}

const STATUS_PATH = /^\/verification-session\/status\/[^/]+$/;

const BODY = JSON.stringify({
  verificationSessionStatus: 'VERIFICATION_SUCCEEDED',
  presentedClaims: {
    given_name: 'Jane',
    family_name: 'Doe',
    birth_date: '1990-04-12',
    age_over_18: true,
    nationalities: ['NL', 'BE'],
    address: { street_address: 'Keizersgracht 123', locality: 'Amsterdam', postal_code: '1015 CJ' },
    document_number: 'X12345678',
    issuing_country: 'NL',
  },
});
const BODY_BYTES = Buffer.from(BODY);
const NOT_FOUND = Buffer.from('{"message":"not found"}');

let served = 0;
const server = createServer({ keepAliveTimeout: 60_000 }, (req, res) => {
  served++;
  const ok = req.method === 'GET' && STATUS_PATH.test(req.url ?? '');
  const body = ok ? BODY_BYTES : NOT_FOUND;
  res.writeHead(ok ? 200 : 404, {
    'content-type': 'application/json',
    'content-length': body.length,
    connection: 'keep-alive',
  });
  res.end(body);
  if (served >= maxRequests) shutdown(`request cap ${maxRequests} reached`);
});

function shutdown(reason) {
  if (reason) console.error(`bench server: exiting (${reason})`);
  server.closeAllConnections?.();
  process.exit(0);
}

// Only loopback connections, even though we only listen on 127.0.0.1.
server.on('connection', (socket) => {
  if (socket.remoteAddress !== HOST) socket.destroy();
});

process.on('disconnect', () => shutdown());
setTimeout(() => shutdown(`lifetime ${maxMs} ms reached`), maxMs).unref();

server.listen(0, HOST, () => {
  const { port } = server.address();
  process.send({ type: 'listening', host: HOST, port });
});
