// Makes a folder impossible to remove, as a locked file or a folder without write permission
// would: root ignores permissions, so for root a file inside is made immutable (chattr +i).
import {execFileSync} from 'node:child_process';
import {chmodSync, writeFileSync} from 'node:fs';
import path from 'node:path';
import process from 'node:process';

/** Locks `folder` against removal; returns the undo (safe to call twice), or undefined when this machine cannot lock. */
export function lockFolder(folder: string): (() => void) | undefined {
	let locked = true;
	const once = (undo: () => void) => () => {
		if (locked) {
			locked = false;
			undo();
		}
	};

	if (process.getuid?.() !== 0) {
		chmodSync(folder, 0o555);
		return once(() => {
			chmodSync(folder, 0o755);
		});
	}

	const file = path.join(folder, 'locked.txt');
	writeFileSync(file, 'locked\n');
	try {
		execFileSync('chattr', ['+i', file], {stdio: 'ignore'});
	} catch {
		return undefined;
	}

	return once(() => {
		execFileSync('chattr', ['-i', file], {stdio: 'ignore'});
	});
}
