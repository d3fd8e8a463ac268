const words = require("fs").readFileSync(0, "utf8").trim().split(/\s+/);
process.stdout.write(words.reverse().join("\n"));
