// Recognises why a learner's git command failed, from the command's structure, its exit code
// and the repository state after it: never from git's wording, which changes between versions
// and languages.
import type {GitArguments} from '../git/git-arguments.ts';
import {hasOption} from '../git/git-arguments.ts';
import {historyOf, type RepoState} from '../git/repo-state.ts';
import {olderThan} from '../git/version-number.ts';
import {learnerName, reachesOnline} from '../sandbox/sandbox-config.ts';
import type {FailureId} from './explanations.ts';
import type {FailureFacts} from './failure-facts.ts';
import {classifyTypo} from './classify-typo.ts';
import {newerGit} from './newer-git.ts';
import {classifyLocalWork} from './classify-local-work.ts';
import {classifyDetachedPush, classifyRouteName, classifyTag, classifyTagPush} from './classify-tags-routes.ts';

export type Failure = {id: FailureId; details: Record<string, string>};

const looksLikeUrl = (word: string) => word.includes(':') || word.includes('/') || word.includes('\\');


/**
 * Why the command failed, if the tutor knows. `facts` (from readFailureFacts) add what the state
 * does not hold; without them the failures that need them are not recognised.
 */
export function classifyFailure(args: GitArguments, exitCode: number, state: RepoState, gitVersion?: string, facts: FailureFacts = {}): Failure | undefined {
	if (exitCode === 0) {
		return undefined;
	}

	const version = gitVersion ?? facts.gitVersion;

	const missing = gitVersion === undefined
		? undefined
		: newerGit.find(entry => entry.command === args.subcommand && (entry.option === undefined || hasOption(args, entry.option)) && olderThan(gitVersion, entry.since));
	if (missing && gitVersion) {
		const command = `git ${missing.command}${missing.option ? ` ${missing.option}` : ''}`;
		return {id: 'needs-newer-git', details: {command, since: missing.since, version: gitVersion, instead: missing.instead}};
	}

	const branch = state.branch ?? 'HEAD';
	const remoteNames = state.remotes.map(remote => remote.name);
	const details = {branch, remotes: remoteNames.join(', ') || 'none'};
	// A command that did nothing because of a typo is that typo, whatever else the state shows.
	const typo = classifyTypo(args, exitCode, state, facts, details);
	if (typo || exitCode === 129) {
		return typo;
	}

	// Whatever stopped in a conflict (pull, merge, rebase, cherry-pick, revert, stash) waits for the same fix.
	if (state.conflicted.length > 0) {
		return {id: 'merge-conflict', details: {...details, files: state.conflicted.join(', ')}};
	}

	// A plain pull of diverged branches stops before looking at the desk from git 2.33.1; older git merges and finds it.
	const divergentFirst = args.subcommand === 'pull' && (version === undefined || !olderThan(version, '2.33.1')) ? classifyPull(args, state, details) : undefined;
	const local = divergentFirst ?? classifyLocalWork(args, state, facts, details);
	if (local) {
		return local;
	}

	switch (args.subcommand) {
		case 'push': {
			return classifyPush(args, state, facts, version, details);
		}

		case 'tag': {
			return classifyTag(args, exitCode, state, facts, details);
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

function classifyPush(args: GitArguments, state: RepoState, facts: FailureFacts, version: string | undefined, details: Record<string, string>): Failure | undefined {
	const [remote, ...refspecs] = args.positionals;
	if (remote === undefined && state.remotes.length === 0) {
		return {id: 'no-destination', details};
	}

	const named = classifyDetachedPush(args, state, version, details) ?? classifyRouteName(args, state, facts, details) ?? classifyTagPush(args, state, facts, details);
	if (named) {
		return named;
	}

	if (remote === undefined) {

		const pushesEverything = hasOption(args, '--all', '--mirror', '--tags', '--branches');
		if (state.branch && !state.upstream && !pushesEverything) {
			// Git before 2.37 calls a lone remote not named origin "no destination"; naming it works on every git.
			const remote = state.remotes.find(known => known.name === 'origin') ?? state.remotes[0]!;
			return {id: 'no-upstream', details: {...details, remote: remote.name}};
		}

		// With no remote named, git pushes to the remote of the branch's route (else origin); as
		// below, only the online repository can reject because of Sam's boxes.
		const routeRemote = state.remotes.find(known => state.upstream?.startsWith(`${known.name}/`))
			?? state.remotes.find(known => known.name === 'origin');
		return routeRemote && reachesOnline(routeRemote.url) ? classifyRejection(args, state, [], {...details, remote: routeRemote.name}) : undefined;
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
		return {id: 'no-upstream', details: {...details, remote}};
	}

	// Only the online repository can reject because of Sam's boxes; other addresses fail otherwise.
	const known = state.remotes.find(candidate => candidate.name === remote);
	return known && reachesOnline(known.url) ? classifyRejection(args, state, refspecs, {...details, remote}) : undefined;
}

/** The warehouse refused: it holds a box the pushed branch does not contain. */
function classifyRejection(args: GitArguments, state: RepoState, refspecs: string[], details: Record<string, string>): Failure | undefined {
	// The branch being shipped: named in the refspec (main, HEAD:main, +main), or the current one.
	const target = (refspecs[0]?.replace(/^\+/, '').split(':').at(-1) ?? state.branch ?? '').replace(/^HEAD$/, state.branch ?? '').replace(/^refs\/heads\//, '');
	const onlineTip = state.online.branches[target];
	const localTip = state.branches[target]?.oid ?? state.head;
	if (onlineTip === undefined || onlineTip === localTip || state.commits.some(commit => commit.oid === onlineTip)) {
		return undefined;
	}

	const tracking = state.remoteTracking[`origin/${target}`];
	if (hasOption(args, '--force-with-lease') && tracking !== onlineTip) {
		return {id: 'stale-info', details: {...details, branch: target}};
	}

	if (hasOption(args, '--force-if-includes')) {
		return {id: 'remote-updated-since-checkout', details: {...details, branch: target}};
	}

	if (hasOption(args, '--force', '-f') || args.positionals.some(word => word.startsWith('+'))) {
		return undefined;
	}

	// Seen before (fetched, or once in this branch) means git could compare: non-fast-forward.
	const seen = tracking === onlineTip || Object.values(state.remoteTracking).includes(onlineTip);
	const remote = details['remote'] ?? 'origin';
	if (!seen) {
		// A plain pull needs a saved route; naming the remote and branch works without one.
		const pull = state.branch === target && state.upstream !== undefined ? 'git pull' : `git pull ${remote} ${target}`;
		return {id: 'fetch-first', details: {...details, branch: target, pull}};
	}

	// What the warehouse holds that the branch lacks decides the way out: never force over someone else's box.
	const local = new Set(state.commits.map(commit => commit.oid));
	const missing = historyOf(state.online.commits, onlineTip).filter(commit => !local.has(commit.oid));
	const boxes = missing.slice(0, 3).map(commit => `"${commit.subject}"`).join(', ') || 'a box';
	const ownOnly = missing.length > 0 && missing.every(commit => commit.author === learnerName);
	return {id: 'non-fast-forward', details: {...details, branch: target, boxes, combine: `git merge ${remote}/${target}`, ...(ownOnly ? {variant: 'own'} : {})}};
}

/** A plain pull of divergent branches stops (git 2.33.1 and newer) until the learner chooses how to combine. */
function classifyPull(args: GitArguments, state: RepoState, details: Record<string, string>): Failure | undefined {
	const chose = hasOption(args, '--rebase', '-r', '--no-rebase', '--ff', '--no-ff', '--ff-only', '--squash')
		|| state.pullSettings.rebase !== undefined || state.pullSettings.ff !== undefined;
	const tracking = state.upstream === undefined ? undefined : state.remoteTracking[state.upstream];
	const behind = tracking !== undefined && !state.commits.some(commit => commit.oid === tracking);
	return !chose && state.operation === undefined && behind && state.ahead > 0 ? {id: 'divergent-pull', details} : undefined;
}
