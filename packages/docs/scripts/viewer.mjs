// The one viewer script both language pages share: Redoc CE's standalone bundle as @redocly/cli ships it
// (the same build `redocly build-docs` inlines), with small patches, each asserted to apply once:
// 1. its label translator (a stub that returns the English default) asks the page's dictionary first,
//    so Redoc's own labels (Request, Responses, Copy, Search, ...) follow the page's language;
// 2. its word-boundary test treats Han characters as boundaries: Chinese has no spaces, so a
//    two-character word such as 权限 inside a phrase must count as a match;
// 3. its substring scan of every section runs always, not only when the token index found nothing,
//    so a Chinese word in the middle of a phrase finds every section that holds it;
// 4. response headers and body get their own label keys, so zh says 响应头 / 响应体 there;
// 5. the example menu button loses an aria-label that hid its visible text (the example's name);
// 6. a `start()` beside `init()`: it builds the reference first and only then renders it, in a React
//    transition, so that the render runs in slices of a few milliseconds (the page stays responsive) and
//    the pre-rendered reference stays in place until the viewer's first commit replaces it (`init()`
//    replaced it at once with a loading spinner, then rendered everything in one task);
// 7. nothing made during the script's evaluation records a stack with line numbers: the bundle's modules
//    all live in one 2 MB function, and with an inspector attached (DevTools, Lighthouse, the bench's
//    Playwright) an Error or a console message made inside it makes V8 re-parse that whole function for
//    its line numbers, about 0.9 s of a 1.2 s evaluation at 4x CPU. React's five sentinel errors (thrown
//    and caught by identity, never shown) are made as plain Error objects without a stack, and the
//    version banner Redoc logs to the console is dropped.
// Then its modules start in slices that yield to the page (scripts/viewer-slices.mjs).
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { sliced } from './viewer-slices.mjs';

const require = createRequire(import.meta.url);
const EXPECTED_VERSION = '3.0.1';

