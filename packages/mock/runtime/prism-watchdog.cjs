// Preloaded into the Prism child (node --require): Prism must never outlive the mock that started it.
// The mock kills Prism on close() and on its own exit; this covers what it cannot: SIGKILL, SIGHUP,
// a crash that skips 'exit' handlers. Two signals, either one suffices: the IPC channel to the parent
// closes when the parent dies, and on POSIX the child is re-parented (its ppid changes).
'use strict';
const parent = Number(process.env.FEISHU_MOCK_PARENT_PID) || process.ppid;
const bye = () => process.exit(0);
if (process.channel) {
  process.on('disconnect', bye);
  process.channel.unref();
}
const alive = () => {
  if (process.ppid !== parent) return false;
  try {
    process.kill(parent, 0);
    return true;
  } catch (error) {
    return error.code === 'EPERM';
  }
};
setInterval(() => {
  if (!alive()) bye();
}, 500).unref();
