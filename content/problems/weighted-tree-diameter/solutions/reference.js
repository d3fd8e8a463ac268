// Tree DP: longest path = best sum of the two deepest branches at some node.
const data = require('fs').readFileSync(0, 'utf8').split(/\s+/).filter((t) => t.length > 0).map(Number);
const n = data[0];
const head = new Int32Array(n + 1).fill(-1);
const nxt = new Int32Array(2 * n);
const to = new Int32Array(2 * n);
const wt = new Float64Array(2 * n);
let e = 0;
for (let i = 0; i < n - 1; i++) {
  const u = data[1 + 3 * i], v = data[2 + 3 * i], w = data[3 + 3 * i];
  to[e] = v; wt[e] = w; nxt[e] = head[u]; head[u] = e++;
  to[e] = u; wt[e] = w; nxt[e] = head[v]; head[v] = e++;
}
// iterative DFS order from root 1
const parent = new Int32Array(n + 1).fill(0);
const order = [];
const stack = [1];
parent[1] = -1;
while (stack.length) {
  const u = stack.pop();
  order.push(u);
  for (let k = head[u]; k !== -1; k = nxt[k]) {
    const v = to[k];
    if (v !== parent[u]) { parent[v] = u; stack.push(v); }
  }
}
const down = new Float64Array(n + 1); // deepest branch below each node
let best = 0;
for (let i = order.length - 1; i >= 0; i--) {
  const u = order[i];
  let top1 = 0, top2 = 0;
  for (let k = head[u]; k !== -1; k = nxt[k]) {
    const v = to[k];
    if (v === parent[u]) continue;
    const len = down[v] + wt[k];
    if (len > top1) { top2 = top1; top1 = len; } else if (len > top2) { top2 = len; }
  }
  down[u] = top1;
  if (top1 + top2 > best) best = top1 + top2;
}
process.stdout.write(String(best) + '\n');
