// What the box diagram shows, derived from the real repository state after every command.
import {historyOf, type Change, type Operation, type RepoState} from '../git/repo-state.ts';
import {reachesOnline} from '../sandbox/sandbox-config.ts';
import {sanitizeName} from '../sandbox/sanitize-output.ts';

export type BoxLabel = {
	oid: string;
	subject: string;
	/** Who sealed it, when it was not the learner (Sam, say). */
	by: string | undefined;
	/** In the warehouse but not in the learner's history yet: someone else shipped it. */
	notHome: boolean;
};

export type Route =
	| {kind: 'none'}
	| {kind: 'address'; remote: string; reaches: boolean}
	| {kind: 'saved'; remote: string; upstream: string; reaches: boolean; ahead: number; behind: number};

export type Diagram = {
	/** The current branch; undefined when HEAD is detached. */
	branch: string | undefined;
	/** The branch being worked on: the current one, or the one a rebase in progress rebuilds. */
	workBranch?: string | undefined;
	/** The box a detached HEAD is at (short id), when no rebase explains it. */
	detachedAt?: string | undefined;
	/** Files on the desk: untracked or changed since they were packed. */
	desk: string[];
	/** Files in the open box (staged). */
	openBox: string[];
	/** Sealed boxes the warehouse does not have, newest first. */
	waiting: BoxLabel[];
	/** Boxes in the warehouse (the online branch), newest first. */
	warehouse: BoxLabel[];
	route: Route;
	/** What git waits in the middle of, if anything (a merge with conflicts, say). */
	operation: Operation | undefined;
};

const learner = 'Learner';

// Names and labels are the learner's text: shown, never obeyed by the terminal.
const describe = (change: Change) => {
	const name = sanitizeName(change.path);
	return change.kind === 'modified' ? `${name} (changed)` : change.kind === 'deleted' ? `${name} (deleted)` : name;
};

export function diagramOf(state: RepoState): Diagram {
	const onlineIds = new Set(state.online.commits.map(commit => commit.oid));
	const remote = state.remotes.find(candidate => candidate.name === 'origin') ?? state.remotes[0];
	let route: Route = {kind: 'none'};
	if (remote) {
		const reaches = reachesOnline(remote.url);
		route = state.upstream
			? {kind: 'saved', remote: remote.name, upstream: state.upstream, reaches, ahead: state.ahead, behind: state.behind}
			: {kind: 'address', remote: remote.name, reaches};
	}

	const localIds = new Set(state.commits.map(commit => commit.oid));
	const onlineTip = state.workBranch === undefined ? undefined : state.online.branches[state.workBranch];
	const label = (commit: {oid: string; subject: string; author: string}): BoxLabel => ({
		oid: commit.oid,
		subject: sanitizeName(commit.subject),
		by: commit.author === learner ? undefined : sanitizeName(commit.author.split(' ')[0]!),
		notHome: !localIds.has(commit.oid),
	});
	return {
		branch: state.branch,
		workBranch: state.workBranch,
		detachedAt: state.branch === undefined && state.workBranch === undefined ? state.head?.slice(0, 7) : undefined,
		desk: [
			...state.conflicted.map(path => `${sanitizeName(path)} (conflict)`),
			...state.untracked.map(path => `${sanitizeName(path)} (new)`),
			...state.unstaged.map(change => describe(change)),
		],
		openBox: state.staged.map(change => describe(change)),
		waiting: state.commits.filter(commit => !onlineIds.has(commit.oid)).map(commit => label(commit)),
		warehouse: historyOf(state.online.commits, onlineTip).map(commit => label(commit)),
		route,
		operation: state.operation,
	};
}