const PATCHES = [
  {
    why: 'labels follow the page language',
    from: 'useTranslate:()=>({translate:(e,t)=>(typeof t==`string`?t:t?.defaultValue)||e||``})',
    to: 'useTranslate:()=>({translate:(e,t)=>{let d=(typeof t==`string`?t:t?.defaultValue)||e||``,f=globalThis.__docsTranslate;return f?f(e,d):d}})',
  },
  {
    why: 'Han characters are word boundaries in search',
    from: 'function b0(e){return e!==void 0&&TDe.test(e)}',
    to: 'function b0(e){return e!==void 0&&TDe.test(e)&&!/\\p{Script=Han}/u.test(e)}',
  },
  {
    why: 'search scans every section for the words',
    from: 'if(!n.length)for(let[r,i]of this._documents)e.has(r)||hOe(',
    to: 'for(let[r,i]of this._documents)e.has(r)||hOe(',
  },
  {
    why: 'response headers have their own label key (zh: 响应头, not the request 请求头)',
    from: '(0,V.jsx)(pE,{to:d,label:`link to \u0024{n(`header`,`Headers`)}`}),(0,V.jsx)(vSe,{children:n(`header`,`Headers`)})',
    to: '(0,V.jsx)(pE,{to:d,label:`link to \u0024{n(`responseHeaders`,`Headers`)}`}),(0,V.jsx)(vSe,{children:n(`responseHeaders`,`Headers`)})',
  },
  {
    why: 'the body label takes a key from its caller (responses pass responseBody)',
    from: 'function iSe({mediaTypes:e,value:t,onChange:n,deepLink:r,headingId:i,required:a}){let o=sE(),s=(0,B.useCallback)(e=>n(e),[n]);if(!e.length)return null;let c=t&&e.includes(t)?t:e[0],l=e.length>1,u=o(`body`,`Body`)',
    to: 'function iSe({mediaTypes:e,value:t,onChange:n,deepLink:r,headingId:i,required:a,docsLabelKey:dk=`body`}){let o=sE(),s=(0,B.useCallback)(e=>n(e),[n]);if(!e.length)return null;let c=t&&e.includes(t)?t:e[0],l=e.length>1,u=o(dk,`Body`)',
  },
  {
    why: 'responses pass the responseBody label key',
    from: '(0,V.jsx)(B$,{headingId:Wh(u),mediaTypes:b,value:C,onChange:S,deepLink:u})',
    to: '(0,V.jsx)(B$,{headingId:Wh(u),mediaTypes:b,value:C,onChange:S,deepLink:u,docsLabelKey:`responseBody`})',
  },
  {
    why: 'start(): the reference is built first, then rendered in a transition (time-sliced), in place of the page',
    from: 'function init(e,t={},n=Y9(`redoc`)){',
    to: 'async function start(e,t={},n=Y9(`redoc`)){let r=$9(n),{router:i,typeOfUsage:a,props:o}=X9(e,t,r,`html`),s=o.basePath??`/`,c=await K9({...o,basePath:s}),l=(0,B.createElement)(D8.Provider,{value:a},(0,B.createElement)(f3,{items:c.items,store:c.store,basePath:s,options:c.options,logo:G9(c.document),telemetryConfig:{typeOfUsage:a,disabled:!0},spec:c.document,specUrl:o.specUrl,buildTimings:c.timings})),u=(0,El.createRoot)(r);return(0,B.startTransition)(()=>u.render(Q9(l,i))),u}function init(e,t={},n=Y9(`redoc`)){',
  },
  {
    why: 'start() is exported (its binding)',
    from: 'const{RedocStandalone,hydrate,init}=',
    to: 'const{RedocStandalone,hydrate,init,start}=',
  },
  {
    why: 'start() is exported (its module export)',
    from: '{RedocStandalone,hydrate,init}})();export{RedocStandalone,hydrate,init};',
    to: '{RedocStandalone,hydrate,init,start}})();export{RedocStandalone,hydrate,init,start};',
  },
  // React's sentinels (thrown and caught by identity, never shown) are made at its module start, inside the
  // bundle's one 2 MB function: with an inspector attached (DevTools, Lighthouse, the bench), an Error made
  // there records a stack with line numbers, and V8 re-parses that whole function to find them (~0.9 s of
  // the script's ~1.2 s evaluation at 4x CPU). Made without that stack, each is still an Error.
  {
    why: 'React sentinel 519 is made without a stack trace',
    from: 'Bi=!1,Vi=Error(i(519))',
    to: 'Bi=!1,Vi=docsSentinel(i(519))',
  },
  {
    why: 'React sentinels 460, 474 and 542 are made without a stack trace',
    from: 'var Ta=Error(i(460)),Ea=Error(i(474)),Da=Error(i(542)),',
    to: 'var Ta=docsSentinel(i(460)),Ea=docsSentinel(i(474)),Da=docsSentinel(i(542)),',
  },
  {
    why: 'React sentinel 461 is made without a stack trace',
    from: 'var sc=Error(i(461)),cc=!1;',
    to: 'var sc=docsSentinel(i(461)),cc=!1;',
  },
  {
    why: 'no version banner in the console (logged from inside that function: the same re-parse)',
    from: 'return typeof document<`u`&&console.info(`\\n%c Redoc %c \u0024{uj.version} %c\\n\\n%chttps://github.com/Redocly/redoc\\n`,`background:#0044D4 ; padding: 1px; border-radius: 3px 0 0 3px;  color: #fff; border:1px solid #0044D4`,`background:#ffffff ; padding: 1px; border:1px solid #0044D4; border-radius: 0 3px 3px 0; color: #0044D4`,`background:transparent`,`font-size: 10px; font-style: italic;`),VHe(),',
    to: 'return VHe(),',
  },
  {
    why: 'the sentinels helper',
    from: 'const{RedocStandalone,hydrate,init,start}=(()=>{',
    to: 'const docsSentinel=(message)=>Object.defineProperty(Object.create(Error.prototype),`message`,{value:message,writable:!0,configurable:!0});const{RedocStandalone,hydrate,init,start}=(()=>{',
  },
  {
    why: 'the example menu is named by its visible text (axe label-content-name-mismatch)',
    from: '"aria-label":`Example`,options:',
    to: 'options:',
  },
];

export function viewerSource() {
  const file = join(dirname(require.resolve('@redocly/cli/package.json')), 'lib/chunks/redoc.standalone.js');
  let code = readFileSync(file, 'utf8');
  const version = /Version: ([\d.]+)/.exec(code)?.[1];
  if (version !== EXPECTED_VERSION)
    throw new Error(
      `Redoc standalone is ${version}, the patches are for ${EXPECTED_VERSION}: review scripts/viewer.mjs`,
    );
  // Offline: the sidebar's "API docs by Redocly" logo comes from a CDN; point it at the local copy.
  code = code.replaceAll(/https:\/\/cdn\.redoc\.ly\/redoc\/logo-mini(?:-full)?\.svg/g, '../redocly-attribution.svg');
  if (code.includes('cdn.redoc.ly')) throw new Error('the viewer still loads something from cdn.redoc.ly');
  for (const patch of PATCHES) {
    const count = code.split(patch.from).length - 1;
    if (count !== 1) throw new Error(`viewer patch "${patch.why}" matched ${count} times (expected 1)`);
    code = code.replace(patch.from, () => patch.to);
  }
  // Its modules start in slices that yield to the page (scripts/viewer-slices.mjs).
  code = sliced(code);
  return { code, version, hash: createHash('sha256').update(code).digest('hex').slice(0, 10) };
}
