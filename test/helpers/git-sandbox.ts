// Throwaway repositories for the explain corpus: real git, any build, fully isolated from the
// machine's own git config, identity, credentials and network, with output captured the way a
// terminal shows it (stdout and stderr interleaved in the order git wrote them).
import {spawn, spawnSync} from 'node:child_process';
import {mkdir, open, readFile, rm, writeFile} from 'node:fs/promises';
import path from 'node:path';

export type GitRun = {code: number; output: string};

export const identity = {
	GIT_AUTHOR_NAME: 'Sam',
	GIT_AUTHOR_EMAIL: 'sam@example.com',
	GIT_COMMITTER_NAME: 'Sam',
	GIT_COMMITTER_EMAIL: 'sam@example.com',
};

/** The environment every corpus git runs in: HOME is an empty folder, no config applies but the repository's own. */
export function isolatedEnv(root: string, gitBin: string | undefined): Record<string, string> {
	const env: Record<string, string> = {};
	for (const [name, value] of Object.entries(process.env)) {
		// GIT_DIR, GIT_AUTHOR_*, GIT_CONFIG_* and the like from the machine would change what git says.
		if (value !== undefined && !/^(GIT_|EMAIL$|LANG|LC_)/.test(name.toUpperCase())) {
			env[name] = value;
		}
	}

	const home = path.join(root, 'home');
	return {
		...env,
		// The build's own helpers (git-receive-pack for local pushes) come first.
		PATH: gitBin === undefined ? (env['PATH'] ?? '') : `${gitBin}${path.delimiter}${env['PATH'] ?? ''}`,
		HOME: home,
		XDG_CONFIG_HOME: path.join(home, '.config'),
		GIT_CONFIG_NOSYSTEM: '1',
		// git ≥ 2.32 reads this instead of ~/.gitconfig: a file that never exists.
		GIT_CONFIG_GLOBAL: path.join(home, 'no-gitconfig'),
		GIT_CEILING_DIRECTORIES: root,
		LC_ALL: 'C',
		LANGUAGE: 'C',
		GIT_TERMINAL_PROMPT: '0',
		GIT_ASKPASS: '',
		SSH_ASKPASS: '',
		GIT_EDITOR: ':',
		GIT_SEQUENCE_EDITOR: ':',
		GIT_MERGE_AUTOEDIT: 'no',
		GIT_PAGER: 'cat',
		PAGER: 'cat',
		// Fixed dates: no output depends on the clock.
		GIT_AUTHOR_DATE: '2024-05-01T10:00:00Z',
		GIT_COMMITTER_DATE: '2024-05-01T10:00:00Z',
	};
}

let captureCount = 0;

// A terminal line-buffers git's stdout; a file would hold it back until git exits, and
// "Updating a..b" or the --porcelain lines would come after the errors that follow them.
const lineBuffered = spawnSync('stdbuf', ['--version']).status === 0;

/** What a terminal shows of a line with carriage returns: each part overwrites the start of the last. */
export function asTerminalShows(output: string): string {
	return output.split('\n').map(line => line.split('\r').reduce((shown, part) => part + shown.slice(part.length), '')).join('\n');
}

/** Runs git with stdout and stderr going to one file, so their lines interleave as in a terminal. */
export async function runGit(gitPath: string, cwd: string, args: readonly string[], env: Record<string, string>, captureDir: string): Promise<GitRun> {
	const file = path.join(captureDir, `out-${process.pid}-${captureCount++}.txt`);
	const handle = await open(file, 'w');
	try {
		const code = await new Promise<number>((resolve, reject) => {
			const [command, words] = lineBuffered ? ['stdbuf', ['-oL', gitPath, ...args]] : [gitPath, args];
			const child = spawn(command, words, {cwd, env, stdio: ['ignore', handle.fd, handle.fd]});
			child.on('error', reject);
			child.on('close', (exitCode, signal) => {
				resolve(exitCode ?? (signal ? 129 : 1));
			});
		});
		return {code, output: asTerminalShows(await readFile(file, 'utf8'))};
	} finally {
		await handle.close();
		await rm(file, {force: true});
	}
}

export async function writeText(folder: string, name: string, text: string): Promise<void> {
	await mkdir(path.dirname(path.join(folder, name)), {recursive: true});
	await writeFile(path.join(folder, name), text);
}
