/**
 * Mozilla's own linter (web-ext lint, addons-linter) on the built Firefox add-on: no errors, no
 * warnings (it flags unsafe innerHTML-style assignments, remote code and manifest problems).
 */
import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { FIREFOX_BUILD, requireBuild } from '../../harness/paths';

interface LintMessage {
  code: string;
  message: string;
  file?: string;
}

describe('web-ext lint', () => {
  it('reports no errors and no warnings on the Firefox build', () => {
    let out: string;
    try {
      out = execFileSync('npx', ['web-ext', 'lint', '--source-dir', requireBuild(FIREFOX_BUILD), '--output=json', '--no-input'], {
        encoding: 'utf8',
      });
    } catch (err) {
      // web-ext exits non-zero when it finds errors; its JSON is still on stdout.
      out = (err as { stdout?: string }).stdout ?? '';
    }
    const report = JSON.parse(out) as { errors: LintMessage[]; warnings: LintMessage[] };
    const show = (ms: LintMessage[]) => ms.map((m) => `${m.code} ${m.file ?? ''}: ${m.message}`);
    expect(show(report.errors)).toEqual([]);
    expect(show(report.warnings)).toEqual([]);
  }, 120_000);
});
