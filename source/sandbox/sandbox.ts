// Creates and removes a lesson's world: the learner's repository, the bare repository that
// stands in for GitHub, and (where a lesson needs him) Sam's clone. Nothing is written elsewhere.
import {appendFile, mkdtemp, mkdir, realpath, rm, writeFile} from 'node:fs/promises';
import {existsSync, rmSync} from 'node:fs';
import {hostname, tmpdir} from 'node:os';
import path from 'node:path';
import {buildGitEnv} from './git-env.ts';
import {githubUrl, sandboxGitConfig} from './sandbox-config.ts';
import {gitOutput} from '../git/git-runner.ts';

export const sandboxMarker = '.git-push-tutor-sandbox';
export const sandboxPrefix = 'git-push-tutor-';

/** Names the process that owns the sandbox, so a later start can tell a leftover from a live one. */
function markerText(): string {
	return `A git-push-tutor sandbox. Safe to delete.\npid ${process.pid}\nhost ${hostname()}\n`;
}

/** Sandboxes of this process not removed yet, so an abrupt exit can still clean them. */
const live = new Set<string>();

export type Sandbox = {
	root: string;
	/** The learner's repository, shown as ~/shipment. */
	repo: string;
	/** The bare repository behind https://github.com/learner/shipment.git. */
	online: string;
	/** Sam's clone (created by the setup action that needs it). */
	sam: string;
	home: string;
	branch: string;
	env: Record<string, string>;
	samEnv: Record<string, string>;
	url: string;
};

export type CreateSandboxOptions = {
	/** Where to create the sandbox folder; the system temp dir by default. */
	parent?: string;
	branch: string;
	color: boolean;
	inheritedEnv?: NodeJS.ProcessEnv;
};

export async function createSandbox(options: CreateSandboxOptions): Promise<Sandbox> {
	const parent = options.parent ?? tmpdir();
	await mkdir(parent, {recursive: true});
	// realpath: macOS temp dirs are symlinks, and git prints the resolved path.
	const root = await realpath(await mkdtemp(path.join(parent, sandboxPrefix)));
	live.add(root);
	try {
		await writeFile(path.join(root, sandboxMarker), markerText());
		const home = path.join(root, 'home');
		const hooks = path.join(root, 'no-hooks');
		const githubDir = path.join(root, 'github');
		const gitconfig = path.join(home, '.gitconfig');
		const samHome = path.join(root, 'sam-home');
		await Promise.all([
			mkdir(path.join(home, '.config'), {recursive: true}),
			mkdir(path.join(samHome, '.config'), {recursive: true}),
			mkdir(hooks),
			mkdir(path.join(githubDir, 'learner'), {recursive: true}),
		]);
		const config = sandboxGitConfig({githubDir, hooksDir: hooks, branch: options.branch, color: options.color});
		const samConfig = sandboxGitConfig({githubDir, hooksDir: hooks, branch: options.branch, color: false})
			.replace('name = Learner', 'name = Sam Rivera')
			.replace('email = learner@example.com', 'email = sam@example.com');
		await Promise.all([
			writeFile(gitconfig, config),
			writeFile(path.join(samHome, '.gitconfig'), samConfig),
		]);
		const env = buildGitEnv({root, home, gitconfig}, options.inheritedEnv);
		const samEnv = buildGitEnv({root, home: samHome, gitconfig: path.join(samHome, '.gitconfig')}, options.inheritedEnv);
		const sandbox: Sandbox = {
			root,
			repo: path.join(root, 'shipment'),
			online: path.join(githubDir, 'learner', 'shipment.git'),
			sam: path.join(root, 'sam', 'shipment'),
			home,
			branch: options.branch,
			env,
			samEnv,
			url: githubUrl,
		};
		await Promise.all([initRepository(sandbox, sandbox.online, true), initRepository(sandbox, sandbox.repo, false)]);
		return sandbox;
	} catch (error) {
		await removeSandbox(root);
		throw error;
	}
}

async function initRepository(sandbox: Sandbox, directory: string, bare: boolean): Promise<void> {
	await mkdir(directory, {recursive: true});
	await gitOutput(bare ? ['init', '--quiet', '--bare'] : ['init', '--quiet'], {cwd: directory, env: sandbox.env});
	// Written directly rather than with two more git processes (start-up speed): the branch
	// (init.defaultBranch is ignored before git 2.28), and for the online repository a reflog
	// of every push, as the recovery lesson needs. A config file may repeat a section.
	const gitDirectory = bare ? directory : path.join(directory, '.git');
	await writeFile(path.join(gitDirectory, 'HEAD'), `ref: refs/heads/${sandbox.branch}\n`);
	if (bare) {
		await appendFile(path.join(gitDirectory, 'config'), '[core]\n\tlogAllRefUpdates = true\n');
	}
}

/** Removes a sandbox, but only a folder that carries the tutor's marker. */
export async function removeSandbox(root: string): Promise<void> {
	if (!existsSync(path.join(root, sandboxMarker))) {
		return;
	}

	await rm(root, {recursive: true, force: true, maxRetries: 3});
	live.delete(root);
}

/** For process exit, where nothing asynchronous runs any more. */
export function removeLiveSandboxesSync(): void {
	for (const root of live) {
		if (existsSync(path.join(root, sandboxMarker))) {
			rmSync(root, {recursive: true, force: true});
		}

		live.delete(root);
	}
}

/** --keep: the sandbox stays on disk, and exit cleanup leaves it alone. */
export function keepSandbox(root: string): void {
	live.delete(root);
}
