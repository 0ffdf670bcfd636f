// The control's look: the page's own colours and fonts (it inherits them, light and dark), Feishu's
// pressed blue for the send button (white on #245bdb is 6.1:1). Selectors are two classes deep where the
// viewer's own markdown styles (injected after these) would otherwise win.
export const STYLE = `
@media print{.docs-try-it{display:none}}
.try-it-sr{position:absolute;width:1px;height:1px;padding:0;margin:-1px;overflow:hidden;clip:rect(0,0,0,0);white-space:nowrap;border:0}
.try-it-toggle,.try-it-panel button{font:inherit;font-size:14px;line-height:1.4;padding:6px 14px;border-radius:6px;border:1px solid currentColor;background:transparent;color:inherit;cursor:pointer;margin:0 8px 8px 0}
.try-it-toggle{margin:16px 0 8px;font-weight:600}
.try-it-toggle::before{content:"▶ ";font-size:.8em}
.try-it-toggle[aria-expanded=true]::before{content:"▼ "}
.try-it-panel .try-it-primary{background:#245bdb;border-color:#245bdb;color:#fff;font-weight:600}
.try-it-panel button:disabled{cursor:progress;opacity:.75}
.try-it-toggle:focus-visible,.try-it-panel :focus-visible{outline:3px solid #4e83fd;outline-offset:2px}
.try-it-panel{border:1px solid #8f959e;border-radius:8px;padding:12px 16px;margin:0 0 16px;font-size:14px}
.try-it-panel fieldset{border:1px solid #8f959e;border-radius:6px;margin:0 0 12px;padding:8px 12px}
.try-it-panel legend{font-weight:600;margin:0;padding:0 4px}
.try-it-panel p.try-it-heading{font-weight:600;padding:0;margin:12px 0 4px}
.try-it-field{display:flex;flex-direction:column;gap:4px;margin:0 0 10px;min-width:0}
.try-it-field input,.try-it-field select,.try-it-field textarea{font-family:var(--font-family-monospaced,monospace);font-size:13px;padding:6px 8px;border:1px solid #8f959e;border-radius:6px;background:transparent;color:inherit;width:100%;box-sizing:border-box}
.try-it-field select option{color:#1f2329;background:#fff}
.try-it-field textarea{resize:vertical}
.try-it-note{margin:0 0 10px;font-size:13px}
.try-it-route{margin:0 0 12px;overflow-wrap:anywhere}
.try-it-method{display:inline-block;background:#245bdb;color:#fff;font-weight:600;font-size:12px;padding:2px 8px;border-radius:4px;white-space:nowrap}
.try-it-actions{display:flex;flex-wrap:wrap}
.try-it-status{margin:12px 0 4px;font-size:15px}
.try-it-panel .try-it-result pre{max-height:320px;overflow:auto;white-space:pre-wrap!important;word-break:break-all;margin:0}
.try-it-panel .try-it-result pre code{white-space:inherit!important;word-break:inherit}
.try-it-result table{display:block;overflow-x:auto;border-collapse:collapse;font-size:13px}
.try-it-result td,.try-it-result th{text-align:left;padding:2px 12px 2px 0;overflow-wrap:anywhere}
.try-it-panel .try-it-result td:first-child{white-space:nowrap}
`;
