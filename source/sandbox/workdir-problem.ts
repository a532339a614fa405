// Checks --workdir before the tutor starts, so a folder that cannot hold sandboxes is one clear
// line at once instead of a raw Node error (or, in /proc, a recursive mkdir that never returns).
import nodeFs from 'node:fs';
import path from 'node:path';
import {describeError, errorCode} from '../describe-error.ts';

export type WorkdirFs = Pick<typeof import('node:fs'), 'statSync' | 'mkdtempSync' | 'rmdirSync'>;

/** What is wrong with --workdir, in one line naming the option, or undefined when it can be used. Creates nothing that stays. */
export function workdirProblem(workdir: string, fs: WorkdirFs = nodeFs): string | undefined {
	const prefix = `--workdir ${workdir}:`;
	const target = path.resolve(workdir);
	// The folder itself, or the nearest folder above it that exists: the sandbox is made inside it.
	let existing = target;
	for (;;) {
		try {
			if (fs.statSync(existing).isDirectory()) {
				break;
			}

			const what = existing === target ? 'that is' : `${existing} is`;
			return `${prefix} ${what} a file, not a folder.`;
		} catch (error) {
			const parent = path.dirname(existing);
			const code = errorCode(error);
			if ((code !== 'ENOENT' && code !== 'ENOTDIR') || parent === existing) {
				return `${prefix} it cannot be used (${describeError(error)}).`;
			}

			existing = parent;
		}
	}

	// Only trying tells: root passes permission checks, yet /proc still refuses new folders.
	let probe: string;
	try {
		probe = fs.mkdtempSync(path.join(existing, '.git-push-tutor-check-'));
	} catch (error) {
		// ENOENT for a folder that exists means a file system that allows no new folders (/proc).
		const reason = errorCode(error) === 'ENOENT' ? 'it does not allow new folders' : describeError(error);
		return `${prefix} cannot create the practice folder inside ${existing} (${reason}).`;
	}

	try {
		fs.rmdirSync(probe);
	} catch {
		// An empty hidden folder left behind is harmless; the folder works, which is what counts.
	}

	return undefined;
}
