// The text of the newest box's files, read with limits set before git starts: `git grep` over all
// of HEAD reads every line of every file, and one huge file kept a grep running for minutes, even
// after the tutor itself was gone. Only files the size of a lesson's are read.
import {runGit} from './git-runner.ts';

/** Lesson files are a few lines; a file bigger than this is not one the checks look into. */
export const maxHeadFileBytes = 256 * 1024;
/** Bounds the whole read, and the command line that names the files. */
const maxHeadFiles = 500;
const maxTotalBytes = 2_000_000;
const maxPathCharacters = 64 * 1024;

type Reader = {repo: string; env: Record<string, string>};

/** Small regular files of HEAD, from `git ls-tree -r -l -z` (mode type oid size TAB path). */
function smallFiles(listing: string): string[] {
	const chosen: string[] = [];
	let bytes = 0;
	let characters = 0;
	for (const entry of listing.split('\0')) {
		const tab = entry.indexOf('\t');
		const [mode, type, , size] = entry.slice(0, tab).split(/ +/);
		const file = entry.slice(tab + 1);
		const length = Number(size);
		if (tab === -1 || type !== 'blob' || !mode?.startsWith('100') || !(length <= maxHeadFileBytes)) {
			continue;
		}

		if (chosen.length === maxHeadFiles || bytes + length > maxTotalBytes || characters + file.length > maxPathCharacters) {
			break;
		}

		chosen.push(file);
		bytes += length;
		characters += file.length;
	}

	return chosen;
}

/** `git grep -z -n -e '' HEAD` output (HEAD:path NUL number NUL text) for HEAD's small text files only. */
export async function headFilesGrep(reader: Reader): Promise<string> {
	const options = {cwd: reader.repo, env: reader.env, internal: true};
	const listing = await runGit(['ls-tree', '-r', '-l', '-z', '--full-tree', 'HEAD'], options);
	const files = listing.exitCode === 0 ? smallFiles(listing.stdout) : [];
	if (files.length === 0) {
		return '';
	}

	// Literal pathspecs: a file named '*' or ':(glob)x' means only itself.
	const grep = await runGit(['--literal-pathspecs', 'grep', '-I', '-n', '--full-name', '-z', '-e', '', 'HEAD', '--', ...files], options);
	return grep.exitCode === 0 ? grep.stdout : '';
}
