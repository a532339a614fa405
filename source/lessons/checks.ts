// Each check is a small pure function of the repository state and the learner's last command.
import {historyOf, markerPattern, type RepoState} from '../git/repo-state.ts';
import {hasOption, pushForce, type GitArguments} from '../git/git-arguments.ts';
import type {Failure} from '../explain/classify-failure.ts';
import {reachesOnline} from '../sandbox/sandbox-config.ts';
import type {Check} from './lesson-types.ts';

export type LastCommand = {
	/**
	 * Set when the last line was a git command that ran; `movedWarehouse`: a branch or tag of the
	 * warehouse is not where it was before the command (a push that changed nothing leaves it false).
	 */
	git?: {args: GitArguments; exitCode: number; failure: Failure | undefined; output: string; movedWarehouse?: boolean};
};

export type CheckContext = {
	state: RepoState;
	last: LastCommand;
	/** HEAD when the current step began. */
	stepStartHead: string | undefined;
	/** Every box the warehouse held when the current step began (undefined: no record, nothing lost). */
	stepStartWarehouse: readonly string[] | undefined;
};

/** The same marker lines git grep looks for in the folder, found in the newest box's files. */
const headMarker = new RegExp(markerPattern, 'm');
/** The warehouse's copy of the branch being worked on (during a rebase, the branch being rebased). */
const onlineTip = (state: RepoState) => (state.workBranch === undefined ? undefined : state.online.branches[state.workBranch]);
const inLocalHistory = (state: RepoState, oid: string | undefined) => oid !== undefined && state.commits.some(commit => commit.oid === oid);

/** Commits of the online branch (from its tip down), as far as the snapshot reaches. */
const onlineHistory = (state: RepoState) => historyOf(state.online.commits, onlineTip(state));

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
			const optionMatches = check.option === undefined || hasOption(git.args, ...check.option);
			return resultMatches && actionMatches && optionMatches && (check.failure === undefined || git.failure?.id === check.failure);
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

		case 'ignored': {
			return state.ignored?.includes(check.path) ?? false;
		}

		case 'stashed': {
			return state.stash !== undefined;
		}

		case 'branchExists': {
			return check.name in (check.where === 'local' ? state.branches : state.online.branches);
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

		case 'onBranch': {
			return state.branch === check.name;
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

		case 'hasBoxBy': {
			const history = check.where === 'local' ? state.commits : onlineHistory(state);
			return history.some(commit => commit.author.startsWith(check.by));
		}

		case 'includesOnline': {
			const tip = onlineTip(state);
			return tip === undefined || inLocalHistory(state, tip);
		}

		case 'diverged': {
			const tip = onlineTip(state);
			return tip !== undefined && !inLocalHistory(state, tip) && !onlineHistory(state).some(commit => commit.oid === state.head);
		}

		case 'onlineKept': {
			// Every branch counts, and HEAD's state does not: a detached HEAD loses nothing.
			const now = new Set(state.online.reachable);
			return (context.stepStartWarehouse ?? []).every(oid => now.has(oid));
		}

		case 'fetched': {
			const tip = onlineTip(state);
			return tip !== undefined && state.remoteTracking[`origin/${state.workBranch}`] === tip;
		}

		case 'conflicted': {
			return state.conflicted.length > 0;
		}

		case 'inProgress': {
			return state.operation === check.operation;
		}

		case 'mergeCommit': {
			return (state.commits[0]?.parents.length ?? 0) > 1;
		}

		case 'markers': {
			switch (check.where) {
				case 'folder': {
					return state.markedFiles.length > 0;
				}

				case 'lastCommit': {
					return Object.values(state.headFiles).some(text => headMarker.test(text));
				}

				case 'newCommits': {
					const marked = new Set(state.markedCommits ?? []);
					return state.commits.slice(0, newCommitCount(context)).some(commit => marked.has(commit.oid));
				}

				case 'shipped': {
					const marked = new Set(state.markedCommits ?? []);
					return state.online.commits.some(commit => marked.has(commit.oid));
				}
			}
		}

		case 'lastCommitLabel': {
			return state.commits[0]?.subject.includes(check.contains) ?? false;
		}

		case 'lastCommitFileHas': {
			return state.headFiles[check.path]?.includes(check.text) ?? false;
		}

		case 'showedLostBox': {
			const output = last.git?.output ?? '';
			const online = new Set(state.online.commits.map(commit => commit.oid));
			// Any abbreviation git prints (7 characters or more) counts as showing the id.
			return state.commits.some(commit => commit.author.startsWith(check.by) && !online.has(commit.oid) && output.includes(commit.oid.slice(0, 7)));
		}

		case 'boxTwice': {
			return (state.duplicates?.length ?? 0) > 0;
		}

		case 'forcedPush': {
			// A forcing push that changed nothing (everything up to date) forced nothing.
			const git = last.git;
			const force = git?.exitCode === 0 && git.movedWarehouse === true ? pushForce(git.args) : undefined;
			return force === (check.lease ? 'lease' : 'plain');
		}

		case 'branchShipped': {
			const local = state.branches[check.name]?.oid;
			return local !== undefined && state.online.branches[check.name] === local;
		}

		case 'tagShipped': {
			return check.name in state.online.tags;
		}

		case 'tagAt': {
			const branch = state.branches[check.branch]?.oid;
			const local = state.tags[check.name];
			const localMarks = local !== undefined && branch !== undefined && (state.tagCommits?.[check.name] ?? local) === branch;
			if (check.where === 'local') {
				return localMarks;
			}

			// The warehouse's tag: a light tag is the box's own id; an annotated one is the same tag object as yours.
			const online = state.online.tags[check.name];
			return online !== undefined && branch !== undefined && (online === branch || (online === local && localMarks));
		}

		case 'not': {
			return !holds(check.of, context);
		}
	}
}

export function allHold(checks: readonly Check[], context: CheckContext): boolean {
	return checks.every(check => holds(check, context));
}
