// What the failure classifier needs beyond the repository state, read with plumbing only after a
// command failed and only for the failures that need it: the options git itself lists for a
// command, its command names, the files it knows, what an incoming merge would touch, tags and a
// few settings. Every read goes through the one git runner, in the sandbox, untranslated.
import {runGit} from '../git/git-runner.ts';
import type {GitArguments} from '../git/git-arguments.ts';
import {hasOption} from '../git/git-arguments.ts';
import type {RepoState} from '../git/repo-state.ts';
import {parseGitVersion} from '../git/version-number.ts';

export type FailureFacts = {
	gitVersion?: string;
	/** Long options the command accepts, as `git CMD --git-completion-helper` lists them (`--force`, `--repo=`). */
	options?: {names: readonly string[]; complete: boolean; sub?: string};
	/** Every git command name, when the typed one might not be one. */
	commands?: readonly string[];
	/** help.autocorrect is set: git may have run another command in place of a typo. */
	autocorrect?: boolean;
	/** Every file git sees in the repository: tracked (in the index) or not. */
	files?: readonly string[];
	/** Files changed or added on the way to what the command would bring in (undefined: no target). */
	incoming?: readonly string[];
	/** The current box and what the command would bring in share no ancestor. */
	unrelated?: boolean;
	/** Local tags: the object each points at (as for-each-ref's objectname) and the box it marks. */
	localTags?: Record<string, {object: string; commit: string}>;
	pushDefault?: string;
	/** rebase.autoStash is on: a rebasing pull sets unsealed changes aside by itself. */
	autostash?: boolean;
};

export type FactReader = {repo: string; env: Record<string, string>};

/** Plumbing output, or undefined when git answered with an error. */
async function read(args: string[], reader: FactReader): Promise<string | undefined> {
	const result = await runGit(args, {cwd: reader.repo, env: reader.env, internal: true});
	return result.exitCode === 0 ? result.stdout : undefined;
}

/** Answers that depend only on the git binary (found on the sandbox's PATH), kept for the session. */
const perGit = new Map<string, Promise<string | undefined>>();

async function readOnce(args: string[], reader: FactReader): Promise<string | undefined> {
	const key = `${reader.env['PATH'] ?? ''}\0${args.join('\0')}`;
	let answer = perGit.get(key);
	if (answer === undefined) {
		answer = read(args, reader);
		perGit.set(key, answer);
	}

	return answer;
}

const words = (text: string | undefined) => (text ?? '').split(/\s+/).filter(Boolean);
const nulList = (text: string | undefined) => (text ?? '').split('\0').filter(Boolean);

/**
 * The long options of a command (or of its sub-command, `git remote add`). Only commands built on
 * git's option parser answer --git-completion-helper; -all (git 2.26 and newer) adds the options
 * completion hides, so only that list is complete.
 */
async function readOptions(args: GitArguments, reader: FactReader): Promise<FailureFacts['options']> {
	const command = args.subcommand ?? '';
	if (!words(await readOnce(['--list-cmds=parseopt'], reader)).includes(command)) {
		return undefined;
	}

	const listed = async (path: string[]) => {
		const all = await readOnce([...path, '--git-completion-helper-all'], reader);
		const text = all ?? await readOnce([...path, '--git-completion-helper'], reader);
		return text === undefined ? undefined : {names: words(text).filter(word => word.startsWith('--') && word !== '--'), complete: all !== undefined, plain: words(text)};
	};

	const top = await listed([command]);
	const sub = args.positionals[0];
	// Sub-commands (remote add, stash push) have their own options; newer git lists their names.
	const inner = sub !== undefined && top?.plain.includes(sub) ? await listed([command, sub]) : undefined;
	const chosen = inner ?? top;
	return chosen && chosen.names.length > 0 ? {names: chosen.names, complete: chosen.complete, ...(inner ? {sub} : {})} : undefined;
}

async function readGitVersion(reader: FactReader): Promise<string | undefined> {
	return parseGitVersion(await readOnce(['version'], reader) ?? '')?.text;
}

/** What a pull, merge, checkout or switch would bring in, as a revision git can read now. */
function incomingTarget(args: GitArguments, state: RepoState): string | undefined {
	switch (args.subcommand) {
		case 'pull': {
			// Pull fetches first and updates the remote-tracking branch it then merges or rebases onto.
			const [remote, branch] = args.positionals;
			return remote === undefined ? state.upstream : (branch === undefined || args.positionals.length > 2 ? undefined : `refs/remotes/${remote}/${branch}`);
		}

		case 'merge': {
			return args.positionals.length === 1 ? args.positionals[0] : undefined;
		}

		case 'checkout':
		case 'switch': {
			return args.positionals.length === 1 && !hasOption(args, '-b', '-B', '-c', '-C', '--orphan', '--create', '--force-create') ? args.positionals[0] : undefined;
		}

		default: {
			return undefined;
		}
	}
}

/** A merge brings what changed since the common box; a rebase or checkout replaces the whole desk. */
function replacesDesk(args: GitArguments, state: RepoState): boolean {
	if (args.subcommand !== 'pull') {
		return args.subcommand !== 'merge';
	}

	return (hasOption(args, '--rebase', '-r') && !args.options.includes('--rebase=false'))
		|| (!hasOption(args, '--no-rebase') && state.pullSettings.rebase !== undefined && state.pullSettings.rebase !== 'false');
}

export async function readFailureFacts(args: GitArguments, exitCode: number, state: RepoState, reader: FactReader): Promise<FailureFacts> {
	if (exitCode === 0 || args.subcommand === undefined) {
		return {};
	}

	const facts: FailureFacts = {gitVersion: await readGitVersion(reader)};
	if (exitCode === 129) {
		facts.options = await readOptions(args, reader);
		return facts;
	}

	const commands = words(await readOnce(['--list-cmds=main,others,alias,nohelpers'], reader));
	if (!commands.includes(args.subcommand)) {
		facts.commands = commands;
		facts.autocorrect = await read(['config', '--get', 'help.autocorrect'], reader) !== undefined;
		return facts;
	}

	facts.files = nulList(await read(['ls-files', '-z', '--cached', '--others'], reader));
	const target = incomingTarget(args, state);
	if (target !== undefined && state.head !== undefined && await read(['rev-parse', '-q', '--verify', `${target}^{commit}`], reader) !== undefined) {
		const base = await read(['merge-base', 'HEAD', target], reader);
		facts.unrelated = base === undefined;
		const range = replacesDesk(args, state) ? ['HEAD', target] : (base === undefined ? undefined : [base.trim(), target]);
		facts.incoming = range && nulList(await read(['diff', '--name-only', '--no-renames', '-z', ...range, '--'], reader));
	}

	if (args.subcommand === 'tag' || args.subcommand === 'push') {
		const tags = await read(['for-each-ref', '--format=%(refname)%00%(objectname)%00%(*objectname)', 'refs/tags'], reader);
		facts.localTags = Object.fromEntries(words(tags).map(line => {
			const [ref = '', object = '', peeled = ''] = line.split('\0');
			return [ref.slice('refs/tags/'.length), {object, commit: peeled || object}];
		}));
		facts.pushDefault = (await read(['config', '--get', 'push.default'], reader))?.trim();
	}

	if (args.subcommand === 'pull') {
		facts.autostash = (await read(['config', '--bool', '--get', 'rebase.autoStash'], reader))?.trim() === 'true';
	}

	return facts;
}
