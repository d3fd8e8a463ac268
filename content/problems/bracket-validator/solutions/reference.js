// Stack scan per string; reads all of stdin at once.
const data = require('fs').readFileSync(0, 'utf8').split(/\s+/).filter((t) => t.length > 0);
const q = parseInt(data[0], 10);
const match = { ')': '(', ']': '[', '}': '{' };
const out = [];
for (let t = 1; t <= q; t++) {
  const s = data[t];
  const stack = [];
  let ans = -1;
  for (let i = 0; i < s.length; i++) {
    const c = s[i];
    const want = match[c];
    if (want === undefined) {
      stack.push(c);
    } else if (stack.length === 0 || stack.pop() !== want) {
      ans = i + 1;
      break;
    }
  }
  if (ans === -1) ans = stack.length > 0 ? s.length + 1 : 0;
  out.push(String(ans));
}
process.stdout.write(out.join('\n') + '\n');
