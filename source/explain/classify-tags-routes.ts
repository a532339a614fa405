// Pushes and tags that fail for reasons of naming: a tag that already exists (here or in the
// warehouse), a push from a detached HEAD, and a route saved under another branch name.
import type {GitArguments} from '../git/git-arguments.ts';
import {hasOption} from '../git/git-arguments.ts';
import type {RepoState} from '../git/repo-state.ts';
import {lacksSwitch} from '../git/version-number.ts';
import type {Failure} from './classify-failure.ts';
import type {FailureFacts} from './failure-facts.ts';

/** A free tag name near this one: v1 → v2, release → release-2. */
function newTagName(tag: string, taken: Record<string, unknown>): string {
	const numbered = /^(.*?)(\d+)$/.exec(tag);
	for (let next = numbered ? Number(numbered[2]) + 1 : 2; ; next++) {
		const name = numbered ? `${numbered[1]}${next}` : `${tag}-${next}`;
		if (!Object.hasOwn(taken, name)) {
			return name;
		}
	}
}

/** The options of git tag that do something other than make a tag. */
const tagOtherwise = ['-d', '--delete', '-l', '--list', '-v', '--verify', '-f', '--force', '--contains', '--no-contains', '--merged', '--no-merged', '--points-at', '-n'];

export function classifyTag(args: GitArguments, exitCode: number, state: RepoState, facts: FailureFacts, details: Record<string, string>): Failure | undefined {
	const [tag, target, ...more] = args.positionals;
	const tags = facts.localTags ?? {};
	if (exitCode !== 128 || tag === undefined || more.length > 0 || hasOption(args, ...tagOtherwise) || !Object.hasOwn(tags, tag)) {
		return undefined;
	}

	// With a box named, git stops first if it cannot find that box; only known boxes are sure.
	const knownTarget = target === undefined || target === 'HEAD' || target in state.branches || Object.hasOwn(tags, target)
		|| state.commits.some(commit => commit.oid.startsWith(target.toLowerCase()) && target.length >= 4);
	return knownTarget ? {id: 'tag-exists', details: {...details, tag, newTag: newTagName(tag, tags)}} : undefined;
}

/** A push of a tag the warehouse has in another version: git refuses to replace it without force. */
export function classifyTagPush(args: GitArguments, state: RepoState, facts: FailureFacts, details: Record<string, string>): Failure | undefined {
	const tags = facts.localTags ?? {};
	if (hasOption(args, '--force', '-f', '--delete', '-d') || args.positionals.some(word => word.startsWith('+'))) {
		return undefined;
	}

	const [remote = 'origin', ...refspecs] = args.positionals;
	const named = refspecs.map(refspec => refspec.replace(/^refs\/tags\//, '')).filter(name => Object.hasOwn(tags, name) && !(name in state.branches));
	const pushed = hasOption(args, '--tags') ? Object.keys(tags) : named;
	const tag = pushed.find(name => state.online.tags[name] !== undefined && state.online.tags[name] !== tags[name]!.object);
	if (tag === undefined) {
		return undefined;
	}

	const taken = {...tags, ...state.online.tags};
	return {id: 'tag-exists-online', details: {...details, tag, remote, newTag: newTagName(tag, taken), box: tags[tag]!.commit.slice(0, 7)}};
}

/** The branch to go back to: the one at this box, else main or master, else the first one. */
function homeBranch(state: RepoState): string {
	const names = Object.keys(state.branches);
	return names.find(name => state.branches[name]!.oid === state.head) ?? names.find(name => name === 'main' || name === 'master') ?? names[0] ?? 'main';
}

/** git push with no branch to push: plain, or naming only HEAD. */
export function classifyDetachedPush(args: GitArguments, state: RepoState, gitVersion: string | undefined, details: Record<string, string>): Failure | undefined {
	const refspecs = args.positionals.slice(1);
	const onlyHead = refspecs.length === 0 || refspecs.every(refspec => refspec.replace(/^\+/, '') === 'HEAD');
	if (state.branch !== undefined || state.head === undefined || state.operation !== undefined || !onlyHead || hasOption(args, '--all', '--mirror', '--tags', '--branches')) {
		return undefined;
	}

	const home = homeBranch(state);
	const old = lacksSwitch(gitVersion);
	const both = (newer: string, older: string) => (gitVersion === undefined ? `${newer} (before git 2.23: ${older})` : (old ? older : newer));
	const back = both(`git switch ${home}`, `git checkout ${home}`);
	const keep = both('git switch -c NEW-NAME', 'git checkout -b NEW-NAME');
	return {id: 'detached-push', details: {...details, box: state.head.slice(0, 7), back, keep}};
}

/** push.default=simple (git's default) will not push a branch to an upstream of another name. */
export function classifyRouteName(args: GitArguments, state: RepoState, facts: FailureFacts, details: Record<string, string>): Failure | undefined {
	const {branch, upstream} = state;
	const [named, ...refspecs] = args.positionals;
	const remote = state.remotes.find(known => upstream?.startsWith(`${known.name}/`));
	if (branch === undefined || upstream === undefined || remote === undefined || refspecs.length > 0 || (named !== undefined && named !== remote.name)) {
		return undefined;
	}

	const upstreamBranch = upstream.slice(remote.name.length + 1);
	const simple = facts.pushDefault === undefined || facts.pushDefault === 'simple';
	if (upstreamBranch === branch || !simple || hasOption(args, '--all', '--mirror', '--tags', '--branches')) {
		return undefined;
	}

	return {id: 'upstream-name-differs', details: {...details, upstream, upstreamBranch, remote: remote.name}};
}
