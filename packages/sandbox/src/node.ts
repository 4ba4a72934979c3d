/**
 * Runs the sandbox as an HTTP server on Node (`@iq-eservices/sandbox/node`).
 *
 * @packageDocumentation
 * @module @iq-eservices/sandbox/node
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { getRequestListener, type HttpBindings } from '@hono/node-server';
import { createSandbox, type Sandbox, type SandboxOptions } from './app.js';
import { DroppedConnection } from './faults.js';
import type { SandboxState } from './state.js';

/** Options of {@link startSandboxServer}. */
export interface SandboxServerOptions extends Omit<SandboxOptions, 'state' | 'onStateChange'> {
  /** Port to listen on (default 4010; 0 picks a free one). */
  port?: number;
  /** Interface to listen on (default `127.0.0.1`: the sandbox is for this machine). */
  host?: string;
  /** A JSON file that keeps sign-ins, drafts, payments and receipts across restarts. */
  dataFile?: string;
  /** Start from the seeded state even if `dataFile` exists. */
  reset?: boolean;
}

/** A running sandbox server. */
export interface SandboxServer {
  /** Base URL, e.g. `http://127.0.0.1:4010`. */
  url: string;
  sandbox: Sandbox;
  server: Server;
  close(): Promise<void>;
}

/**
 * A Node request listener for a sandbox, for mounting it inside another server (the demo portal
 * does, so that the portal and its back end share one origin, as a backend-for-frontend would).
 * A `drop` fault destroys the socket: the client sees a real network error.
 */
export function sandboxRequestListener(
  sandbox: Sandbox,
): (req: IncomingMessage, res: ServerResponse) => Promise<void> {
  const listener = getRequestListener(async (request, env) => {
    try {
      return await sandbox.fetch(request);
    } catch (error) {
      if (error instanceof DroppedConnection) {
        (env as HttpBindings).incoming.socket.destroy();
        return new Response(null, { status: 499 });
      }
      throw error;
    }
  });
  return (req, res) => listener(req, res);
}

function loadState(file: string | undefined, reset: boolean | undefined): SandboxState | undefined {
  if (!file || reset || !existsSync(file)) return undefined;
  try {
    const state = JSON.parse(readFileSync(file, 'utf8')) as SandboxState;
    return state.version === 1 ? state : undefined;
  } catch {
    console.warn(`sandbox: ${file} is not a sandbox data file; starting from the seeded data`);
    return undefined;
  }
}

/** Starts the sandbox as an HTTP server. */
export async function startSandboxServer(
  options: SandboxServerOptions = {},
): Promise<SandboxServer> {
  const { port = 4010, host = '127.0.0.1', dataFile, reset, ...sandboxOptions } = options;
  let pending = false;
  const sandbox = createSandbox({
    ...sandboxOptions,
    state: loadState(dataFile, reset),
    onStateChange: dataFile
      ? (state) => {
          if (pending) return;
          pending = true;
          // Written once per tick, atomically, so a crash never leaves half a file.
          setImmediate(() => {
            pending = false;
            mkdirSync(dirname(dataFile), { recursive: true });
            writeFileSync(`${dataFile}.tmp`, JSON.stringify(state));
            renameSync(`${dataFile}.tmp`, dataFile);
          });
        }
      : undefined,
  });
  const server = createServer(sandboxRequestListener(sandbox));
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => resolve());
  });
  const address = server.address();
  const actualPort = typeof address === 'object' && address ? address.port : port;
  const url = `http://${host.includes(':') ? `[${host}]` : host}:${actualPort}`;
  return {
    url,
    sandbox,
    server,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((error) => (error ? reject(error) : resolve()));
      }),
  };
}
