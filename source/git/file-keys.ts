// What some git answers are a function of: the text of the files git reads for them. When those
// texts are as they were, so is the answer, and the state read asks git again only when one
// changed. Undefined where git may read more than these files (an include, a ref table): then git
// is asked every time.
import {existsSync} from 'node:fs';
import {readdir, readFile} from 'node:fs/promises';
import path from 'node:path';

/** A file's text, '' when it does not exist, undefined when it cannot be read. */
async function textOf(file: string): Promise<string | undefined> {
	try {
		return await readFile(file, 'utf8');
	} catch (error) {
		return (error as NodeJS.ErrnoException).code === 'ENOENT' ? '' : undefined;
	}
}

/**
 * The settings files of the repository: its own, and the global ones (git 2.32 and newer read
 * GIT_CONFIG_GLOBAL's; older git, HOME's .gitconfig and XDG's git/config). No system file: the
 * sandbox sets GIT_CONFIG_NOSYSTEM, and without it there is no key.
 */
export async function settingsKey(repo: string, env: Record<string, string>): Promise<string | undefined> {
	if (env['GIT_CONFIG_NOSYSTEM'] !== '1' || Object.keys(env).some(name => /^GIT_CONFIG_(?:COUNT|PARAMETERS|KEY_|VALUE_)/.test(name))) {
		return undefined;
	}

	const home = env['HOME'];
	const xdg = env['XDG_CONFIG_HOME'] ?? (home === undefined ? undefined : path.join(home, '.config'));
	const files = [
		path.join(repo, '.git', 'config'),
		env['GIT_CONFIG_GLOBAL'],
		home === undefined ? undefined : path.join(home, '.gitconfig'),
		xdg === undefined ? undefined : path.join(xdg, 'git', 'config'),
	].filter((file): file is string => file !== undefined);
	const texts = await Promise.all(files.map(async file => textOf(file)));
	// An include reads another file, and a worktree's config.worktree one more.
	if (texts.some(text => text === undefined || /include|worktreeconfig/i.test(text))) {
		return undefined;
	}

	return JSON.stringify([files, texts]);
}

/** The refs of a repository's git folder (a bare repository, or .git), kept as files: loose refs and packed-refs. */
export async function refsKey(bare: string): Promise<string | undefined> {
	if (existsSync(path.join(bare, 'reftable'))) {
		return undefined;
	}

	try {
		const names = (await readdir(path.join(bare, 'refs'), {recursive: true})).map(String).sort();
		const texts = await Promise.all(names.map(async name => textOf(path.join(bare, 'refs', name))));
		const packed = await textOf(path.join(bare, 'packed-refs'));
		// A folder's name is listed too, and cannot be read as a file: it stands as undefined (null in the key).
		return packed === undefined ? undefined : JSON.stringify([bare, names, texts, packed]);
	} catch {
		return undefined;
	}
}
