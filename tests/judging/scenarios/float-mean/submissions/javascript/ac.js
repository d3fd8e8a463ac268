const [n, ...xs] = require("fs").readFileSync(0, "utf8").trim().split(/\s+/).map(Number);
console.log((xs.reduce((a, b) => a + b, 0) / n).toFixed(7));
