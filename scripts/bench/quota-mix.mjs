// The mixed quota run's schedule (which call each process makes, in which order, to which task) and the
// pace a client keeping program order could reach on it, so the section and its workers agree on both.

/**
 * The calls of process `part` of `parts`, in the order it makes them: one of each operation of `mix` in
 * turn ({ operation: count per process }). The removes go to tasks task-<part>, task-<part + parts>, ...
 * (`tasks` in all, each seeded with the collaborators removed from it: the j-th remove takes
 * seed-<task>-<j / its task count>). Layout `own`: the adds go to the next `addTasks` tasks; `same`: to
 * the removes' tasks. addTasklistMembers writes to no task.
 */
export function mixSchedule({ mix, part, parts, tasks, addTasks, layout }) {
  const mine = tasks / parts;
  const task = (j) => part + parts * (j % mine);
  const addTask = layout === 'own' ? (j) => tasks + part + parts * (j % (addTasks / parts)) : task;
  const taskOf = {
    addTasklistMembers: () => undefined,
    addTaskCollaborators: addTask,
    removeTaskCollaborator: task,
  };
  const calls = [];
  const longest = Math.max(...Object.values(mix));
  for (let j = 0; j < longest; j++)
    for (const [operation, count] of Object.entries(mix))
      if (j < count) calls.push({ operation, j, task: taskOf[operation](j), seed: Math.floor(j / mine) });
  return calls;
}

/**
 * When each operation's calls would be sent by a client that keeps program order and nothing else: every
 * call made at 0, answers in no time, writes to one task one after another in the order a process made
 * them, and each operation's quota (an exact sliding log of `windowsOf(operation)`) granted first come,
 * first served (ties by the order the calls were made, processes in turn). Returns, per operation, the
 * time from its first to its last send.
 */
export function programOrderSpans(schedules, windowsOf) {
  // One line per process and task (a call to no task is a line of its own), each with its next call.
  const lines = [];
  schedules.forEach((calls, part) => {
    const byTask = new Map();
    calls.forEach((call, i) => {
      const order = i * schedules.length + part;
      if (call.task === undefined) lines.push({ calls: [{ ...call, order }], next: 0, ready: 0 });
      else if (byTask.has(call.task)) byTask.get(call.task).push({ ...call, order });
      else byTask.set(call.task, [{ ...call, order }]);
    });
    for (const queue of byTask.values()) lines.push({ calls: queue, next: 0, ready: 0 });
  });
  const sent = Object.fromEntries(schedules.flat().map((call) => [call.operation, []]));
  // The earliest a call of `operation` ready at `ready` may go, given what went before (sends come in
  // time order, so only the latest `limit` of each window matter).
  const slot = (operation, ready) => {
    const log = sent[operation];
    let at = Math.max(ready, log.at(-1) ?? 0);
    for (const w of windowsOf(operation))
      if (log.length >= w.limit) at = Math.max(at, log[log.length - w.limit] + w.windowMs);
    return at;
  };
  let open = lines;
  while (open.length) {
    let best;
    for (const line of open) {
      const call = line.calls[line.next];
      const at = slot(call.operation, line.ready);
      if (!best || at < best.at || (at === best.at && call.order < best.call.order)) best = { line, call, at };
    }
    sent[best.call.operation].push(best.at);
    best.line.next++;
    best.line.ready = best.at;
    if (best.line.next === best.line.calls.length) open = open.filter((line) => line !== best.line);
  }
  return Object.fromEntries(Object.entries(sent).map(([operation, log]) => [operation, log.at(-1) - log[0]]));
}
