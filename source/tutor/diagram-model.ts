// What the box diagram shows, derived from the real repository state after every command.
import {historyOf, type Change, type Operation, type RepoState} from '../git/repo-state.ts';
import {learnerName, reachesOnline} from '../sandbox/sandbox-config.ts';
import {sanitizeName} from '../sandbox/sanitize-output.ts';

export type BoxLabel = {
	oid: string;
	subject: string;
	/** Who sealed it, when it was not the learner (Sam, say). */
	by: string | undefined;
	/** In the warehouse but not in the learner's history yet: someone else shipped it. */
	notHome: boolean;
	/** The learner's own box, still in the warehouse, that their branch no longer holds (amended, reset). */
	replaced: boolean;
};

export type Route =
	| {kind: 'none'}
	| {kind: 'address'; remote: string; reaches: boolean}
	/**
	 * Ahead and behind compare with the remote-tracking branch (origin/main), the learner's last look
	 * at the warehouse; `stale` says that look is older than what the warehouse holds now.
	 */
	| {kind: 'saved'; remote: string; upstream: string; reaches: boolean; ahead: number; behind: number; stale?: boolean};

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
	/** The online branch the warehouse column shows, when it is not the one being worked on (main, while on a new branch). */
	warehouseOf?: string | undefined;
	route: Route;
	/** What git waits in the middle of, if anything (a merge with conflicts, say). */
	operation: Operation | undefined;
};


/** The diagram's marks, named once: the drawing uses them and the legend explains them. */
export const marks = {box: '▣', notHome: '✚', replaced: '◇', noAddress: '✗', address: '→', saved: '⇒'} as const;

// Names and labels are the learner's text: shown, never obeyed by the terminal.
const describe = (change: Change) => {
	const name = sanitizeName(change.path);
	return change.kind === 'modified' ? `${name} (changed)` : change.kind === 'deleted' ? `${name} (deleted)` : name;
};

/** Said once, before the diagram first appears: what its marks mean. */
export const diagramLegend = `Marks: ${marks.box} a sealed box · ${marks.notHome} shipped by someone else, not home yet · ${marks.replaced} yours, no longer in your branch · between boxes and warehouse: ${marks.noAddress} no address, ${marks.address} an address, route not saved, ${marks.saved} route saved`;

/** Deletions first (easy to miss), then changes, then the rest. */
const weight = (change: Change) => (change.kind === 'deleted' ? 0 : change.kind === 'modified' ? 1 : 2);
const byWeight = (changes: readonly Change[]) => [...changes].sort((a, b) => weight(a) - weight(b));

/**
 * `homeBranch` is the story's branch (main): its warehouse copy is shown when the branch worked on
 * has none yet (a new branch) or HEAD is on no branch at all.
 */
export function diagramOf(state: RepoState, homeBranch?: string): Diagram {
	const onlineIds = new Set(state.online.commits.map(commit => commit.oid));
	const remote = state.remotes.find(candidate => candidate.name === 'origin') ?? state.remotes[0];
	let route: Route = {kind: 'none'};
	if (remote) {
		const reaches = reachesOnline(remote.url);
		const upstreamBranch = state.upstream?.slice(state.upstream.indexOf('/') + 1);
		const onlineOfUpstream = upstreamBranch === undefined ? undefined : state.online.branches[upstreamBranch];
		const stale = reaches && onlineOfUpstream !== undefined && state.upstream !== undefined && state.remoteTracking[state.upstream] !== onlineOfUpstream;
		route = state.upstream
			? {kind: 'saved', remote: remote.name, upstream: state.upstream, reaches, ahead: state.ahead, behind: state.behind, ...(stale ? {stale} : {})}
			: {kind: 'address', remote: remote.name, reaches};
	}

	const localIds = new Set(state.commits.map(commit => commit.oid));
	// A detached HEAD's history is one old box's, not a branch's: whose boxes are home is unknown then.
	const lookingBack = state.branch === undefined && state.workBranch === undefined;
	const shown = [state.workBranch, homeBranch].find(name => name !== undefined && name in state.online.branches) ?? state.workBranch;
	const onlineTip = shown === undefined ? undefined : state.online.branches[shown];
	const label = (commit: {oid: string; subject: string; author: string}): BoxLabel => ({
		oid: commit.oid,
		subject: sanitizeName(commit.subject),
		by: commit.author === learnerName ? undefined : sanitizeName(commit.author.split(' ')[0]!),
		notHome: !lookingBack && !localIds.has(commit.oid) && commit.author !== learnerName,
		replaced: !lookingBack && !localIds.has(commit.oid) && commit.author === learnerName,
	});
	return {
		branch: state.branch,
		workBranch: state.workBranch,
		detachedAt: state.branch === undefined && state.workBranch === undefined ? state.head?.slice(0, 7) : undefined,
		desk: [
			...state.conflicted.map(path => `${sanitizeName(path)} (conflict)`),
			...byWeight(state.unstaged).map(change => describe(change)),
			...state.untracked.map(path => `${sanitizeName(path)} (new)`),
		],
		openBox: byWeight(state.staged).map(change => describe(change)),
		waiting: state.commits.filter(commit => !onlineIds.has(commit.oid)).map(commit => label(commit)),
		warehouse: historyOf(state.online.commits, onlineTip).map(commit => label(commit)),
		warehouseOf: shown === state.workBranch ? undefined : shown,
		route,
		operation: state.operation,
	};
}
