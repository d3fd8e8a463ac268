// Explicit BFS over contiguous frontier blocks, computing each stone's jump count.
const data = require('fs').readFileSync(0, 'utf8').split(/\s+/).filter((t) => t.length > 0).map(Number);
const n = data[0];
const dist = new Int32Array(n).fill(-1);
dist[0] = 0;
let reached = 0; // stones 0..reached already have a distance
for (let i = 0; i < n && reached < n - 1; i++) {
  if (dist[i] < 0) break; // stone i unreachable -> nothing further is reachable
  const limit = Math.min(n - 1, i + data[1 + i]);
  for (let j = reached + 1; j <= limit; j++) dist[j] = dist[i] + 1;
  if (limit > reached) reached = limit;
}
process.stdout.write(String(dist[n - 1]) + '\n');
