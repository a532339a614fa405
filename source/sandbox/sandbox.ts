// Creates and removes a lesson's world: the learner's repository, the bare repository that
// stands in for GitHub, and (where a lesson needs him) Sam's clone. Nothing is written elsewhere.
import {appendFile, mkdtemp, mkdir, readdir, realpath, rm, rmdir, writeFile} from 'node:fs/promises';
import {existsSync, readdirSync, rmdirSync, rmSync} from 'node:fs';
import {hostname, tmpdir} from 'node:os';
import path from 'node:path';
import {buildGitEnv} from './git-env.ts';
import {githubUrl, sandboxGitConfig} from './sandbox-config.ts';
import {gitOutput} from '../git/git-runner.ts';
import {describeError, errorCode} from '../describe-error.ts';

export const sandboxMarker = '.git-push-tutor-sandbox';
export const sandboxPrefix = 'git-push-tutor-';

/** A --keep sandbox says so in its marker: the cleanup of leftovers never removes it. */
export const keptLine = 'kept (--keep): left for the learner';

/** Names the process that owns the sandbox, so a later start can tell a leftover from a live one. */
function markerText(keep: boolean): string {
	return `A git-push-tutor sandbox. Safe to delete.\npid ${process.pid}\nhost ${hostname()}\n${keep ? `${keptLine}\n` : ''}`;
}

/** Why a sandbox could not be made, in words without the temp path (which would only confuse). */
export class SandboxError extends Error {}

function setupProblem(error: unknown, inTemp: boolean): SandboxError {
	const code = errorCode(error);
	// Git's own message names the temp path; what matters is the reason.
	const full = code === 'ENOSPC' || /no space left on device|disk quota exceeded/i.test(String((error as Error).message));
	const reason = code === undefined ? (full ? describeError({code: 'ENOSPC'}) : 'git could not create the practice repositories') : describeError(error);
	const where = inTemp ? 'in the system temp folder' : 'in the --workdir folder';
	const advice = inTemp ? ' Set TMPDIR to a folder you can write to, or start with --workdir DIR.' : '';
	return new SandboxError(`The practice folder could not be set up ${where} (${reason}).${advice}`);
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
	/** --keep: the marker says so, and leftover cleanup never removes it. */
	keep?: boolean;
	inheritedEnv?: NodeJS.ProcessEnv;
};

export async function createSandbox(options: CreateSandboxOptions): Promise<Sandbox> {
	const inTemp = options.parent === undefined;
	const parent = options.parent ?? tmpdir();
	let root: string;
	try {
		// --workdir may name a folder still to be made; a missing temp folder is never created.
		if (!inTemp) {
			await mkdir(parent, {recursive: true});
		}

		// realpath: macOS temp dirs are symlinks, and git prints the resolved path.
		root = await realpath(await mkdtemp(path.join(parent, sandboxPrefix)));
	} catch (error) {
		throw setupProblem(error, inTemp);
	}

	live.add(root);
	try {
		await writeFile(path.join(root, sandboxMarker), markerText(options.keep ?? false));
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
		// Nothing half-built stays behind (a full disk, say); if even removing fails, the marker stays for a later start.
		await removeSandbox(root);
		throw setupProblem(error, inTemp);
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

/**
 * Removes a sandbox, but only a folder that carries the tutor's marker. The marker goes last, so a
 * folder that could not be removed whole (a locked file, a folder without write permission) is
 * still known as ours, and a later start removes it. Never throws: says what went wrong, without the path.
 */
export async function removeSandbox(root: string): Promise<string | undefined> {
	const marker = path.join(root, sandboxMarker);
	if (!existsSync(marker)) {
		live.delete(root);
		return undefined;
	}

	try {
		for (const name of await readdir(root)) {
			if (name !== sandboxMarker) {
				await rm(path.join(root, name), {recursive: true, force: true, maxRetries: 3});
			}
		}

		await rm(marker, {force: true});
		await rmdir(root);
		return undefined;
	} catch (error) {
		return removalProblem(error);
	} finally {
		// Said once; the exit cleanup does not try again (a later start does).
		live.delete(root);
	}
}

/** Codes whose words are true of a failed removal; Node reports some refusals as ENOTDIR, which would mislead. */
const removalReasons = new Set(['EACCES', 'EPERM', 'EBUSY', 'EROFS', 'EIO']);

function removalProblem(error: unknown): string {
	const reason = removalReasons.has(errorCode(error) ?? '') ? describeError(error) : 'something in it cannot be deleted';
	return `The lesson's practice folder could not be removed (${reason}). It stays marked as the tutor's, and the next start of git-push-tutor tries again.`;
}

/** For process exit, where nothing asynchronous runs any more. Returns what could not be removed, said in words. */
export function removeLiveSandboxesSync(): string[] {
	const problems: string[] = [];
	for (const root of live) {
		live.delete(root);
		const marker = path.join(root, sandboxMarker);
		if (!existsSync(marker)) {
			continue;
		}

		try {
			for (const name of readdirSync(root)) {
				if (name !== sandboxMarker) {
					rmSync(path.join(root, name), {recursive: true, force: true});
				}
			}

			rmSync(marker, {force: true});
			rmdirSync(root);
		} catch (error) {
			problems.push(removalProblem(error));
		}
	}

	return problems;
}

/** --keep: the sandbox stays on disk, and exit cleanup leaves it alone. */
export function keepSandbox(root: string): void {
	live.delete(root);
}
