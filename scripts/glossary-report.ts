/**
 * `npm run glossary:report`: how complete the glossary is (entries, entries per category, which
 * have the in-depth layer, and which rows of the shared inventory
 * ../shared/glossary-inventory/terms.tsv have no entry yet).
 * Cost: reads files only. Must never: change anything.
 */
import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { CATEGORIES, CATEGORY_LABELS } from '../glossary/schema';
import { GlossaryError, glossaryDir, loadGlossary } from '../glossary/load';

const INVENTORY = resolve(process.env.GLOSSARY_INVENTORY || '../shared/glossary-inventory/terms.tsv');

let entries;
try {
  ({ entries } = loadGlossary(glossaryDir()));
} catch (err) {
  if (err instanceof GlossaryError) {
    console.error(err.message);
    process.exit(1);
  }
  throw err;
}

const byId = new Set(entries.map((e) => e.id));
const deep = entries.filter((e) => e.depth);
console.log(`Entries: ${entries.length}`);
console.log(`With an in-depth layer: ${deep.length}`);
console.log('\nBy category:');
for (const c of CATEGORIES) {
  const inCat = entries.filter((e) => e.category === c);
  console.log(
    `  ${CATEGORY_LABELS[c].padEnd(28)} ${String(inCat.length).padStart(4)}   (in depth: ${inCat.filter((e) => e.depth).length})`,
  );
}

if (!existsSync(INVENTORY)) {
  console.log(`\nInventory not found at ${INVENTORY}; set GLOSSARY_INVENTORY to compare.`);
} else {
  const rows = readFileSync(INVENTORY, 'utf8')
    .trim()
    .split('\n')
    .slice(1)
    .map((l) => l.split('\t'));
  const missing = rows.filter((r) => !byId.has(r[0]!));
  const extra = entries.filter((e) => !rows.some((r) => r[0] === e.id));
  console.log(`\nInventory: ${rows.length} terms, ${rows.length - missing.length} covered, ${missing.length} missing.`);
  if (missing.length) console.log(`Missing: ${missing.map((r) => r[0]).join(', ')}`);
  if (extra.length) console.log(`Entries beyond the inventory: ${extra.map((e) => e.id).join(', ')}`);
}
