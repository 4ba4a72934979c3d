// The project's Markdown documents (guides, READMEs) render as written: every code fence is
// closed, and every opening fence names its language. A stray fence turns the prose and headings
// after it into one code block; it then shows as an opening fence without a language, since
// closing fences never carry one.
import { readdirSync, readFileSync } from 'node:fs';
import { test } from 'node:test';
import assert from 'node:assert/strict';

const documents = [
  'README.md',
  'stories/README.md',
  ...readdirSync('docs')
    .filter((f) => f.endsWith('.md'))
    .map((f) => `docs/${f}`),
  ...readdirSync('packages').flatMap((p) =>
    readdirSync(`packages/${p}`)
      .filter((f) => f === 'README.md')
      .map((f) => `packages/${p}/${f}`),
  ),
];

/** Problems with the fences of one document (CommonMark: ``` or ~~~, closed by at least as many). */
export function fenceProblems(markdown: string): string[] {
  const problems: string[] = [];
  let open: { fence: string; line: number } | undefined;
  for (const [index, line] of markdown.split('\n').entries()) {
    const match = /^ {0,3}(`{3,}|~{3,})\s*([^`\s]*)/.exec(line);
    if (!match) continue;
    const [, fence = '', info = ''] = match;
    if (open) {
      if (fence[0] === open.fence[0] && fence.length >= open.fence.length && !info)
        open = undefined;
    } else {
      if (!info) problems.push(`line ${index + 1}: a code block opens without a language`);
      open = { fence, line: index + 1 };
    }
  }
  if (open) problems.push(`line ${open.line}: a code block is never closed`);
  return problems;
}

test('the fence check finds a stray fence', () => {
  const good = '# A\n\n```ts\nconst a = 1;\n```\n\n## B\n\n```css\na {}\n```\n';
  assert.deepEqual(fenceProblems(good), []);
  const stray = '# A\n\n```ts\nconst a = 1;\n```\n```\n\n## B\n\n```css\na {}\n```\n';
  assert.notDeepEqual(fenceProblems(stray), []);
});

test('every Markdown document closes its code blocks and names their languages', () => {
  assert.ok(documents.length > 15, `${documents.length} documents`);
  for (const file of documents)
    assert.deepEqual(fenceProblems(readFileSync(file, 'utf8')), [], file);
});
