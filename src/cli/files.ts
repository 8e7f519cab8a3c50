import { constants, type Stats } from 'node:fs';
import { lstat, open, readdir, readlink, realpath, stat } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { URI } from 'langium';
import type { JourneySource } from '../../language/workspace/journey-workspace.js';
import { displayPath, terminalText } from '../text/terminal-text.js';
import { UsageError } from './usage-error.js';

export interface InputFile extends JourneySource {
    /** The path as given on the command line (or found below a directory given there). */
    path: string;
    /** The file started with a UTF-8 byte order mark (dropped from `text`). */
    bom: boolean;
}

/** Says why a `.journey` entry found below a directory was skipped: one line for stderr. */
export type SkipReporter = (line: string) => void;

/**
 * Every path given, a directory meaning each `.journey` file below it, in a stable order.
 *
 * A path given by name must be a readable regular file or directory: anything else (missing, a
 * dangling or looping symbolic link, a FIFO, a socket, a device) is a `UsageError` naming it. Below a
 * directory, an unreadable directory is a `UsageError` too (its maps would silently go unchecked);
 * a `.journey` entry that is not a regular file (a dangling or looping link, a FIFO…) is skipped and
 * reported through `skipped`. Symbolic links to files are followed (a file reached twice counts
 * once); links to directories are not.
 */
export async function expandPaths(paths: readonly string[], skipped: SkipReporter = () => { }): Promise<string[]> {
    const result: string[] = [];
    for (const path of paths) {
        const info = await statPath(path);
        if (info.isDirectory()) result.push(...await journeyFilesBelow(path, skipped));
        else result.push(path);
    }
    // `a.journey`, `./a.journey` and a link to it are one file: keep the first spelling of each.
    const seen = new Set<string>();
    const unique: string[] = [];
    for (const path of result) {
        const key = await realpath(path).catch(() => resolve(path));
        if (seen.has(key)) continue;
        seen.add(key);
        unique.push(path);
    }
    return unique;
}

/** The file or directory a path names (links followed), or a one-line `UsageError` saying why not. */
export async function statPath(path: string): Promise<Stats> {
    let info: Stats;
    try {
        info = await stat(path);
    } catch (error) {
        throw new UsageError(`${displayPath(path)}: ${await describePathError(path, error)}`);
    }
    if (!info.isFile() && !info.isDirectory()) throw new UsageError(`${displayPath(path)}: ${notRegular(info)}`);
    return info;
}

async function journeyFilesBelow(root: string, skipped: SkipReporter): Promise<string[]> {
    const found: string[] = [];
    const pending = [root];
    for (let directory = pending.pop(); directory !== undefined; directory = pending.pop()) {
        let entries;
        try {
            entries = await readdir(directory, { withFileTypes: true });
        } catch (error) {
            throw new UsageError(`${displayPath(directory)}: cannot read the directory: ${describeIoError(error)}`);
        }
        // Sorted, so warnings come in a stable order too.
        for (const entry of entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))) {
            const path = join(directory, entry.name);
            if (entry.isDirectory()) {
                if (entry.name !== 'node_modules') pending.push(path);
                continue;
            }
            if (!entry.name.endsWith('.journey')) continue;
            if (entry.isFile()) {
                found.push(path);
                continue;
            }
            let info: Stats;
            try {
                info = await stat(path);
            } catch (error) {
                const code = (error as NodeJS.ErrnoException).code;
                if (code !== 'ENOENT' && code !== 'ELOOP') throw new UsageError(`${displayPath(path)}: ${describeIoError(error)}`);
                skipped(`${displayPath(path)}: warning: skipped: ${await describePathError(path, error)}`);
                continue;
            }
            // A directory named `x.journey` (or a link to one) is not a map and not worth a word.
            if (info.isFile()) found.push(path);
            else if (!info.isDirectory()) skipped(`${displayPath(path)}: warning: skipped: ${notRegular(info)}`);
        }
    }
    return found.sort();
}

/**
 * Reads UTF-8 text strictly: a file that is not valid UTF-8 is an error naming the first bad byte,
 * not mojibake. Opened without blocking and checked on the open descriptor, so a FIFO (which would
 * wait for a writer forever) or a device is refused, even if it replaced a file since `expandPaths`.
 */
