const keep = [];
for (;;) keep.push(new Array(1 << 20).fill(3.14));
