import { readdir, readFile, stat } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { URI } from 'langium';
import type { JourneySource } from '../../language/workspace/journey-workspace.js';
import { UsageError } from './usage-error.js';

export interface InputFile extends JourneySource {
    /** The path as given on the command line (or found below a directory given there). */
    path: string;
}

/** Every path given, a directory meaning each `.journey` file below it, in a stable order. */
export async function expandPaths(paths: readonly string[]): Promise<string[]> {
    const result: string[] = [];
    for (const path of paths) {
        let info;
        try {
            info = await stat(path);
        } catch (error) {
            throw new UsageError(`${path}: ${describeIoError(error)}`);
        }
        if (info.isDirectory()) {
            result.push(...await journeyFilesBelow(path));
        } else {
            result.push(path);
        }
    }
    // `a.journey` and `./a.journey` are one file: keep the first spelling of each.
    const seen = new Set<string>();
    return result.filter(path => {
        const key = resolve(path);
        if (seen.has(key)) return false;
        seen.add(key);
        return true;
    });
}

async function journeyFilesBelow(directory: string): Promise<string[]> {
    const entries = await readdir(directory, { withFileTypes: true, recursive: true });
    return entries
        .filter(entry => entry.isFile() && entry.name.endsWith('.journey'))
        .map(entry => join(entry.parentPath, entry.name))
        .filter(path => !path.split(/[\\/]/).includes('node_modules'))
        .sort();
}

/** Reads UTF-8 text strictly: a file that is not valid UTF-8 is an error, not mojibake. */
export async function readInputFile(path: string): Promise<InputFile> {
    let bytes: Buffer;
    try {
        bytes = await readFile(path);
    } catch (error) {
        throw new UsageError(`${path}: ${describeIoError(error)}`);
    }
    let text: string;
    try {
        text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    } catch {
        throw new UsageError(`${path}: not valid UTF-8 text`);
    }
    return { path, uri: URI.file(resolve(path)), text: text.replace(/^\uFEFF/, '') };
}

export async function readInputFiles(paths: readonly string[]): Promise<InputFile[]> {
    const expanded = await expandPaths(paths);
    return Promise.all(expanded.map(readInputFile));
}

function describeIoError(error: unknown): string {
    const code = (error as NodeJS.ErrnoException).code;
    switch (code) {
        case 'ENOENT': return 'no such file or directory';
        case 'EACCES': return 'permission denied';
        case 'EISDIR': return 'is a directory';
        default: return (error as Error).message;
    }
}
