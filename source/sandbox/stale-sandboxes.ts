// Sandboxes left behind by a tutor that was killed outright (kill -9, a closed laptop lid that
// never woke up). Only folders that carry the tutor's marker are touched, and only when the
// process the marker names is gone: another tutor running at the same time keeps its sandbox.
import {readdir, readFile, rm} from 'node:fs/promises';
import {hostname, tmpdir} from 'node:os';
import path from 'node:path';
import {sandboxMarker, sandboxPrefix} from './sandbox.ts';

function isRunning(pid: number): boolean {
	try {
		process.kill(pid, 0);
		return true;
	} catch (error) {
		// EPERM: it exists but belongs to someone else.
		return (error as NodeJS.ErrnoException).code === 'EPERM';
	}
}

/** The owner named in a marker, or undefined when the folder is not a sandbox of ours. */
async function owner(folder: string): Promise<{pid: number; host: string} | undefined> {
	try {
		const text = await readFile(path.join(folder, sandboxMarker), 'utf8');
		const pid = Number(/^pid (\d+)$/m.exec(text)?.[1]);
		const host = /^host (.+)$/m.exec(text)?.[1];
		return Number.isInteger(pid) && pid > 0 && host ? {pid, host} : undefined;
	} catch {
		return undefined;
	}
}

/** Removes leftovers in `parent` (the temp folder, or --workdir) and says how many went. */
export async function removeStaleSandboxes(parent: string = tmpdir()): Promise<number> {
	let names: string[];
	try {
		names = await readdir(parent);
	} catch {
		return 0;
	}

	let removed = 0;
	for (const name of names.filter(candidate => candidate.startsWith(sandboxPrefix))) {
		const folder = path.join(parent, name);
		const found = await owner(folder);
		if (found && found.host === hostname() && found.pid !== process.pid && !isRunning(found.pid)) {
			await rm(folder, {recursive: true, force: true, maxRetries: 3});
			removed++;
		}
	}

	return removed;
}
