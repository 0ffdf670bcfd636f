// The budget lives in size/budget.json, which the bench reads too.
const budget = require('./size/budget.json');

module.exports = [{ name: budget.name, path: `size/${budget.file}`, limit: `${budget.gzipBytes} B`, gzip: true }];
