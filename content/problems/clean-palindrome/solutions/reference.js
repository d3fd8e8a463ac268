// Two pointers per line, skipping characters that are not letters or digits.
const lines = require('fs').readFileSync(0, 'utf8').split('\n');
const q = parseInt(lines[0], 10);

function isAlnum(c) {
  return (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
}
function lower(c) {
  return c >= 65 && c <= 90 ? c + 32 : c;
}

const out = [];
for (let t = 1; t <= q; t++) {
  const s = (lines[t] || '').replace(/\r$/, '');
  let i = 0;
  let j = s.length - 1;
  let ok = true;
  while (i < j) {
    const a = s.charCodeAt(i);
    const b = s.charCodeAt(j);
    if (!isAlnum(a)) { i++; continue; }
    if (!isAlnum(b)) { j--; continue; }
    if (lower(a) !== lower(b)) { ok = false; break; }
    i++;
    j--;
  }
  out.push(ok ? 'YES' : 'NO');
}
process.stdout.write(out.join('\n') + '\n');
