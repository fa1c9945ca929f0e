// A loopback FortID Verifier Service for polling at scale, run as a child
// process so its work stays off the measured client's event loop. Each session
// answers IN_PROGRESS for its first POLLING_IN_PROGRESS_POLLS reads, then a
// terminal status, with the bodies of the recorded fixtures. It reports its
// port over IPC, answers { type: 'stats' | 'reset' } messages, and exits when
// the parent goes away or after POLLING_SERVER_MAX_MS.
import { readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { terminalOf } from './sessions.mjs';

const HOST = '127.0.0.1';
const inProgressPolls = Number(process.env.POLLING_IN_PROGRESS_POLLS ?? 2);
const maxMs = Number(process.env.POLLING_SERVER_MAX_MS ?? 10 * 60_000);

if (!process.send) {
  console.error('bench/polling/server.mjs must be started by startSessionServer (it needs IPC)');
  process.exit(2);
}

const fixtures = join(
  dirname(fileURLToPath(import.meta.url)),
  '../../specs/fortid-verifier/fixtures',
);

/** The response body of a recorded fixture, as bytes ready to send. */
function fixtureBody(file) {
  const har = JSON.parse(readFileSync(join(fixtures, file), 'utf8'));
  return Buffer.from(har.log.entries[0].response.content.text);
}

const BODIES = {
  inProgress: fixtureBody('200-in-progress.har'),
  succeeded: fixtureBody('200-verification-succeeded.har'),
  failed: fixtureBody('200-verification-failed.har'),
  badRequest: fixtureBody('400-invalid-session-id.har'),
  notFound: fixtureBody('404-session-not-found.har'),
};

const STATUS_PATH = /^\/verification-session\/status\/([^/?]+)$/;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

let polls = new Map(); // session id → reads so far
let served = 0;
let terminal = 0; // sessions that were sent their terminal status
let rejected = 0; // requests that were not a well-formed, authenticated status read
let open = 0; // connections open now: the client's sockets, seen from this end

function send(res, status, body) {
  res.writeHead(status, { 'content-type': 'application/json', 'content-length': body.length });
  res.end(body);
}

const server = createServer({ keepAliveTimeout: 60_000 }, (req, res) => {
  served++;
  const match = req.method === 'GET' ? STATUS_PATH.exec(req.url ?? '') : null;
  if (!match || !req.headers['x-api-key']) {
    rejected++;
    return send(res, 404, BODIES.notFound);
  }
  const id = match[1];
  if (!UUID.test(id)) {
    rejected++;
    return send(res, 400, BODIES.badRequest);
  }
  const seen = (polls.get(id) ?? 0) + 1;
  polls.set(id, seen);
  if (seen <= inProgressPolls) return send(res, 200, BODIES.inProgress);
  if (seen === inProgressPolls + 1) terminal++;
  send(res, 200, terminalOf(id) === 'VERIFICATION_SUCCEEDED' ? BODIES.succeeded : BODIES.failed);
});

// Only loopback connections, even though we only listen on 127.0.0.1.
server.on('connection', (socket) => {
  if (socket.remoteAddress !== HOST) return socket.destroy();
  open++;
  socket.once('close', () => open--);
});

process.on('message', (message) => {
  if (message?.type === 'reset') {
    polls = new Map();
    served = terminal = rejected = 0;
  }
  if (message?.type === 'stats' || message?.type === 'reset') {
    const { type, id } = message;
    process.send({ type, id, served, terminal, rejected, open, sessions: polls.size });
  }
});

function shutdown(reason) {
  if (reason) console.error(`polling server: exiting (${reason})`);
  server.closeAllConnections?.();
  process.exit(0);
}

process.on('disconnect', () => shutdown());
setTimeout(() => shutdown(`lifetime ${maxMs} ms reached`), maxMs).unref();

server.listen({ host: HOST, port: 0, backlog: 4096 }, () => {
  const { port } = server.address();
  process.send({ type: 'listening', host: HOST, port });
});
