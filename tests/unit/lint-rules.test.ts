/**
 * The lint rules guard what they claim to: the markup and code sinks are errors in every folder
 * that ships, and the list of shipped folders misses none.
 */
import { readdirSync, statSync } from 'node:fs';
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';
import { SHIPPED } from '../../eslint.config.js';

/** Top-level folders that hold no extension code. */
const NOT_SHIPPED = new Set([
  'tests',
  'bench',
  'harness',
  'scripts',
  'samples',
  'docs',
  'public',
  'node_modules',
  'artifacts',
  '.output',
  '.wxt',
  '.git',
  '.ci',
]);

const eslint = new ESLint();
const errorsIn = async (file: string, code: string) => (await eslint.lintText(code, { filePath: file }))[0]!.messages.map((m) => m.ruleId);

describe('lint rules', () => {
  it('every top-level folder with source code is either shipped or known not to be', () => {
    const folders = readdirSync('.').filter((d) => statSync(d).isDirectory() && !NOT_SHIPPED.has(d));
    expect(folders.sort()).toEqual([...SHIPPED].sort());
  });

  it.each(SHIPPED)('innerHTML and eval are errors in %s/', async (dir) => {
    const code = 'export function f(el: HTMLElement, s: string): void {\n  el.innerHTML = s;\n  eval(s);\n}\n';
    expect(await errorsIn(`${dir}/example.ts`, code)).toEqual(expect.arrayContaining(['no-restricted-syntax', 'no-eval']));
  });
});
