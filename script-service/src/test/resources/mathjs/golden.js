// Evaluates each expression of corpus.txt with the real math.js and prints one JSON line per expression:
// {"expr", "type": number|string|boolean|null|error, "value"}. Numbers travel as their shortest decimal text.
const fs = require('fs');
const path = require('path');
const math = require(process.argv[3] ? path.resolve(process.argv[3], 'mathjs') : 'mathjs');
const lines = fs.readFileSync(process.argv[2], 'utf8').split('\n').filter(l => l.trim() && !l.startsWith('#'));
for (const expr of lines) {
  let out;
  try {
    let r = math.evaluate(expr);
    if (r && r.isResultSet) r = r.entries[r.entries.length - 1];
    if (typeof r === 'number') out = { type: 'number', value: String(r) };
    else if (typeof r === 'string') out = { type: 'string', value: r };
    else if (typeof r === 'boolean') out = { type: 'boolean', value: String(r) };
    else if (r === null || r === undefined) out = { type: 'null', value: null };
    else out = { type: 'other', value: math.format(r) };
  } catch (e) {
    out = { type: 'error', value: e.message };
  }
  console.log(JSON.stringify({ expr, ...out }));
}
