// Reading and comparing git version numbers: pure, so the failure classifier can use it too.

export function parseGitVersion(output: string): {major: number; minor: number; text: string} | undefined {
	const match = /(\d+)\.(\d+)(?:\.(\d+))?/.exec(output);
	return match ? {major: Number(match[1]), minor: Number(match[2]), text: match[0]} : undefined;
}

/** Whether a version like "2.30.2" is older than one like "2.33.1". */
export function olderThan(version: string, than: string): boolean {
	const parts = (text: string) => text.split('.').map(Number);
	const [a, b] = [parts(version), parts(than)];
	for (let index = 0; index < 3; index++) {
		const difference = (a[index] ?? 0) - (b[index] ?? 0);
		if (difference !== 0) {
			return difference < 0;
		}
	}

	return false;
}

/** git switch (and restore) arrived in 2.23: on a known older git, lessons and advice say checkout. */
export function lacksSwitch(version: string | undefined): boolean {
	return version !== undefined && olderThan(version, '2.23');
}
