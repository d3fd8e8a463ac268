const line = 'flood '.repeat(100) + '\n';
function pump() { while (process.stdout.write(line)) {} process.stdout.once('drain', pump); }
pump();
