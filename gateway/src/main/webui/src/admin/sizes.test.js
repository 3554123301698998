// The admin console's files stay small enough to read: none over 300 lines (STYLE.md: a file over ~300 lines is
// asking to be split).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const ADMIN = fileURLToPath(new URL('.', import.meta.url));

function files(dir) {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? files(path) : [path];
  }).filter((path) => /\.(js|jsx|css)$/.test(path));
}

test('no file of the admin console has more than 300 lines', () => {
  const long = files(ADMIN)
    .map((path) => [path.slice(ADMIN.length), readFileSync(path, 'utf8').split('\n').length - 1])
    .filter(([, lines]) => lines > 300);
  assert.deepEqual(long, []);
});
