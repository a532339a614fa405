// echo, cat, ls, touch, rm, mv and pwd, the same on every platform. Every path stays inside the
// learner's repository and out of .git; symlinks that lead out are refused. A misspelt name gets
// the closest file's name, and * and ? match file names in one folder of the repository.
import {appendFile, lstat, readdir, readFile, realpath, rename, rm, stat, utimes, writeFile} from 'node:fs/promises';
import type {Dirent} from 'node:fs';
import path from 'node:path';
import {closestWord} from '../closest-word.ts';
import type {Redirect} from './parse-command-line.ts';

export const fileHelperNames = ['echo', 'cat', 'ls', 'touch', 'rm', 'mv', 'pwd'] as const;
export type FileHelperName = (typeof fileHelperNames)[number];
export type HelperResult = {output: string; exitCode: number};

const repoShownAs = '~/shipment';

class HelperError extends Error {}

const fail = (message: string): never => {
	throw new HelperError(message);
};

/**
 * Whether a path inside the repository goes through a .git folder at any depth: the repository's
 * own, or a nested clone's, whose config could make git run programs. Lower case: on macOS and
 * Windows disks .GIT is the same folder as .git.
 */
export const namesGitStorage = (relative: string) => relative.split(/[/\\]/).some(part => part.toLowerCase() === '.git');

const outside = (relative: string) => relative === '..' || relative.startsWith(`..${path.sep}`) || relative.startsWith('../') || path.isAbsolute(relative);

const isFolder = async (place: string) => (await stat(place).catch(() => undefined))?.isDirectory() === true;
const isFile = async (place: string) => (await stat(place).catch(() => undefined))?.isFile() === true;

/**
 * Whether a folder holds git storage, whatever its name (x.git, a --separate-git-dir): HEAD,
 * objects/ and refs/. Two of the three count already, so storage cannot be put together one
 * piece at a time (the last piece would be written into what is storage by then).
 */
async function holdsStorage(folder: string): Promise<boolean> {
	const pieces = await Promise.all([isFile(path.join(folder, 'HEAD')), isFolder(path.join(folder, 'objects')), isFolder(path.join(folder, 'refs'))]);
	return pieces.filter(Boolean).length >= 2;
}

/**
 * Whether a place in the repository (relative to its real path, links already followed) is in git
 * storage: under a folder named .git, or under a folder that holds storage, at any depth.
 */
export async function inGitStorage(repo: string, relative: string): Promise<boolean> {
	if (namesGitStorage(relative)) {
		return true;
	}

	const realRepo = await realpath(repo).catch(() => repo);
	let folder = realRepo;
	for (const part of relative.split(/[/\\]/).filter(Boolean)) {
		folder = path.join(folder, part);
		if (await holdsStorage(folder)) {
			return true;
		}
	}

	return false;
}

/**
 * Where a typed path really leads, relative to the repository's real path: each part is followed
 * as the system would (a link to its target, then `..` from there), not resolved as text, so
 * `link/../x` is judged where it lands. The parts after the deepest one that exists are taken as
 * text. 'dangling' when a link leads nowhere (whatever is made through it lands wherever it points).
 */
export async function followPath(repo: string, typed: string): Promise<string | 'dangling'> {
	const realRepo = await realpath(repo).catch(() => repo);
	let current = path.isAbsolute(typed) ? path.parse(path.resolve(typed)).root : realRepo;
	let exists = true;
	for (const part of typed.split(/[/\\]+/).filter(part => part !== '' && part !== '.')) {
		if (part === '..') {
			current = path.dirname(current);
			continue;
		}

		const next = path.join(current, part);
		current = next;
		if (!exists) {
			continue;
		}

		const stats = await lstat(next).catch(() => undefined);
		if (stats === undefined) {
			exists = false;
		} else if (stats.isSymbolicLink()) {
			try {
				current = await realpath(next);
			} catch {
				return 'dangling';
			}
		}
	}

	return path.relative(realRepo, current);
}

/** Whether a typed path, links followed, stays inside the repository. */
export async function leadsOutside(repo: string, typed: string): Promise<boolean> {
	if (typed.startsWith('~') || /^[a-zA-Z]:/.test(typed)) {
		return true;
	}

	const place = await followPath(repo, typed);
	return place === 'dangling' || outside(place);
}

/**
 * Resolves a path the learner typed to one inside the repository, or explains why not. The path
 * itself may be a link only when `link` is 'itself' (rm removes the link, never what it points to).
 */
