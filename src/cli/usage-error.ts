import { terminalText } from '../text/terminal-text.js';

/**
 * A bad flag, a missing argument or an unreadable file: exit status 2 with the reason on stderr.
 * The message is always one line: a path or value quoted in it cannot break it (`\n` is shown).
 */
export class UsageError extends Error {
    constructor(message: string) {
        super(terminalText(message));
    }
}

/** Exit statuses of every command (docs/cli.md). */
export const ExitCode = { Ok: 0, Failed: 1, Usage: 2 } as const;
