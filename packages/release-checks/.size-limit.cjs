// The budgets live in size/budget.json, which the bench reads too: the modular one-call apps (addTasklistMembers,
// the largest, and the other two operations under the same budget), and the same call through createClient (held
// where it is, so the all-in-one form cannot grow either).
const budget = require('./size/budget.json');

module.exports = [
  budget,
  ...budget.others.map((other) => ({ ...other, gzipBytes: budget.gzipBytes })),
  budget.createClient,
].map((b) => ({
  name: b.name,
  path: `size/${b.file}`,
  limit: `${b.gzipBytes} B`,
  gzip: true,
}));
