// @iq-eservices/react's types as a React 19 + TypeScript app meets them: the wrappers' props and
// typed event props, and the tags written directly with the JSX types (`@iq-eservices/react/jsx`).
// A correct app type-checks; a misspelt prop or event does not.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { writeFileSync, rmSync, mkdtempSync } from 'node:fs';
import { join, resolve } from 'node:path';
import ts from 'typescript';

const here = resolve(import.meta.dirname);

/** Type-checks `source` as a .tsx module of this package's tests; the diagnostics' messages. */
function check(source: string): string[] {
  const dir = mkdtempSync(join(here, '.tsx-'));
  const file = join(dir, 'app.tsx');
  writeFileSync(file, source);
  try {
    const program = ts.createProgram([file], {
      jsx: ts.JsxEmit.ReactJSX,
      strict: true,
      noEmit: true,
      target: ts.ScriptTarget.ES2022,
      module: ts.ModuleKind.ESNext,
      moduleResolution: ts.ModuleResolutionKind.Bundler,
      customConditions: ['iq-source'],
      lib: ['lib.es2023.d.ts', 'lib.dom.d.ts', 'lib.dom.iterable.d.ts'],
      skipLibCheck: true,
      types: [],
      useDefineForClassFields: false,
    });
    return ts
      .getPreEmitDiagnostics(program)
      .filter((d) => d.file?.fileName === file)
      .map((d) => ts.flattenDiagnosticMessageText(d.messageText, '\n'));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

const APP = `
import type {} from '@iq-eservices/react/jsx';
import { IqLogin, IqRationCard, IqPaymentForm } from '@iq-eservices/react';
import type { RationCardData } from '@iq-eservices/components';

export function App({ data }: { data?: RationCardData }) {
  return (
    <>
      <IqLogin mode="bearer" onIqLogin={(event) => event.user.id} />
      <IqRationCard data={data} onIqRequestChange={(event) => event.requestKind} />
      <IqPaymentForm onIqPaymentSucceeded={(event) => event.type} />
      <iq-classroom dataSaver oniq-material-saved={(event) => event.materialId} />
    </>
  );
}
`;

test('an app using the wrappers and the tags type-checks', () => {
  assert.deepEqual(check(APP), []);
});

test('a misspelt event prop, a wrong prop type and a misspelt tag event are errors', () => {
  const misspelt = check(APP.replace('onIqLogin=', 'onIqLogn='));
  assert.ok(
    misspelt.some((m) => /Property 'onIqLogn' does not exist/.test(m)),
    misspelt.join('\n'),
  );
  const wrongType = check(APP.replace('mode="bearer"', 'mode="token"'));
  assert.ok(
    wrongType.some((m) => /"token"/.test(m)),
    wrongType.join('\n'),
  );
  const tagEvent = check(APP.replace('event.materialId', 'event.materialid'));
  assert.ok(
    tagEvent.some((m) => /materialid/.test(m)),
    tagEvent.join('\n'),
  );
});
