// Each check is a small pure function of the repository state and the learner's last command.
import type {RepoState} from '../git/repo-state.ts';
import type {GitArguments} from '../git/git-arguments.ts';
import type {Failure} from '../explain/classify-failure.ts';
import {githubPrefixes} from '../sandbox/sandbox-config.ts';
import type {Check} from './lesson-types.ts';

export type LastCommand = {
	/** Set when the last line was a git command that ran. */
	git?: {args: GitArguments; exitCode: number; failure: Failure | undefined};
};

export type CheckContext = {
	state: RepoState;
	last: LastCommand;
	/** HEAD when the current step began. */
	stepStartHead: string | undefined;
};

/** The online repository's path under github.com, as lessons show it. */
const onlineRepository = 'learner/shipment';

/** Whether a remote URL, after the sandbox's GitHub rewriting, leads to the online repository. */
export function reachesOnline(url: string): boolean {
	const prefix = githubPrefixes.find(candidate => url.startsWith(candidate));
	if (prefix === undefined) {
		return false;
	}

	// Git finds shipment.git when .git is left off, and ignores a trailing slash.
	return url.slice(prefix.length).replace(/\/$/, '').replace(/\.git$/, '') === onlineRepository;
}

function changedFiles(state: RepoState): boolean {
	return state.staged.length > 0 || state.unstaged.length > 0;
}

function newCommitCount(context: CheckContext): number {
	const index = context.state.commits.findIndex(commit => commit.oid === context.stepStartHead);
	return index === -1 ? context.state.commits.length : index;
}

export function holds(check: Check, context: CheckContext): boolean {
	const {state, last} = context;
	switch (check.check) {
		case 'ran': {
			const git = last.git;
			if (git?.args.subcommand !== check.command) {
				return false;
			}

			const resultMatches = check.result === undefined || (check.result === 'succeeded') === (git.exitCode === 0);
			const actionMatches = check.action === undefined || check.action.includes(git.args.positionals[0] ?? '');
			return resultMatches && actionMatches && (check.failure === undefined || git.failure?.id === check.failure);
		}

		case 'staged': {
			return state.staged.some(change => change.path === check.path);
		}

		case 'notStaged': {
			return !state.staged.some(change => change.path === check.path);
		}

		case 'untracked': {
			return state.untracked.includes(check.path);
		}

		case 'deskClear': {
			return state.untracked.length === 0 && state.unstaged.length === 0;
		}

		case 'boxEmpty': {
			return state.staged.length === 0;
		}

		case 'uncommittedChanges': {
			return changedFiles(state);
		}

		case 'commits': {
			return state.commits.length >= check.atLeast;
		}

		case 'newCommits': {
			return newCommitCount(context) >= check.atLeast;
		}

		case 'lastCommitChanges': {
			const files = state.commits[0]?.files ?? [];
			return check.path === undefined
				? files.some(file => file.status === 'M' || file.status === 'D')
				: files.some(file => file.path === check.path);
		}

		case 'noRemotes': {
			return state.remotes.length === 0;
		}

		case 'remote': {
			const remote = state.remotes.find(candidate => candidate.name === check.name);
			return remote !== undefined && (!check.reachesOnline || reachesOnline(remote.url));
		}

		case 'tracks': {
			return state.branch !== undefined && state.upstream === `${check.remote}/${state.branch}`;
		}

		case 'noUpstream': {
			return state.upstream === undefined;
		}

		case 'shipped': {
			return state.branch !== undefined && state.head !== undefined && state.online.branches[state.branch] === state.head;
		}

		case 'not': {
			return !holds(check.of, context);
		}
	}
}

export function allHold(checks: readonly Check[], context: CheckContext): boolean {
	return checks.every(check => holds(check, context));
}
