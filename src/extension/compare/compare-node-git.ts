/** Git for the compare view on the desktop: the git executable, run with argument arrays (Node only). */
import { git, revisionFiles } from '../../diff/git-revisions.js';
import { CompareError, type GitRevisions } from './compare-sides.js';

export const nodeGitRevisions: GitRevisions = {
    run: git,
    // The default runner: revisionFiles then reads the revision's blobs with one `git cat-file --batch`.
    files: (root, ref) => revisionFiles(root, ref),
};

/**
 * Git only in a trusted workspace: a repository's own configuration can make git run programs,
 * so in Restricted Mode the git-by-revision commands are hidden (package.json, `isWorkspaceTrusted`)
 * and refused here if run anyway. Trust is asked at each call: it can be granted while the window is open.
 */
export function trustedGitRevisions(isTrusted: () => boolean, revisions: GitRevisions = nodeGitRevisions): GitRevisions {
    const refuse = () => Promise.reject(new CompareError('Comparing with a git revision runs git, which is off in Restricted Mode: trust the workspace first.'));
    return {
        run: (args, cwd) => (isTrusted() ? revisions.run(args, cwd) : refuse()),
        files: (root, ref) => (isTrusted() ? revisions.files(root, ref) : refuse()),
    };
}
