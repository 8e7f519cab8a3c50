/**
 * The usage line of every command. Kept apart from the commands so that `journeymap --help` and
 * `journeymap CMD --help` print them without loading a command (and with it Langium, d3, …):
 * the dispatcher in main.ts imports only this file until it knows which command runs.
 */
export const checkUsage = 'journeymap check [--format text|json|github] PATHS…';
export const diffUsage = 'journeymap diff [--format markdown|json|text|html] [--exit-code] [--link-base URL] (OLD NEW | --git BASE [HEAD] [-- PATHS...])';
export const exportUsage = 'journeymap export [--format json|mermaid] FILE [--journey ID] [--fence] [--workspace DIR]';
export const importUsage = 'journeymap import FILE [-o OUT.journey]';
export const fmtUsage = 'journeymap fmt [--check] PATHS…';
export const renderUsage = 'journeymap render FILE [-o OUT.svg|OUT.html|OUT.png|OUT.pdf] [--journey ID] [--theme light|dark|high-contrast] [--scale N] [--page a3|a4|letter|fit] [--workspace DIR]';
export const reportUsage = 'journeymap report [PATHS…] [--format markdown|html|json] [--journey ID] [--link-base URL]';
