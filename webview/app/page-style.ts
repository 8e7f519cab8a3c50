/** The page around a map in a webview (preview and compare): theme colours from `--vscode-*`. */
export const PAGE_CSS = `
html,body{margin:0;padding:0;height:100%;overflow:hidden;background:var(--vscode-editor-background);color:var(--vscode-editor-foreground);font-family:var(--vscode-font-family);font-size:var(--vscode-font-size,13px);}
#jm-root{display:flex;flex-direction:column;height:100%;}
#jm-toolbar{display:flex;flex-wrap:wrap;gap:6px;align-items:center;padding:4px 8px;border-bottom:1px solid var(--vscode-panel-border,transparent);}
#jm-toolbar button,#jm-toolbar select{background:var(--vscode-button-secondaryBackground);color:var(--vscode-button-secondaryForeground);border:1px solid var(--vscode-contrastBorder,transparent);padding:2px 8px;cursor:pointer;font:inherit;}
#jm-toolbar button:hover{background:var(--vscode-button-secondaryHoverBackground);}
#jm-toolbar button[aria-pressed=true]{background:var(--vscode-button-background);color:var(--vscode-button-foreground);}
#jm-toolbar .jm-file{opacity:.8;margin-right:auto;}
#jm-banner{padding:4px 8px;cursor:pointer;background:var(--vscode-inputValidation-errorBackground);color:var(--vscode-errorForeground);border:1px solid var(--vscode-inputValidation-errorBorder);}
#jm-banner[hidden]{display:none;}
#jm-empty{padding:16px;opacity:.8;}
.jm-canvas{display:block;cursor:grab;}
.jm-canvas:active{cursor:grabbing;}
`;
