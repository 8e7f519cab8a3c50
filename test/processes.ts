/**
 * Processes as Linux's /proc shows them, for tests that check what a process left behind. The
 * fields of /proc/PID/stat come after the command, which is in parentheses and may hold anything.
 */
import { readdirSync, readFileSync } from 'node:fs';

/** The fields after the command (state first, then the parent's PID), or undefined when there is no such process. */
function statFields(pid: number | string): string[] | undefined {
    try {
        const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
        return stat.slice(stat.lastIndexOf(') ') + 2).split(' ');
    } catch {
        return undefined; // it has ended
    }
}

/** Running, not a zombie: an ended orphan may wait a while for init to reap it. */
export function isRunning(pid: number): boolean {
    const state = statFields(pid)?.[0];
    return state !== undefined && state !== 'Z';
}

/** The PIDs whose parent is `pid`. */
export function childrenOf(pid: number): number[] {
    return readdirSync('/proc').filter(name => /^\d+$/.test(name) && Number(statFields(name)?.[1]) === pid).map(Number);
}

/**
 * Whether the process has ended within `ms`. A process sent SIGKILL ends only when the kernel next
 * schedules it, which on a loaded machine can come after the sender has returned, or even ended.
 */
export async function endsWithin(pid: number, ms: number): Promise<boolean> {
    const deadline = Date.now() + ms;
    while (isRunning(pid) && Date.now() < deadline) await new Promise(resolve => setTimeout(resolve, 50));
    return !isRunning(pid);
}
