#!/usr/bin/env node
import { parseArgs } from 'node:util';
import { startSandboxServer } from './node.js';
import { parseFault, type FaultRule } from './faults.js';
import { describeIdentities } from './data/citizens.js';
import { siteAdvice } from './site-advice.js';

const usage = `iq-sandbox — a back end that behaves like Iraq's e-services

Usage: iq-sandbox [options]
  --port <n>          port (default 4010; 0 for any free one)
  --host <addr>       interface (default 127.0.0.1)
  --origin <url>      allow this origin through CORS with credentials (repeatable; localhost always allowed)
  --data-file <path>  keep state across restarts in this JSON file
  --reset             start from the seeded data even if the data file exists
  --latency <ms>      add latency to every operation
  --fault <spec>      inject a fault: kind[:rate[:operationIds]], kind one of
                      429 500 502 503 504 timeout drop malformed (repeatable)
                      e.g. --fault 503:0.2  --fault drop:1:createPayment
  --help              this text`;

let values;
try {
  ({ values } = parseArgs({
    options: {
      port: { type: 'string' },
      host: { type: 'string' },
      origin: { type: 'string', multiple: true },
      'data-file': { type: 'string' },
      reset: { type: 'boolean' },
      latency: { type: 'string' },
      fault: { type: 'string', multiple: true },
      help: { type: 'boolean' },
    },
  }));
} catch (error) {
  console.error(`${(error as Error).message}\n\n${usage}`);
  process.exit(2);
}
if (values.help) {
  console.log(usage);
  process.exit(0);
}

let faults: FaultRule[];
try {
  faults = (values.fault ?? []).map(parseFault);
} catch (error) {
  console.error((error as Error).message);
  process.exit(2);
}
const port = values.port === undefined ? 4010 : Number(values.port);
if (!Number.isInteger(port) || port < 0 || port > 65535) {
  console.error(`--port must be a port number, got "${values.port}"`);
  process.exit(2);
}

const server = await startSandboxServer({
  port,
  host: values.host,
  allowedOrigins: values.origin,
  dataFile: values['data-file'],
  reset: values.reset,
});
server.sandbox.faults.set({ latencyMs: Number(values.latency ?? 0), faults });
console.log(`iq-sandbox listening on ${server.url}`);
for (const line of siteAdvice(server.url, values.origin)) console.log(line);
console.log(describeIdentities(server.sandbox.citizens));
const stop = () => void server.close().then(() => process.exit(0));
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
