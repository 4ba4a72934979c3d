#!/usr/bin/env node
import { writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { runConformance, toJUnit, toJson, toTable } from './conformance/index.js';

const usage = `iq-conformance — does a back end honour the contracts the iq-eservices elements rely on?

Usage: iq-conformance <base-url> [options]
  <base-url>              the back end (staging), e.g. https://staging.example.gov.iq
  --national-id <digits>  a test citizen's national card number (default: the sandbox's 199012345678)
  --otp <code>            the one-time code that back end accepts for that citizen (default: 123456)
  --return-url <url>      a payment return URL of an origin the back end allows
                          (default: http://localhost:5173/payments/finish)
  --seed <n>              seed of the generated requests (default 1): the same seed, the same requests
  --max-examples <n>      generated requests per operation (default 50)
  --operations <ids>      only these operations' generated requests (comma-separated operationIds)
  --junit <file>          also write the report as JUnit XML
  --json <file>           also write the report as JSON
  --help                  this text

Exit code: 0 when every check passed, 1 when one failed, 2 on a usage error.
Reports hold no live secret: the session, tokens, the code and the national number are replaced.`;

let parsed;
try {
  parsed = parseArgs({
    allowPositionals: true,
    options: {
      'national-id': { type: 'string', default: '199012345678' },
      otp: { type: 'string', default: '123456' },
      'return-url': { type: 'string', default: 'http://localhost:5173/payments/finish' },
      seed: { type: 'string', default: '1' },
      'max-examples': { type: 'string', default: '50' },
      operations: { type: 'string' },
      junit: { type: 'string' },
      json: { type: 'string' },
      help: { type: 'boolean' },
    },
  });
} catch (error) {
  console.error(`${(error as Error).message}\n\n${usage}`);
  process.exit(2);
}
const { values, positionals } = parsed;
if (values.help) {
  console.log(usage);
  process.exit(0);
}
const [baseUrl] = positionals;
const seed = Number(values.seed);
const maxExamples = Number(values['max-examples']);
if (!baseUrl || !URL.canParse(baseUrl) || !Number.isInteger(seed) || !(maxExamples > 0)) {
  console.error(
    `${!baseUrl || !URL.canParse(baseUrl) ? 'A base URL is needed' : '--seed and --max-examples take whole numbers'}\n\n${usage}`,
  );
  process.exit(2);
}

const { report, redact } = await runConformance({
  baseUrl,
  nationalId: values['national-id'],
  otp: values.otp,
  returnUrl: values['return-url'],
  seed,
  maxExamples,
  operations:
    values.operations
      ?.split(',')
      .map((s) => s.trim())
      .filter(Boolean) ?? [],
  onResult: (r) => process.stderr.write(`${r.passed ? 'pass' : 'FAIL'}  ${r.suite}: ${r.name}\n`),
});
console.log(toTable(report, redact));
if (values.junit) writeFileSync(values.junit, toJUnit(report, redact));
if (values.json) writeFileSync(values.json, toJson(report, redact));
process.exit(report.passed ? 0 : 1);
