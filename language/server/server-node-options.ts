/**
 * Node.js options of the language server process (the extension's server options; the
 * `journeymap-language-server` launcher passes the same, bin/journeymap-language-server.mjs).
 * V8 lets the heap of a long-running process grow far beyond what it holds live: editing a
 * 10,000-step map reached 1.3 GB resident against about 200 MB live. A ceiling on the old
 * generation makes it collect instead (a 10,000-step map and its rebuild fit well within it),
 * and a smaller young generation keeps the garbage of each keystroke's parse from piling up.
 */
export const SERVER_NODE_OPTIONS: readonly string[] = ['--max-old-space-size=768', '--max-semi-space-size=8'];
