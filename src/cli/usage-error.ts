/** A bad flag, a missing argument or an unreadable file: exit status 2 with the reason on stderr. */
export class UsageError extends Error { }

/** Exit statuses of every command (docs/cli.md). */
export const ExitCode = { Ok: 0, Failed: 1, Usage: 2 } as const;
