// The report, written to a folder: report.md for people, report.json for tools (the same content, the
// exchanges left out), exchanges.jsonl with every request and answer of both sides. All redacted.
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { ConformanceReport, Difference } from './run.js';

const cell = (text: string) => text.replace(/\|/g, '\\|').replace(/\n/g, ' ');

function differenceMd(d: Difference): string {
  const lines = [
    `### ${d.id}. ${d.scenario} / ${d.step}: ${d.aspect}`,
    '',
    `${d.title} (\`${d.operation}\`)`,
    '',
    `- request: \`${d.request.method} ${d.request.url}\`${d.request.body === undefined ? '' : ` \`${JSON.stringify(d.request.body)}\``}`,
    `- observed: ${d.observed}`,
  ];
  if (d.expected.spec) lines.push(`- spec expects: ${d.expected.spec}`);
  if (d.expected.emulator) lines.push(`- emulator: ${d.expected.emulator}`);
  if (d.answer) lines.push(`- answer: HTTP ${d.answer.status} \`${JSON.stringify(d.answer.body)}\``);
  lines.push(`- log id: ${d.logId ?? '(none)'}`);
  lines.push(`- bears on: ${d.bearsOn.join(' and ')}`);
  for (const f of d.facts) lines.push(`- fact: spec says ${f.says} (source: ${f.source})`);
  return lines.join('\n');
}

export function reportMarkdown(report: ConformanceReport): string {
  const s = report.summary;
  const out = [
    '# Feishu Task conformance report',
    '',
    `Target: ${report.target.kind} (${report.target.url}); spec ${report.spec.version || '(unversioned)'}; ${report.tool.name} ${report.tool.version}.`,
    `Run: ${report.startedAt} to ${report.finishedAt}. Task \`${report.ids.task}\`, tasklist \`${report.ids.tasklist}\`, ${report.ids.members.length} member id(s).`,
    '',
    `**${s.differences} difference(s)**; ${s.ran} of ${s.scenarios} scenario(s) ran, ${s.requests} request(s) to the target.`,
    '',
    '| scenario | status | requests | facts |',
    '| --- | --- | --- | --- |',
    ...report.scenarios.map(
      (r) =>
        `| ${r.id} | ${r.status === 'ran' ? 'ran' : `skipped: ${cell(r.reason ?? '')}`} | ${r.requests} | ${cell(r.facts.map((f) => `${f.operation}.${f.name}`).join(', '))} |`,
    ),
    '',
    '## Differences',
    '',
  ];
  if (!report.differences.length)
    out.push('None: every answer is the documented one and the emulator answered the same.');
  else out.push(report.differences.map(differenceMd).join('\n\n'));
  out.push(
    '',
    'Credentials and tokens are redacted. A confirmed difference becomes a spec change whose `x-source` is `{ kind: observed, observed: <date> }`.',
    '',
  );
  return out.join('\n');
}

/** Writes report.md, report.json and exchanges.jsonl into `dir` (created if needed); returns their paths. */
export async function writeReport(report: ConformanceReport, dir: string) {
  await mkdir(dir, { recursive: true });
  const { exchanges, ...rest } = report;
  const paths = {
    markdown: join(dir, 'report.md'),
    json: join(dir, 'report.json'),
    exchanges: join(dir, 'exchanges.jsonl'),
  };
  await writeFile(paths.markdown, reportMarkdown(report));
  await writeFile(paths.json, `${JSON.stringify(rest, null, 2)}\n`);
  await writeFile(paths.exchanges, exchanges.map((e) => JSON.stringify(e)).join('\n') + (exchanges.length ? '\n' : ''));
  return paths;
}
