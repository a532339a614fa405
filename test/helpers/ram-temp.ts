// Loaded before every test file (package.json, ava.nodeArguments). The tests make and remove
// thousands of small git repositories; on Linux, a RAM folder (/dev/shm) holds them in a fraction
// of a disk's time. Only the tests' temp folder moves, and only where the RAM folder has room
// (a container's is often 64 MB): the tutor itself always uses the system's temp folder.
import {accessSync, constants, mkdirSync, statfsSync} from 'node:fs';
import path from 'node:path';

const ram = '/dev/shm';
const neededBytes = 2 * 1024 ** 3;

function ramFolder(): string | undefined {
	if (process.platform !== 'linux' || process.env['GIT_PUSH_TUTOR_TEST_TMPDIR'] === 'system') {
		return undefined;
	}

	try {
		accessSync(ram, constants.W_OK);
		const {bavail, bsize} = statfsSync(ram);
		if (bavail * bsize < neededBytes) {
			return undefined;
		}

		const folder = path.join(ram, 'git-push-tutor-tests');
		mkdirSync(folder, {recursive: true});
		return folder;
	} catch {
		return undefined;
	}
}

const folder = ramFolder();
if (folder !== undefined) {
	process.env['TMPDIR'] = folder;
}
