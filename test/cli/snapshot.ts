/**
 * File snapshots under test/cli/__snapshots__/: `UPDATE_SNAPSHOTS=1 node --import tsx --test …`
 * (re)writes them; otherwise the output must equal the file. ESC is stored as the two characters
 * `\e` so that colour snapshots stay readable.
 */
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';

const DIR = path.join(import.meta.dirname, '__snapshots__');

export function visibleEscapes(s: string): string {
  return s.replaceAll('\x1b', '\\e');
}

export function matchSnapshot(name: string, actual: string): void {
  const file = path.join(DIR, `${name}.txt`);
  const text = visibleEscapes(actual);
  if (process.env['UPDATE_SNAPSHOTS'] === '1' || !fs.existsSync(file)) {
    if (process.env['CI'] && !fs.existsSync(file)) assert.fail(`missing snapshot ${file} (run with UPDATE_SNAPSHOTS=1)`);
    fs.mkdirSync(DIR, { recursive: true });
    fs.writeFileSync(file, text);
    return;
  }
  assert.equal(text, fs.readFileSync(file, 'utf8'), `snapshot ${name} differs (UPDATE_SNAPSHOTS=1 to accept)`);
}
