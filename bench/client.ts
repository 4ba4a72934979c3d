// The client's overhead in Node (run by scripts/bench.mjs; the comparison is bench/client-core.ts),
// on a stubbed fetch and over HTTP to a server of its own on 127.0.0.1:
//
//   node --conditions=iq-source --import tsx bench/client.ts [--calls=1000 --rounds=15 --network-calls=300]
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { clientBench } from './client-core.js';
import { BENCH_DATA } from './data.js';

const option = (name: string, fallback: number): number => {
  const arg = process.argv.find((a) => a.startsWith(`--${name}=`));
  const value = arg ? Number(arg.slice(name.length + 3)) : fallback;
  if (!Number.isInteger(value) || value < 1) throw new Error(`--${name} must be a whole number`);
  return value;
};

// The services' answer to GET /card, as the stub gives it; anything else is not found.
const card = JSON.stringify(BENCH_DATA.card);
const server = createServer((request, response) => {
  if (request.method === 'GET' && request.url === '/api/ration-card/v1/card') {
    response.writeHead(200, { 'Content-Type': 'application/json' }).end(card);
  } else response.writeHead(404).end();
});
await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));

try {
  await clientBench({
    calls: option('calls', 1000),
    rounds: option('rounds', 15),
    runtime: `Node ${process.versions.node}`,
    /** One line of the report (this is a command-line tool). */
    print: (line) => void process.stdout.write(`${line}\n`),
    network: {
      baseUrl: `http://127.0.0.1:${(server.address() as AddressInfo).port}/api`,
      calls: option('network-calls', 300),
    },
  });
} finally {
  server.close();
}
