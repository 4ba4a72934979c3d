// The localhost / 127.0.0.1 trap: a page must call the sandbox by its own host name, or the
// SameSite=Strict session cookie is never sent after sign-in. The sandbox says which address to use.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { sandboxUrlFor, siteAdvice } from '../src/index.js';

test('a page on localhost calls the sandbox by localhost, one on 127.0.0.1 by 127.0.0.1', () => {
  assert.equal(
    sandboxUrlFor('http://127.0.0.1:4010', 'http://localhost:5173'),
    'http://localhost:4010',
  );
  assert.equal(
    sandboxUrlFor('http://127.0.0.1:4010', 'http://127.0.0.1:5173'),
    'http://127.0.0.1:4010',
  );
  assert.equal(sandboxUrlFor('http://localhost:4010', 'http://[::1]:8080'), 'http://[::1]:4010');
  // Not loopback: nothing to change.
  assert.equal(
    sandboxUrlFor('https://sandbox.example.gov.iq', 'http://localhost:5173'),
    'https://sandbox.example.gov.iq',
  );
});

test('start-up advice names the address for localhost pages and each other loopback origin', () => {
  const lines = siteAdvice('http://127.0.0.1:4010', [
    'http://localhost:5173',
    'https://portal.example',
  ]);
  assert.equal(lines.length, 2);
  assert.match(lines[0]!, /From a page on http:\/\/localhost, call http:\/\/localhost:4010/);
  assert.match(lines[1]!, /http:\/\/localhost:5173, call http:\/\/localhost:4010/);
  assert.deepEqual(siteAdvice('http://localhost:4010'), []);
});

test('iq-sandbox prints it at start-up', async () => {
  const output = await new Promise<string>((resolve, reject) => {
    const child = execFile(
      process.execPath,
      [
        '--conditions=iq-source',
        '--import',
        'tsx',
        'packages/sandbox/src/cli.ts',
        '--port',
        '0',
        '--origin',
        'http://localhost:5173',
      ],
      (error, stdout) => (error && !child.killed ? reject(error) : resolve(stdout)),
    );
    let seen = '';
    child.stdout?.on('data', (chunk: Buffer) => {
      seen += String(chunk);
      if (seen.includes('One-time code')) child.kill();
    });
  });
  assert.match(output, /iq-sandbox listening on http:\/\/127\.0\.0\.1:\d+/);
  assert.match(output, /From a page on http:\/\/localhost:5173, call http:\/\/localhost:\d+/);
});
