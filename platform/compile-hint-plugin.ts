/**
 * Vite plugin: V8's compile hint (`//# allFunctionsCalledOnLoad`) atop the named outputs: nearly
 * all the content script runs on every page, and lazy functions parse twice (bench/README.md).
 * Cost: build time only; on the page, a larger compile step that replaces the lazy ones.
 * Must never: touch other files, or put anything before the comment (the hint counts only there).
 */
import type { Plugin } from 'vite';

export const COMPILE_HINT = '//# allFunctionsCalledOnLoad\n';

export function withCompileHint(code: string): string {
  return code.startsWith(COMPILE_HINT) ? code : COMPILE_HINT + code;
}

export function compileHintPlugin(fileNames: readonly string[]): Plugin {
  return {
    name: 'alignment-glossary:compile-hint',
    // Last: after minification (which could drop the comment) and after WXT's own rewrites of
    // the script's first and last lines.
    enforce: 'post',
    generateBundle(_options, bundle) {
      for (const name of fileNames) {
        const chunk = bundle[name];
        if (chunk?.type === 'chunk') chunk.code = withCompileHint(chunk.code);
      }
    },
  };
}
