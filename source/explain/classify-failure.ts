// Recognises why a learner's git command failed, from the command's structure, its exit code
// and the repository state after it: never from git's wording, which changes between versions
// and languages.
import type {GitArguments} from '../git/git-arguments.ts';
import {hasOption} from '../git/git-arguments.ts';
import type {RepoState} from '../git/repo-state.ts';
import type {FailureId} from './explanations.ts';

export type Failure = {id: FailureId; details: Record<string, string>};

const looksLikeUrl = (word: string) => word.includes(':') || word.includes('/') || word.includes('\\');

export function classifyFailure(args: GitArguments, exitCode: number, state: RepoState): Failure | undefined {
	if (exitCode === 0) {
		return undefined;
	}

	const branch = state.branch ?? 'HEAD';
	const remoteNames = state.remotes.map(remote => remote.name);
	const details = {branch, remotes: remoteNames.join(', ') || 'none'};
	switch (args.subcommand) {
		case 'push': {
			return classifyPush(args, state, details);
		}

		case 'commit': {
			const couldSealSomething = state.staged.length > 0 || (hasOption(args, '-a', '--all') && state.unstaged.length > 0);
			const special = hasOption(args, '--amend', '--allow-empty');
			return couldSealSomething || special || state.conflicted.length > 0 ? undefined : {id: 'nothing-to-seal', details};
		}

		case 'remote': {
			const [action, name] = args.positionals;
			return action === 'add' && name !== undefined && remoteNames.includes(name)
				? {id: 'remote-exists', details: {...details, remote: name}}
				: undefined;
		}

		default: {
			return undefined;
		}
	}
}

function classifyPush(args: GitArguments, state: RepoState, details: Record<string, string>): Failure | undefined {
	const [remote, ...refspecs] = args.positionals;
	if (remote === undefined) {
		if (state.remotes.length === 0) {
			return {id: 'no-destination', details};
		}

		const pushesEverything = hasOption(args, '--all', '--mirror', '--tags', '--branches');
		return state.branch && !state.upstream && !pushesEverything ? {id: 'no-upstream', details} : undefined;
	}

	if (!looksLikeUrl(remote) && !state.remotes.some(known => known.name === remote)) {
		return {id: 'unknown-remote', details: {...details, remote}};
	}

	for (const refspec of refspecs) {
		// The source is what stands before ':' (after an optional '+'); HEAD needs a first commit.
		const source = refspec.replace(/^\+/, '').split(':')[0] ?? '';
		const exists = source === '' || (source === 'HEAD' ? state.head !== undefined : source in state.branches || /^[\da-f]{7,40}$/.test(source));
		if (!exists) {
			return {id: 'src-refspec', details: {...details, ref: source}};
		}
	}

	if (refspecs.length === 0 && state.branch && !state.upstream && !hasOption(args, '--all', '--mirror', '--tags', '--branches')) {
		return {id: 'no-upstream', details};
	}

	return undefined;
}
