// Is there a git the sandbox can work with?
import {execa} from 'execa';
import {olderThan, parseGitVersion} from './version-number.ts';

const minimumGit = '2.20';

export type GitCheck = {ok: true; version: string} | {ok: false; message: string};

const install = 'Install git from https://git-scm.com/downloads (or your package manager), then run git-push-tutor again.';

export async function checkGit(env: NodeJS.ProcessEnv = process.env): Promise<GitCheck> {
	const result = await execa('git', ['--version'], {reject: false, env: {...env, LC_ALL: 'C'}, extendEnv: false, stdin: 'ignore', timeout: 10_000});
	if (result.exitCode !== 0) {
		return {ok: false, message: `git-push-tutor needs git, and no git was found on this computer. ${install}`};
	}

	const version = parseGitVersion(result.stdout);
	if (!version || olderThan(version.text, minimumGit)) {
		return {ok: false, message: `git-push-tutor needs git ${minimumGit} or newer; this computer has ${version?.text ?? 'an unknown version'}. ${install}`};
	}

	return {ok: true, version: version.text};
}
