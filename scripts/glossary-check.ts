/** `npm run glossary:check`: validate every entry file and print a one-line summary or every problem. */
import { GlossaryError, glossaryDir, loadGlossary } from '../glossary/load';

try {
  const { entries } = loadGlossary(glossaryDir());
  console.log(`glossary ok: ${entries.length} entries`);
} catch (err) {
  if (err instanceof GlossaryError) {
    console.error(err.message);
    process.exit(1);
  }
  throw err;
}