export async function resolveInRepository(repo: string, typed: string, link: 'refuse' | 'itself' = 'refuse'): Promise<string> {
	if (typed === '' || path.isAbsolute(typed) || /^[a-zA-Z]:/.test(typed) || typed.startsWith('~')) {
		fail(`${typed || 'An empty path'}: use a path inside ${repoShownAs}, like notes.txt`);
	}

	const full = path.resolve(repo, typed);
	if (outside(path.relative(repo, full))) {
		fail(`${typed}: that is outside ${repoShownAs}; the tutor keeps you inside it`);
	}

	// The folder it is in, followed part by part through links, must really be inside the repository.
	const folder = typed.replace(/[/\\]+$/, '');
	const slash = Math.max(folder.lastIndexOf('/'), folder.lastIndexOf('\\'));
	const inside = slash === -1 ? '' : await followPath(repo, folder.slice(0, slash) || '/');
	if (inside === 'dangling' || outside(inside)) {
		fail(`${typed}: that leads outside ${repoShownAs} through a link`);
	}

	const place = path.join(inside, slash === -1 ? folder : folder.slice(slash + 1));
	if (namesGitStorage(path.relative(repo, full)) || namesGitStorage(place)) {
		fail(`${typed}: .git is git's own storage room; change it only through git commands`);
	}

	if (await inGitStorage(repo, place)) {
		fail(`${typed}: that folder holds a repository's storage (as .git does); change it only through git commands`);
	}

	try {
		if (link === 'refuse' && (await lstat(full)).isSymbolicLink()) {
			fail(`${typed}: is a link; the tutor's helpers do not follow links`);
		}
	} catch (error) {
		if (error instanceof HelperError) {
			throw error;
		}
	}

	return slash === -1 ? full : path.join(await realpath(repo).catch(() => repo), place);
}

/** Every file in the repository, by relative path: not in .git folders, not through links. */
async function repositoryFiles(repo: string): Promise<string[]> {
	const files: string[] = [];
	const walk = async (folder: string, prefix: string) => {
		const entries = await readdir(folder, {withFileTypes: true}).catch(() => []);
		for (const entry of entries) {
			const relative = `${prefix}${entry.name}`;
			if (files.length >= 5000 || namesGitStorage(relative)) {
				continue;
			}

			if (entry.isDirectory()) {
				await walk(path.join(folder, entry.name), `${relative}/`);
			} else {
				files.push(relative);
			}
		}
	};

	await walk(repo, '');
	return files;
}

/** The file in the repository the typed name most likely meant, if one is close. */
async function closestFile(repo: string, typed: string): Promise<string | undefined> {
	return closestWord(typed, await repositoryFiles(repo), typed.length <= 4 ? 1 : 2);
}

const message = async (error: unknown, typed: string, repo: string): Promise<string> => {
	const code = (error as NodeJS.ErrnoException).code;
	if (code === 'ENOENT') {
		const meant = await closestFile(repo, typed);
		return meant === undefined ? `${typed}: no such file` : `${typed}: no such file. Did you mean ${meant}?`;
	}

	if (code === 'EISDIR') {
		return `${typed}: is a folder`;
	}

	return `${typed}: ${(error as Error).message}`;
};

const hasPattern = (word: string) => /[*?]/.test(word);

/** A shell-style name pattern (* and ?) as a regular expression for one folder's entries. */
function patternExpression(pattern: string): RegExp {
	const body = [...pattern].map(character => (character === '*' ? '.*' : character === '?' ? '.' : character.replace(/[$()+.[\]\\^{|}]/, '\\$&'))).join('');
	return new RegExp(`^${body}$`);
}

/**
 * Expands * and ? in file names as a shell would, inside the repository only: in one folder (no
 * patterns in folder names), never matching .git, and hidden files only for a pattern starting with a dot.
 */
async function expandPatterns(repo: string, words: readonly string[]): Promise<string[]> {
	const expanded: string[] = [];
	for (const word of words) {
		if (!hasPattern(word)) {
			expanded.push(word);
			continue;
		}

		const slash = word.lastIndexOf('/');
		const [folder, name] = slash === -1 ? ['', word] : [word.slice(0, slash + 1), word.slice(slash + 1)];
		if (hasPattern(folder)) {
			fail(`${word}: the tutor expands * and ? in file names only, not in folder names`);
		}

		const place = folder === '' ? repo : await resolveInRepository(repo, folder);
		const expression = patternExpression(name);
		const names = (await readdir(place).catch(() => [] as string[]))
			.filter(entry => expression.test(entry) && (name.startsWith('.') || !entry.startsWith('.')) && !namesGitStorage(entry))
			.sort();
		if (names.length === 0) {
			fail(`${word}: no file matches`);
		}

		expanded.push(...names.map(entry => `${folder}${entry}`));
	}

	return expanded;
}

async function eachPath(repo: string, name: string, paths: string[], action: (full: string, typed: string) => Promise<string>, link: 'refuse' | 'itself' = 'refuse'): Promise<HelperResult> {
	if (paths.length === 0) {
		return {output: `${name}: name a file, like ${name} notes.txt\n`, exitCode: 1};
	}

	let output = '';
	let exitCode = 0;
	for (const typed of paths) {
		try {
			output += await action(await resolveInRepository(repo, typed, link), typed);
		} catch (error) {
			output += `${name}: ${error instanceof HelperError ? error.message : await message(error, typed, repo)}\n`;
			exitCode = 1;
		}
	}

	return {output, exitCode};
}

