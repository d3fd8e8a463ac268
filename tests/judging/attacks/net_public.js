const net = require('net');
const dns = require('dns');
const attempts = [
  new Promise((resolve) => {
    const s = net.connect({ host: '1.1.1.1', port: 80, timeout: 2000 });
    s.on('connect', () => resolve('tcp 1.1.1.1:80'));
    s.on('error', () => resolve(null));
    s.on('timeout', () => { s.destroy(); resolve(null); });
  }),
  new Promise((resolve) => dns.lookup('example.com', (err) => resolve(err ? null : 'dns'))),
];
Promise.all(attempts).then((results) => {
  const escaped = results.filter(Boolean);
  console.log(escaped.length ? escaped.join(',') : 'blocked');
});
