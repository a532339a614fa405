// Sandboxes left behind by a tutor that was killed outright (kill -9, a closed laptop lid that
// never woke up). Only folders that carry the tutor's marker are touched, and only when the
// process the marker names is gone: another tutor running at the same time keeps its sandbox, and
// a sandbox kept with --keep stays for good.
import {readdir, readFile} from 'node:fs/promises';
import {hostname, tmpdir} from 'node:os';
import path from 'node:path';
import {keptLine, removeSandbox, sandboxMarker, sandboxPrefix} from './sandbox.ts';

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
async function owner(folder: string): Promise<{pid: number; host: string; kept: boolean} | undefined> {
	try {
		const text = await readFile(path.join(folder, sandboxMarker), 'utf8');
		const pid = Number(/^pid (\d+)$/m.exec(text)?.[1]);
		const host = /^host (.+)$/m.exec(text)?.[1];
		return Number.isInteger(pid) && pid > 0 && host ? {pid, host, kept: text.split('\n').includes(keptLine)} : undefined;
	} catch {
		return undefined;
	}
}

/**
 * Removes leftovers in the temp folder and in --workdir (a run with --workdir and a default run
 * leave them in different places), and says how many went. One that cannot be removed is skipped.
 */
export async function removeStaleSandboxes(workdir?: string, temp: string = tmpdir()): Promise<number> {
	let removed = 0;
	for (const parent of new Set([temp, ...(workdir === undefined ? [] : [path.resolve(workdir)])])) {
		let names: string[];
		try {
			names = await readdir(parent);
		} catch {
			continue;
		}

		for (const name of names.filter(candidate => candidate.startsWith(sandboxPrefix))) {
			const folder = path.join(parent, name);
			const found = await owner(folder);
			if (found && !found.kept && found.host === hostname() && found.pid !== process.pid && !isRunning(found.pid) && await removeSandbox(folder) === undefined) {
				removed++;
			}
		}
	}

	return removed;
}
