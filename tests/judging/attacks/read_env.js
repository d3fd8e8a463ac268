const fs = require('fs');
const hits = Object.keys(process.env).filter((k) => /SECRET|CODEARENA/.test(k));
for (const pid of fs.readdirSync('/proc').filter((d) => /^\d+$/.test(d)).concat(['self'])) {
  try {
    const env = fs.readFileSync(`/proc/${pid}/environ`, 'latin1');
    if (/SECRET|CODEARENA/.test(env)) hits.push(pid);
  } catch (e) { /* not readable */ }
}
console.log(hits.length ? hits.join(',') : 'clean');
