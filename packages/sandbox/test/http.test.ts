// The sandbox's Node server at the level of the connection: what it reads, what it refuses and when.
// A server that waited for a whole body would never answer these tests: each has a time limit.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { connect, type Socket } from 'node:net';
import { startSandboxServer, type SandboxServer } from '../src/node.js';
import { JSON_BODY_LIMIT, UPLOAD_BODY_LIMIT } from '../src/body-limit.js';
import { SANDBOX_OTP } from '../src/index.js';

let server: SandboxServer;
/** Bytes the server read from each connection, by the client's local port. */
const readBy = new Map<number, () => number>();

before(async () => {
  server = await startSandboxServer({ port: 0 });
  server.server.on('connection', (socket: Socket) => {
    if (socket.remotePort) readBy.set(socket.remotePort, () => socket.bytesRead);
  });
});
after(() => server.close());

/** A parsed HTTP/1.1 response read from a raw socket. */
interface RawResponse {
  status: number;
  headers: Record<string, string>;
  body: string;
}

/**
 * A raw connection to the server: the test writes exactly the bytes it wants (a huge
 * `Content-Length` with few bytes, a chunked body that never ends) and reads the response as soon
 * as it is complete, whatever the request still has to send.
 */
class RawClient {
  readonly socket: Socket;
  readonly response: Promise<RawResponse>;
  /** Resolves when the server closes the connection (or it fails while the client writes). */
  readonly closed: Promise<void>;
  private received = Buffer.alloc(0);

  constructor(port: number) {
    this.socket = connect(port, '127.0.0.1');
    this.socket.on('error', () => undefined);
    this.closed = new Promise((resolve) => this.socket.once('close', () => resolve()));
    this.response = new Promise((resolve, reject) => {
      const onData = (chunk: Buffer) => {
        this.received = Buffer.concat([this.received, chunk]);
        const parsed = this.parse();
        if (parsed) {
          this.socket.off('data', onData);
          this.socket.resume();
          resolve(parsed);
        }
      };
      this.socket.on('data', onData);
      this.socket.once('close', () => reject(new Error('closed before a full response')));
    });
  }

  /** The client's port, by which the server's side of the connection is found. */
  localPort = 0;

  ready(): Promise<void> {
    return new Promise((resolve) =>
      this.socket.once('connect', () => {
        this.localPort = this.socket.localPort ?? 0;
        resolve();
      }),
    );
  }

  write(data: string | Buffer): Promise<void> {
    return new Promise((resolve) => this.socket.write(data, () => resolve()));
  }

  private parse(): RawResponse | null {
    const end = this.received.indexOf('\r\n\r\n');
    if (end < 0) return null;
    const [statusLine = '', ...lines] = this.received.subarray(0, end).toString().split('\r\n');
    const headers: Record<string, string> = {};
    for (const line of lines) {
      const colon = line.indexOf(':');
      headers[line.slice(0, colon).trim().toLowerCase()] = line.slice(colon + 1).trim();
    }
    const length = Number(headers['content-length'] ?? 0);
    const body = this.received.subarray(end + 4);
    if (body.length < length) return null;
    return {
      status: Number(statusLine.split(' ')[1]),
      headers,
      body: body.subarray(0, length).toString(),
    };
  }
}

/** Signs in over HTTP; returns the cookie and CSRF headers of the session. */
async function signInOverHttp(): Promise<string> {
  const started = await fetch(`${server.url}/identity/v1/sign-in`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ method: 'national-id', nationalId: '199012345678' }),
  });
  const { challengeId } = (await started.json()) as { challengeId: string };
  const verified = await fetch(`${server.url}/identity/v1/sign-in/${challengeId}/verify`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ code: SANDBOX_OTP }),
  });
  const cookie = (verified.headers.get('set-cookie') ?? '').split(';')[0];
  return `Cookie: ${cookie}\r\nX-CSRF-Token: ${verified.headers.get('x-csrf-token')}\r\n`;
}

function assertTooLarge(response: RawResponse) {
  assert.equal(response.status, 413);
  assert.equal(response.headers['connection'], 'close');
  assert.match(response.headers['content-type'] ?? '', /^application\/problem\+json/);
  const problem = JSON.parse(response.body) as { code: string; status: number };
  assert.equal(problem.code, 'request.too-large');
  assert.equal(problem.status, 413);
}

test(
  'a Content-Length over 64 KiB gets 413 at once: the server reads none of the body and closes',
  { timeout: 30_000 },
  async () => {
    const client = new RawClient(Number(new URL(server.url).port));
    await client.ready();
    // 60 MiB announced, ten bytes sent: a server that reads the body would wait for the rest.
    await client.write(
      'POST /identity/v1/sign-in HTTP/1.1\r\nHost: sandbox\r\nContent-Type: application/json\r\n' +
        `Content-Length: ${60 * 1024 * 1024}\r\n\r\n{"method":`,
    );
    const response = await client.response;
    assertTooLarge(response);
    await client.closed;
    const read = readBy.get(client.localPort)?.() ?? Infinity;
    assert.ok(read < 1024, `the server read ${read} bytes of the connection`);
  },
);

