// A copy of a sandbox folder to come back to: verify plays many moves from the moment a step
// begins. A copy goes back to the very same path, since git config, remotes and Sam's clone
// hold absolute paths. The copy carries the sandbox's marker, so a killed run's copies are
// removed like any leftover sandbox.
import {cp, mkdtemp, readdir, realpath, rm} from 'node:fs/promises';
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
	const names = (await readdir(from)).filter(name => keep(name));
	// The marker first, so a copy cut short is still known as the tutor's.
	names.sort((a, b) => Number(b === sandboxMarker) - Number(a === sandboxMarker));
	for (const name of names) {
		// Timestamps kept: git's index then finds the files unchanged without hashing them again.
		await cp(path.join(from, name), path.join(to, name), {recursive: true, preserveTimestamps: true, verbatimSymlinks: true});
	}
}
