// The viewer's script evaluated in slices. Redoc's standalone bundle is one module whose modules all
// start inside one function, `const{...}=(()=>{...; return {...}})();`: about 0.3 s of work at 4x CPU
// in one task, during which the page cannot answer the reader. That function becomes async and, between
// two of its top-level statements, yields to the browser once its slice has run for SLICE_MS, so each
// task stays under the 50 ms of a long task. The statements run in the same order in the same scope;
// only other tasks may now run between them. The module then exports after a top-level await, which
// boot.js (its one importer) waits for as before.
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const SLICE_MS = 30;

// Outside the function: the slice clock and the yield (scheduler.yield where the browser has it: the
// rest of the evaluation runs before other queued tasks; else a macrotask).
// The bench (scripts/bench/sections/80-docs-phone.mjs) counts the evaluation from this mark to boot.js's.
const HELPERS =
  "performance.mark('docs:viewer-evaluating');" +
  `let docsT=0;const docsDue=()=>performance.now()-docsT>${SLICE_MS},` +
  'docsYield=async()=>{await(globalThis.scheduler?.yield?globalThis.scheduler.yield():new Promise(r=>setTimeout(r)));docsT=performance.now()};';

/** @param {string} code the patched standalone bundle; returns it with its start function sliced. */
export function sliced(code) {
  const ts = require('typescript');
  const file = ts.createSourceFile('redoc.standalone.js', code, ts.ScriptTarget.Latest, false, ts.ScriptKind.JS);
  const starts = file.statements.filter(
    (s) =>
      ts.isVariableStatement(s) &&
      s.declarationList.declarations.length === 1 &&
      ts.isObjectBindingPattern(s.declarationList.declarations[0].name) &&
      isStartCall(ts, s.declarationList.declarations[0].initializer),
  );
  if (starts.length !== 1) throw new Error(`viewer slices: found ${starts.length} start functions (expected 1)`);
  const call = starts[0].declarationList.declarations[0].initializer;
  const fn = call.expression.expression;
  const body = fn.body.statements;
  const last = body.at(-1);
  if (!ts.isReturnStatement(last)) throw new Error('viewer slices: the start function does not end with its return');
  let out = '';
  let at = 0;
  const put = (pos, text) => {
    out += code.slice(at, pos) + text;
    at = pos;
  };
  put(call.getStart(file), 'await');
  put(fn.getStart(file), 'async');
  put(fn.body.getStart(file) + 1, 'docsT=performance.now();');
  for (const s of body) if (s !== last && !ts.isFunctionDeclaration(s)) put(s.end, ';docsDue()&&await docsYield();');
  out += code.slice(at);
  const i = starts[0].getStart(file);
  return out.slice(0, i) + HELPERS + out.slice(i);
}

// `(()=>{...})()`: an arrow function with a block body, in parentheses, called without arguments.
function isStartCall(ts, node) {
  if (!node || !ts.isCallExpression(node) || node.arguments.length) return false;
  const inner = node.expression;
  return (
    ts.isParenthesizedExpression(inner) &&
    ts.isArrowFunction(inner.expression) &&
    !inner.expression.parameters.length &&
    ts.isBlock(inner.expression.body)
  );
}
