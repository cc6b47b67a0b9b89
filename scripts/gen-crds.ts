/**
 * Writes manifests/crds/*.yaml from src/api (`node --import tsx scripts/gen-crds.ts`).
 * With `--check`, writes nothing and exits 1 if a committed manifest differs.
 */
import { readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { renderCrdManifests } from '../src/api/crd-manifests.ts';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const dir = join(root, 'manifests', 'crds');
const check = process.argv.includes('--check');

let stale = 0;
mkdirSync(dir, { recursive: true });
for (const [file, text] of renderCrdManifests()) {
  const path = join(dir, file);
  if (check) {
    let current = '';
    try {
      current = readFileSync(path, 'utf8');
    } catch {
      current = '';
    }
    if (current !== text) {
      console.error(`manifests/crds/${file} is out of date; run: node --import tsx scripts/gen-crds.ts`);
      stale++;
    }
  } else {
    writeFileSync(path, text);
    console.log(`wrote manifests/crds/${file}`);
  }
}
if (stale > 0) process.exit(1);
