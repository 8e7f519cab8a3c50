import { dirname, resolve } from 'node:path';
import { JourneyWorkspace, type LoadedJourneyDocument } from '../../language/workspace/journey-workspace.js';
import { readInputFile, readInputFiles, type InputFile, type SkipReporter } from './files.js';

/**
 * Loads one file for `export` and `render` together with its workspace (by default every
 * `.journey` file below the file's folder), so declarations in sibling files resolve.
 */
export async function loadFileInWorkspace(path: string, workspaceDir?: string, skipped?: SkipReporter): Promise<{ file: InputFile; loaded: LoadedJourneyDocument; workspace: JourneyWorkspace }> {
    const file = await readInputFile(path);
    const others = (await readInputFiles([workspaceDir ?? dirname(path)], skipped)).filter(other => resolve(other.path) !== resolve(path));
    const workspace = new JourneyWorkspace();
    const [loaded] = await workspace.load([file, ...others]);
    return { file, loaded, workspace };
}