test(
  'an upload whose Content-Length is over the upload policy gets 413 before it is sent',
  { timeout: 30_000 },
  async () => {
    const session = await signInOverHttp();
    const created = await fetch(`${server.url}/social-protection/v1/update-requests`, {
      method: 'POST',
      headers: {
        'Content-Type': 'application/json',
        Cookie: session.split('\r\n')[0]!.slice(8),
        'X-CSRF-Token': session.split('\r\n')[1]!.slice(14),
      },
      body: JSON.stringify({ kind: 'beneficiary-update' }),
    });
    assert.equal(created.status, 201);
    const { id } = (await created.json()) as { id: string };
    const client = new RawClient(Number(new URL(server.url).port));
    await client.ready();
    await client.write(
      `POST /social-protection/v1/update-requests/${id}/documents HTTP/1.1\r\nHost: sandbox\r\n` +
        session +
        'Content-Type: multipart/form-data; boundary=x\r\n' +
        `Content-Length: ${10 * 1024 * 1024}\r\n\r\n--x\r\n`,
    );
    assertTooLarge(await client.response);
    await client.closed;
    assert.ok((readBy.get(client.localPort)?.() ?? Infinity) < 4096);
  },
);

/** Sends a chunked body in 8 KiB chunks until the server answers (or `max` bytes are sent). */
async function chunkedUntilAnswered(client: RawClient, max: number): Promise<number> {
  let answered = false;
  void client.response.then(
    () => (answered = true),
    () => (answered = true),
  );
  const chunk = Buffer.alloc(8 * 1024, 0x61);
  let sent = 0;
  while (!answered && sent < max) {
    await client.write(Buffer.concat([Buffer.from('2000\r\n'), chunk, Buffer.from('\r\n')]));
    sent += chunk.length;
  }
  return sent;
}

test(
  'a chunked JSON body is cut off once it passes 64 KiB: 413 without waiting for its end',
  { timeout: 30_000 },
  async () => {
    const client = new RawClient(Number(new URL(server.url).port));
    await client.ready();
    await client.write(
      'POST /identity/v1/sign-in HTTP/1.1\r\nHost: sandbox\r\nContent-Type: application/json\r\n' +
        'Transfer-Encoding: chunked\r\n\r\n',
    );
    // The body never ends: only a server that stops at the limit can answer.
    await chunkedUntilAnswered(client, JSON_BODY_LIMIT + 64 * 1024);
    assertTooLarge(await client.response);
    await client.closed;
    const read = readBy.get(client.localPort)?.() ?? Infinity;
    assert.ok(read < JSON_BODY_LIMIT + 256 * 1024, `the server read ${read} bytes`);
  },
);

test(
  'a chunked upload is cut off once it passes the upload policy plus the multipart framing',
  { timeout: 30_000 },
  async () => {
    const session = await signInOverHttp();
    const client = new RawClient(Number(new URL(server.url).port));
    await client.ready();
    await client.write(
      'POST /social-protection/v1/update-requests/upd_x1/documents HTTP/1.1\r\nHost: sandbox\r\n' +
        session +
        'Content-Type: multipart/form-data; boundary=x\r\nTransfer-Encoding: chunked\r\n\r\n',
    );
    await chunkedUntilAnswered(client, UPLOAD_BODY_LIMIT + 1024 * 1024);
    assertTooLarge(await client.response);
    await client.closed;
    const read = readBy.get(client.localPort)?.() ?? Infinity;
    assert.ok(read < UPLOAD_BODY_LIMIT + 1024 * 1024, `the server read ${read} bytes`);
  },
);

test(
  'TRACE gets 405 with Allow, not 404, and never echoes the request',
  { timeout: 30_000 },
  async () => {
    const client = new RawClient(Number(new URL(server.url).port));
    await client.ready();
    await client.write(
      'TRACE /identity/v1/me HTTP/1.1\r\nHost: sandbox\r\nCookie: iq_session=secret\r\n\r\n',
    );
    const response = await client.response;
    assert.equal(response.status, 405);
    assert.equal(response.headers['allow'], 'GET, HEAD, OPTIONS');
    assert.equal(response.headers['x-content-type-options'], 'nosniff');
    assert.equal((JSON.parse(response.body) as { code: string }).code, 'method-not-allowed');
    assert.doesNotMatch(response.body, /secret/);
    client.socket.destroy();
  },
);