export async function runFileHelper(name: FileHelperName, args: string[], redirect: Redirect | undefined, repo: string): Promise<HelperResult> {
	if (redirect && name !== 'echo') {
		return {output: `Only echo can write to a file here, like: echo "a line" > notes.txt\n`, exitCode: 1};
	}

	try {
		// echo prints its words as typed; the other helpers take * and ? as a shell would.
		const words = name === 'echo' ? args : await expandPatterns(repo, args);
		switch (name) {
			case 'echo': {
				return await echo(args, redirect, repo);
			}

			case 'pwd': {
				return {output: `${repoShownAs}\n`, exitCode: 0};
			}

			case 'ls': {
				return await list(words, repo);
			}

			case 'cat': {
				return await eachPath(repo, 'cat', words, async full => readFile(full, 'utf8'));
			}

			case 'mv': {
				return await move(words, repo);
			}

			case 'touch': {
				return await eachPath(repo, 'touch', words, async full => {
					const now = new Date();
					await appendFile(full, '');
					await utimes(full, now, now);
					return '';
				});
			}

			case 'rm': {
				const options = words.filter(arg => arg.startsWith('-'));
				if (options.length > 0) {
					return {output: `rm: the tutor's rm removes single files and takes no options (${options.join(' ')})\n`, exitCode: 1};
				}

				return await eachPath(repo, 'rm', words, async (full, typed) => {
					if ((await lstat(full)).isDirectory()) {
						fail(`${typed}: is a folder; the tutor's rm removes files only`);
					}

					await rm(full);
					return '';
				}, 'itself');
			}
		}
	} catch (error) {
		return {output: `${name}: ${error instanceof HelperError ? error.message : (error as Error).message}\n`, exitCode: 1};
	}
}

/** mv FILE NEW-NAME, or mv FILE FOLDER: never over an existing file, never out of the repository. */
async function move(args: string[], repo: string): Promise<HelperResult> {
	if (args.length !== 2 || args.some(arg => arg.startsWith('-'))) {
		return {output: 'mv: name a file and its new name, like mv map.txt my-map.txt\n', exitCode: 1};
	}

	const [typedSource, typedTarget] = args as [string, string];
	const source = await resolveInRepository(repo, typedSource, 'itself');
	try {
		await lstat(source);
	} catch (error) {
		return {output: `mv: ${await message(error, typedSource, repo)}\n`, exitCode: 1};
	}

	let target = await resolveInRepository(repo, typedTarget);
	const existing = await lstat(target).catch(() => undefined);
	if (existing?.isDirectory()) {
		target = await resolveInRepository(repo, path.join(typedTarget, path.basename(source)));
	}

	if (await lstat(target).then(() => true, () => false)) {
		return {output: `mv: ${path.relative(repo, target)} already exists; choose a name no file has\n`, exitCode: 1};
	}

	try {
		await rename(source, target);
	} catch (error) {
		return {output: `mv: ${await message(error, typedTarget, repo)}\n`, exitCode: 1};
	}

	return {output: '', exitCode: 0};
}

async function echo(args: string[], redirect: Redirect | undefined, repo: string): Promise<HelperResult> {
	const text = `${args.join(' ')}\n`;
	if (!redirect) {
		return {output: text, exitCode: 0};
	}

	const full = await resolveInRepository(repo, redirect.path);
	try {
		await (redirect.mode === 'append' ? appendFile(full, text) : writeFile(full, text));
	} catch (error) {
		return {output: `echo: ${await message(error, redirect.path, repo)}\n`, exitCode: 1};
	}

	return {output: '', exitCode: 0};
}

async function list(args: string[], repo: string): Promise<HelperResult> {
	const all = args.some(arg => /^-[a-zA-Z]*a/.test(arg));
	const targets = args.filter(arg => !arg.startsWith('-'));
	const folder = targets[0] === undefined ? repo : await resolveInRepository(repo, targets[0]);
	let entries: Dirent[];
	try {
		entries = await readdir(folder, {withFileTypes: true});
	} catch (error) {
		const code = (error as NodeJS.ErrnoException).code;
		// As ls does: a file is listed by its name; anything else gets a plain reason, not Node's.
		return code === 'ENOTDIR' ? {output: `${targets[0]}\n`, exitCode: 0} : {output: `ls: ${await message(error, targets[0] ?? '.', repo)}\n`, exitCode: 1};
	}

	const names = entries
		.filter(entry => all || !entry.name.startsWith('.'))
		.map(entry => (entry.isDirectory() ? `${entry.name}/` : entry.name))
		.sort();
	return {output: names.length > 0 ? `${names.join('  ')}\n` : '', exitCode: 0};
}
