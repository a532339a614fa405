// Is there a git the sandbox can work with?
import process from 'node:process';
import {runGit} from './git-runner.ts';
import {olderThan, parseGitVersion} from './version-number.ts';

const minimumGit = '2.20';
/** Asking git its version takes milliseconds; a git that does not answer in this long is stuck. */
export const versionCheckMs = 10_000;

export type GitCheck = {ok: true; version: string} | {ok: false; message: string};

const install = 'Install git from https://git-scm.com/downloads (or your package manager), then run git-push-tutor again.';

export async function checkGit(env: NodeJS.ProcessEnv = process.env, timeoutMs = versionCheckMs): Promise<GitCheck> {
	const inherited: Record<string, string> = {};
	for (const [name, value] of Object.entries(env)) {
		if (value !== undefined) {
			inherited[name] = value;
		}
	}

	// Through the one runner: a git that hangs (or a wrapper whose child holds the output open) is
	// stopped, its whole process group with it, when the time is up.
	const result = await runGit(['--version'], {cwd: process.cwd(), env: {...inherited, LC_ALL: 'C'}, timeoutMs});
	if (result.timedOut) {
		return {ok: false, message: `git-push-tutor asked git for its version and git did not answer within ${timeoutMs / 1000} seconds, so it stopped. Check that \`git --version\` works in this terminal, then run git-push-tutor again.`};
	}

	if (result.exitCode !== 0) {
		return {ok: false, message: `git-push-tutor needs git, and no git was found on this computer. ${install}`};
	}

	const version = parseGitVersion(result.stdout);
	if (!version || olderThan(version.text, minimumGit)) {
		return {ok: false, message: `git-push-tutor needs git ${minimumGit} or newer; this computer has ${version?.text ?? 'an unknown version'}. ${install}`};
	}

	return {ok: true, version: version.text};
}