export async function readInputFile(path: string): Promise<InputFile> {
    let bytes: Buffer;
    let handle;
    try {
        handle = await open(path, constants.O_RDONLY | (constants.O_NONBLOCK ?? 0));
    } catch (error) {
        throw new UsageError(`${displayPath(path)}: ${await describePathError(path, error)}`);
    }
    try {
        const info = await handle.stat();
        if (!info.isFile()) throw new UsageError(`${displayPath(path)}: ${info.isDirectory() ? 'is a directory' : notRegular(info)}`);
        bytes = await handle.readFile();
    } catch (error) {
        if (error instanceof UsageError) throw error;
        throw new UsageError(`${displayPath(path)}: ${describeIoError(error)}`);
    } finally {
        await handle.close();
    }
    const bom = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf;
    const body = bom ? bytes.subarray(3) : bytes;
    let text: string;
    try {
        text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(body);
    } catch {
        const bad = invalidUtf8At(body);
        throw new UsageError(`${displayPath(path)}:${bad.line}:${bad.column}: not valid UTF-8 text ` +
            `(byte 0x${body[bad.offset].toString(16).toUpperCase().padStart(2, '0')} at byte offset ${bad.offset + (bom ? 3 : 0)})`);
    }
    return { path, uri: URI.file(resolve(path)), text, bom };
}

export async function readInputFiles(paths: readonly string[], skipped?: SkipReporter): Promise<InputFile[]> {
    const expanded = await expandPaths(paths, skipped);
    // A few at a time: a folder of thousands of maps must not run out of file descriptors.
    const files: InputFile[] = new Array(expanded.length);
    let next = 0;
    const worker = async () => {
        for (let i = next++; i < expanded.length; i = next++) files[i] = await readInputFile(expanded[i]);
    };
    await Promise.all(Array.from({ length: Math.min(16, expanded.length) }, worker));
    return files;
}

/**
 * Where the first byte that is not part of well-formed UTF-8 is (WHATWG rules: no overlong forms,
 * no surrogates, nothing above U+10FFFF, no truncated sequence); line and column 1-based, the
 * column counted in UTF-16 units as the editor and the diagnostics count it.
 */
export function invalidUtf8At(bytes: Uint8Array): { offset: number; line: number; column: number } {
    let lineStart = 0;
    let line = 1;
    let i = 0;
    while (i < bytes.length) {
        const b = bytes[i];
        let length = 0;
        let min = 0x80;
        let max = 0xbf;
        if (b < 0x80) length = 1;
        else if (b >= 0xc2 && b <= 0xdf) length = 2;
        else if (b >= 0xe0 && b <= 0xef) {
            length = 3;
            if (b === 0xe0) min = 0xa0;
            if (b === 0xed) max = 0x9f;
        } else if (b >= 0xf0 && b <= 0xf4) {
            length = 4;
            if (b === 0xf0) min = 0x90;
            if (b === 0xf4) max = 0x8f;
        }
        let valid = length > 0 && i + length <= bytes.length;
        for (let k = 1; valid && k < length; k++) {
            const c = bytes[i + k];
            valid = k === 1 ? c >= min && c <= max : c >= 0x80 && c <= 0xbf;
        }
        if (!valid) {
            const before = new TextDecoder('utf-8', { ignoreBOM: true }).decode(bytes.subarray(lineStart, i));
            return { offset: i, line, column: before.length + 1 };
        }
        if (b === 0x0a || (b === 0x0d && bytes[i + 1] !== 0x0a)) {
            line++;
            lineStart = i + 1;
        }
        i += length;
    }
    throw new Error('invalidUtf8At: the bytes are valid UTF-8');
}

/** Why a path cannot be opened, for a user: a missing link target and a link loop said as such. */
async function describePathError(path: string, error: unknown): Promise<string> {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ELOOP') return 'symbolic link loop (too many levels of links)';
    if (code === 'ENOENT') {
        try {
            if ((await lstat(path)).isSymbolicLink()) return `dangling symbolic link (to ${terminalText(await readlink(path))}, which does not exist)`;
        } catch {
            // Not there at all: said below.
        }
    }
    return describeIoError(error);
}

function describeIoError(error: unknown): string {
    const code = (error as NodeJS.ErrnoException).code;
    switch (code) {
        case 'ENOENT': return 'no such file or directory';
        case 'EACCES': case 'EPERM': return 'permission denied';
        case 'EISDIR': return 'is a directory';
        case 'ENOTDIR': return 'not a directory (a part of the path is a file)';
        case 'ELOOP': return 'symbolic link loop (too many levels of links)';
        case 'ENAMETOOLONG': return 'file name too long';
        case 'EMFILE': case 'ENFILE': return 'too many open files';
        default: return terminalText((error as Error).message);
    }
}

function notRegular(info: Stats): string {
    const kind = info.isFIFO() ? 'a FIFO (named pipe)' : info.isSocket() ? 'a socket' : info.isCharacterDevice() ? 'a character device'
        : info.isBlockDevice() ? 'a block device' : 'a special file';
    return `not a regular file: it is ${kind}, which is not read`;
}
