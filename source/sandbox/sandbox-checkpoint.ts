// A copy of a sandbox folder to come back to: verify plays many moves from the moment a step
// begins. A copy goes back to the very same path, since git config, remotes and Sam's clone
// hold absolute paths. The copy carries the sandbox's marker, so a killed run's copies are
// removed like any leftover sandbox.
import {copyFile, link as hardLink, mkdir, mkdtemp, readdir, readlink, realpath, rm, symlink} from 'node:fs/promises';
import type {Dirent} from 'node:fs';
import path from 'node:path';
import {removeSandbox, sandboxMarker, sandboxPrefix} from './sandbox.ts';

/** Copies everything in the sandbox root to a new folder beside it; returns that folder. */
export async function copySandbox(root: string): Promise<string> {
	const copy = await realpath(await mkdtemp(path.join(path.dirname(root), `${sandboxPrefix}checkpoint-`)));
	try {
		await copyEntries(root, copy);
	} catch (error) {
		await removeSandbox(copy);
		throw error;
	}

	return copy;
}

/** Puts the sandbox root back as the copy holds it: everything but the marker is replaced. */
export async function restoreSandbox(root: string, copy: string): Promise<void> {
	for (const name of await readdir(root)) {
		if (name !== sandboxMarker) {
			await rm(path.join(root, name), {recursive: true, force: true, maxRetries: 3});
		}
	}

	await copyEntries(copy, root, name => name !== sandboxMarker);
}

export async function removeCopy(copy: string): Promise<void> {
	await removeSandbox(copy);
}

async function copyEntries(from: string, to: string, keep: (name: string) => boolean = () => true): Promise<void> {
	const entries = (await readdir(from, {withFileTypes: true})).filter(entry => keep(entry.name));
	// The marker first, so a copy cut short is still known as the tutor's.
	const marker = entries.find(entry => entry.name === sandboxMarker);
	if (marker) {
		await copyFile(path.join(from, marker.name), path.join(to, marker.name));
	}

	await copyTree(from, to, entries.filter(entry => entry !== marker));
}

/** Git never changes a file under a repository's objects/ or hooks/ in place (new objects are new files), so a link shares it safely. */
const sharedFolder = (folder: string, name: string) => (name === 'objects' || name === 'hooks') && /(^|[\\/])(\.git|[^\\/]+\.git)$/.test(folder);

/**
 * A plain copy, all files of a folder at once (fs.cp is several times slower on the many small
 * files of a repository), with git's unchanging files linked rather than copied. Timestamps are
 * not kept: git notices the new inodes anyway and compares contents.
 */
async function copyTree(from: string, to: string, entries: Dirent[], link = false): Promise<void> {
	await Promise.all(entries.map(async entry => {
		const [source, target] = [path.join(from, entry.name), path.join(to, entry.name)];
		if (entry.isDirectory()) {
			await mkdir(target);
			await copyTree(source, target, await readdir(source, {withFileTypes: true}), link || sharedFolder(from, entry.name));
		} else if (entry.isSymbolicLink()) {
			await symlink(await readlink(source), target);
		} else if (link) {
			await hardLink(source, target).catch(async () => copyFile(source, target));
		} else {
			await copyFile(source, target);
		}
	}));
}
