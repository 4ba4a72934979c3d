import type { CheckResult } from './checks.js';
import { curl, type Exchange } from './http.js';

/** What a conformance run found. */
export interface ConformanceReport {
  baseUrl: string;
  seed: number;
  maxExamples: number;
  startedAt: string;
  durationMs: number;
  passed: boolean;
  results: CheckResult[];
}

const escapeXml = (text: string) =>
  text
    .replace(
      /[<>&"']/g,
      (c) => `&${{ '<': 'lt', '>': 'gt', '&': 'amp', '"': 'quot', "'": 'apos' }[c]};`,
    )
    // XML 1.0 cannot hold most control characters, even escaped.
    .replace(
      // eslint-disable-next-line no-control-regex -- exactly the characters XML cannot hold
      /[\u0000-\u0008\u000b\u000c\u000e-\u001f]/g,
      (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`,
    );

/** The `curl` reproductions of a result's failures. */
export function reproductions(result: CheckResult, redact: (text: string) => string): string[] {
  return result.evidence.map((exchange: Exchange) => curl(exchange, redact));
}

/** The report as a table for people (Markdown), failures with their reproductions below it. */
export function toTable(report: ConformanceReport, redact: (text: string) => string): string {
  const lines = [
    `Conformance of ${report.baseUrl} (seed ${report.seed}, ${report.maxExamples} examples per operation)`,
    '',
    '| suite | check | result | requests |',
    '|---|---|---|---:|',
    ...report.results.map(
      (r) => `| ${r.suite} | ${r.name} | ${r.passed ? 'pass' : '**FAIL**'} | ${r.requests} |`,
    ),
  ];
  const failed = report.results.filter((r) => !r.passed);
  lines.push(
    '',
    `${report.results.length - failed.length} of ${report.results.length} checks passed in ${(report.durationMs / 1000).toFixed(1)} s.`,
  );
  for (const result of failed) {
    lines.push(
      '',
      `## ${result.suite}: ${result.name}`,
      ...result.failures.map((f) => `- ${redact(f)}`),
    );
    for (const command of reproductions(result, redact)) lines.push('', '```sh', command, '```');
  }
  return lines.join('\n');
}

/** The report as JUnit XML (one test suite per kind of check), for CI systems. */
export function toJUnit(report: ConformanceReport, redact: (text: string) => string): string {
  const suites = ['scenario', 'security', 'generated'] as const;
  const body = suites.map((suite) => {
    const results = report.results.filter((r) => r.suite === suite);
    const failures = results.filter((r) => !r.passed).length;
    const cases = results.map((r) => {
      const head = `    <testcase classname="iq-conformance.${suite}" name="${escapeXml(r.name)}" time="${(r.durationMs / 1000).toFixed(3)}"`;
      if (r.passed) return `${head}/>`;
      const text = [...r.failures.map(redact), ...reproductions(r, redact)].join('\n\n');
      return `${head}>\n      <failure message="${escapeXml(redact(r.failures[0] ?? 'failed'))}">${escapeXml(text)}</failure>\n    </testcase>`;
    });
    return `  <testsuite name="${suite}" tests="${results.length}" failures="${failures}">\n${cases.join('\n')}\n  </testsuite>`;
  });
  return `<?xml version="1.0" encoding="UTF-8"?>\n<testsuites name="iq-conformance ${escapeXml(report.baseUrl)}">\n${body.join('\n')}\n</testsuites>\n`;
}

/** The report as JSON: every result, each failure with its reproduction; secrets replaced. */
export function toJson(report: ConformanceReport, redact: (text: string) => string): string {
  return JSON.stringify(
    {
      ...report,
      results: report.results.map(({ evidence, ...r }) => ({
        ...r,
        failures: r.failures.map(redact),
        reproductions: evidence.map((e) => curl(e, redact)),
      })),
    },
    null,
    2,
  );
}
