// File errors in words a beginner can act on: never a stack trace or a syscall dump.

export function errorCode(error: unknown): string | undefined {
	if (typeof error === 'object' && error !== null && 'code' in error && typeof error.code === 'string') {
		return error.code;
	}

	return undefined;
}

const friendlyErrors: Record<string, string> = {
	EACCES: 'permission denied',
	EPERM: 'permission denied',
	EROFS: 'the disk is read-only',
	ENOSPC: 'the disk is full',
	EDQUOT: 'the disk quota is used up',
	ENOTDIR: 'part of the path is a file, not a folder',
	EISDIR: 'it is a folder, not a file',
	ENOENT: 'the folder does not exist',
	EBUSY: 'the file is busy',
	EMFILE: 'too many files are open',
	EIO: 'the disk reported an error',
	ELOOP: 'the path has a symbolic link that points back to itself',
	ENAMETOOLONG: 'the path is too long',
};

export function describeError(error: unknown): string {
	const code = errorCode(error);
	if (code === undefined) {
		return 'an unexpected error';
	}

	return Object.hasOwn(friendlyErrors, code) ? friendlyErrors[code]! : `error ${code}`;
}
