// @feishu-task/platform/node (the platform issue's shared model) imports connect to probe a port; the
// engine reaches that module only for loadBundledSpec, which the page never calls (it passes the spec).
export function connect() {
  throw new Error('try-it: no sockets in the browser');
}
