// The git these tests run, for moves and failures that only newer git shows.
import {execFileSync} from 'node:child_process';
import {olderThan, parseGitVersion} from '../../source/git/version-number.ts';

export const gitVersion = parseGitVersion(execFileSync('git', ['--version'], {encoding: 'utf8'}))?.text ?? '0';

/** A wrong move may start with "# needs git X.Y.Z: why" (a comment the tutor ignores): the git it needs. */
export function neededGit(move: readonly string[]): string | undefined {
	return /^# needs git (\d+\.\d+(?:\.\d+)?)/.exec(move[0] ?? '')?.[1];
}

export const gitOlderThan = (version: string) => olderThan(gitVersion, version);
