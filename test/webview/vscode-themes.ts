/**
 * A few `--vscode-*` colours of VS Code's default Light, Dark and High Contrast themes, set on
 * <html> the way VS Code sets them in a webview, so the stand-in host looks like the real one.
 */
const common = { '--vscode-font-family': 'system-ui, sans-serif', '--vscode-font-size': '13px' };

export const VSCODE_THEMES: Record<'light' | 'dark' | 'high-contrast', Record<string, string>> = {
    light: {
        ...common, '--vscode-editor-background': '#ffffff', '--vscode-editor-foreground': '#3b3b3b', '--vscode-descriptionForeground': '#717171',
        '--vscode-editorWidget-background': '#f8f8f8', '--vscode-editorWidget-border': '#c8c8c8', '--vscode-badge-background': '#cce3f7',
        '--vscode-badge-foreground': '#1f1f1f', '--vscode-sideBar-background': '#f8f8f8', '--vscode-editorRuler-foreground': '#8c8c8c',
        '--vscode-charts-blue': '#1a85ff', '--vscode-charts-red': '#e51400', '--vscode-charts-orange': '#d18616', '--vscode-charts-yellow': '#bf8803',
        '--vscode-charts-green': '#388a34', '--vscode-charts-purple': '#652d90', '--vscode-focusBorder': '#005fb8', '--vscode-editorLineNumber-foreground': '#6e7681',
        '--vscode-button-secondaryBackground': '#e5e5e5', '--vscode-button-secondaryForeground': '#3b3b3b', '--vscode-button-background': '#005fb8',
        '--vscode-button-foreground': '#ffffff', '--vscode-panel-border': '#e5e5e5', '--vscode-errorForeground': '#a1260d',
        '--vscode-inputValidation-errorBackground': '#f2dede', '--vscode-inputValidation-errorBorder': '#be1100',
    },
    dark: {
        ...common, '--vscode-editor-background': '#1f1f1f', '--vscode-editor-foreground': '#cccccc', '--vscode-descriptionForeground': '#9d9d9d',
        '--vscode-editorWidget-background': '#202020', '--vscode-editorWidget-border': '#454545', '--vscode-badge-background': '#616161',
        '--vscode-badge-foreground': '#f8f8f8', '--vscode-sideBar-background': '#181818', '--vscode-editorRuler-foreground': '#5a5a5a',
        '--vscode-charts-blue': '#3794ff', '--vscode-charts-red': '#f14c4c', '--vscode-charts-orange': '#d18616', '--vscode-charts-yellow': '#cca700',
        '--vscode-charts-green': '#89d185', '--vscode-charts-purple': '#b180d7', '--vscode-focusBorder': '#0078d4', '--vscode-editorLineNumber-foreground': '#6e7681',
        '--vscode-button-secondaryBackground': '#313131', '--vscode-button-secondaryForeground': '#cccccc', '--vscode-button-background': '#0078d4',
        '--vscode-button-foreground': '#ffffff', '--vscode-panel-border': '#2b2b2b', '--vscode-errorForeground': '#f85149',
        '--vscode-inputValidation-errorBackground': '#5a1d1d', '--vscode-inputValidation-errorBorder': '#be1100',
    },
    'high-contrast': {
        ...common, '--vscode-editor-background': '#000000', '--vscode-editor-foreground': '#ffffff', '--vscode-descriptionForeground': '#ffffff',
        '--vscode-editorWidget-background': '#0c141f', '--vscode-contrastBorder': '#6fc3df', '--vscode-badge-background': '#000000',
        '--vscode-badge-foreground': '#ffffff', '--vscode-sideBar-background': '#000000', '--vscode-editorRuler-foreground': '#ffffff',
        '--vscode-charts-blue': '#3794ff', '--vscode-charts-red': '#f14c4c', '--vscode-charts-orange': '#d18616', '--vscode-charts-yellow': '#cca700',
        '--vscode-charts-green': '#89d185', '--vscode-charts-purple': '#b180d7', '--vscode-focusBorder': '#f38518', '--vscode-editorLineNumber-foreground': '#ffffff',
        '--vscode-button-secondaryBackground': '#000000', '--vscode-button-secondaryForeground': '#ffffff', '--vscode-button-background': '#000000',
        '--vscode-button-foreground': '#ffffff', '--vscode-panel-border': '#6fc3df', '--vscode-errorForeground': '#f48771',
        '--vscode-inputValidation-errorBackground': '#000000', '--vscode-inputValidation-errorBorder': '#f48771',
    },
};
