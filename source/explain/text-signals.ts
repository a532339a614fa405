// What gives each error away in a pasted text, as data: the stable signals first (the reason
// git prints in parentheses on a rejected line, which it never translates; GitHub's GHnnn codes
// and remote: lines, always English; ssh's lines, never translated), then git's fatal/error lines
// in the wordings of git 2.20 to 2.55. Hint lines are never needed: advice.* settings drop them.
import type {FailureId} from './explanations.ts';
import {loose, looseSource, slot} from './loose-pattern.ts';

/** What a signal's details function sees: the named parts and the text of the command's output. */
export type SignalMatch = {groups: Record<string, string>; text: string; end: number};

export type Signal = {
	id: FailureId;
	pattern: RegExp;
	/** Names the message gives (branch, remote, files), beyond the named parts of the pattern. */
	details?: (match: SignalMatch) => Record<string, string | undefined>;
};

const shortRef = (ref: string) => ref.replace(/^refs\/(?:heads|tags)\//, '');

/** What a repository's address says of its server: GitHub is named only for github.com. */
function serverOf(address: string | undefined): Record<string, string | undefined> {
	const host = address === undefined ? undefined : /^(?:\w+:\/\/(?:[^@/]+@)?|[^@/:]+@)?([^/:]+)/.exec(address)?.[1];
	return {address, variant: host === 'github.com' ? 'github' : undefined};
}

/** The first capture of a regular expression anywhere in the text, if any. */
const find = (text: string, pattern: RegExp, group = 1) => pattern.exec(text)?.[group];

/** Lines git indents under a header (the files of an overwrite error), up to the first that is not. */
function indentedAfter(text: string, end: number): string | undefined {
	const files: string[] = [];
	for (const line of text.slice(end).split('\n').slice(1)) {
		if (!/^\s+\S/.test(line)) {
			break;
		}

		files.push(line.trim());
	}

	return files.length > 0 ? files.join(', ') : undefined;
}

function allOf(text: string, pattern: RegExp): string | undefined {
	const found = [...new Set([...text.matchAll(pattern)].map(match => match[1]!.replaceAll('\n', '')))];
	return found.length > 0 ? found.join(', ') : undefined;
}

/** The reasons git prints on a ! [rejected] or ! [remote rejected] line, in English in every language. */
export const rejectionReasons: Array<{reason: RegExp; id: FailureId}> = [
	{reason: /^fetch first$/, id: 'fetch-first'},
	{reason: /^non-fast-forward$/, id: 'non-fast-forward'},
	{reason: /^stale info$/, id: 'stale-info'},
	{reason: /^remote ref updated since checkout$/, id: 'remote-updated-since-checkout'},
	// Only tags are rejected as "already exists" (transport.c: refs/tags/ only).
	{reason: /^already exists$/, id: 'tag-exists-online'},
	{reason: /^protected branch hook declined$/, id: 'protected-branch'},
	{reason: /email privacy/, id: 'private-email'},
	{reason: /hook declined$/, id: 'hook-declined'},
];

const conflictFiles = /Merge conflict in (\S+)/g;
/** Conflicts other than lines changed twice (modify/delete, rename/delete, …): CONFLICT (kind). */
const otherConflicts = /CONFLICT \((?!content\)|add\/add\))([\w/]+)\)/g;
const conflictDetails = ({text}: SignalMatch) => {
	const kinds = allOf(text, otherConflicts);
	const stash = /The stash entry is kept in case you need it again/.test(text);
	return {files: allOf(text, conflictFiles), ...(kinds ? {variant: 'kinds', kinds} : (stash ? {variant: 'stash'} : {}))};
};
const overwriteDetails = ({groups, text, end}: SignalMatch) => ({files: groups['file'] ?? indentedAfter(text, end)});
const identity = {id: 'needs-identity'} as const;

export const signals: Signal[] = [
	// GitHub's codes say more than the [remote rejected] line that follows them.
	{id: 'large-file', pattern: loose('GH001: Large files detected'), details: ({text}) => ({files: allOf(text, /File (.+?) is [\d.]+ MB; this exceeds/g)})},
	{
		id: 'protected-branch',
		pattern: loose('GH006: Protected branch update failed for ', slot('ref', String.raw`[^\s'"]+?`), String.raw`.`),
		// GitHub's reason follows on a remote: line, with or without "error:" and a dash.
		details: ({groups, text, end}) => ({branch: shortRef(groups['ref']!), reason: find(text.slice(end), /^remote:(?:[ \t]*error:)?[ \t-]*(?!GH\d|Trace|See )(\w.*\S)[ \t]*$/m)?.replace(/\.$/, '')}),
	},
	{id: 'private-email', pattern: loose('GH007: Your push would publish a private email address')},
	// GitHub's answers when signing in or looking up the repository.
	{id: 'password-removed', pattern: loose('Support for password authentication was removed')},
	{id: 'password-removed', pattern: loose('Invalid username or ')},
	{id: 'password-removed', pattern: loose('Password authentication is not supported')},
	{id: 'password-removed', pattern: loose('Authentication failed for \'', slot('address', '[^\'\\s]+'), '\''), details: () => ({variant: 'text-failed'})},
	{
		id: 'publickey-denied',
		pattern: loose(slot('user', String.raw`[\w.-]+`), '@', slot('host', String.raw`[\w.-]+`), ': Permission denied (publickey'),
		details: ({groups}) => (groups['host'] === 'github.com' ? {} : {variant: 'other-host'}),
	},
	{id: 'repository-not-found', pattern: loose('Repository not found'), details: ({text}) => serverOf(find(text, /repository '([^'\s]+)' not found/) ?? find(text, /^To (\S+)$/m))},
	{id: 'repository-not-found', pattern: loose('repository \'', slot('address', '[^\'\\s]+'), '\' not found'), details: ({groups}) => serverOf(groups['address'])},
	{
		id: 'push-forbidden',
		pattern: loose('Permission to ', slot('repository', String.raw`[\w.-]+/[\w.-]+?`), ' denied to ', slot('user', String.raw`[\w-]+`)),
		// "denied to deploy key": a key, not a user called deploy.
		details: ({groups, text, end}) => (groups['user'] === 'deploy' && /^\s*key/.test(text.slice(end)) ? {user: '', variant: 'deploy-key'} : {}),
	},
	{id: 'push-forbidden', pattern: loose('The requested URL returned error: 403')},
	// The network: curl's and ssh's own words.
	{id: 'host-not-resolved', pattern: loose('Could not resolve host: ', slot('host', String.raw`[\w.-]+\w`))},
	{id: 'host-not-resolved', pattern: loose('Could not resolve hostname ', slot('host', String.raw`[\w.-]+\w`))},
	{
		id: 'host-key-failed',
		pattern: loose('Host key verification failed'),
		details: ({text}) => ({host: find(text, /host key (?:is known )?for (?:\[)?([\w.-]+\w)/i) ?? find(text, /authenticity of host '\[?([\w.-]+\w)/)}),
	},
	// git's own messages.
	{id: 'no-destination', pattern: loose('No configured push destination')},
	{
		id: 'no-upstream',
		pattern: loose('The current branch ', slot('branch'), ' has no upstream branch'),
		details: ({text}) => ({remote: find(text, /git push --set-upstream (\S+)/)}),
	},
	{
		id: 'upstream-name-differs',
		pattern: loose('The upstream branch of your current branch does not match'),
		details({text}) {
			const remote = find(text, /git push (\S+) HEAD:\S+/);
			const upstreamBranch = find(text, /git push \S+ HEAD:(\S+)/);
			// git's advice names HEAD, never the branch: the branch is not in the message.
			return {remote, upstreamBranch, upstream: remote && upstreamBranch && `${remote}/${upstreamBranch}`};
		},
	},
	{id: 'detached-push', pattern: loose('You are not currently on a branch. To push the history')},
	{id: 'detached-push', pattern: loose('fatal: You are not currently on a branch')},
	{id: 'src-refspec', pattern: loose('src refspec ', slot('ref', String.raw`\S+?`), ' does not match any'), details: ({groups}) => ({variant: groups['ref'] === 'HEAD' ? 'head' : undefined})},
	{id: 'remote-exists', pattern: loose('remote ', slot('remote'), ' already exists')},
	// A name without / : or \ was looked up as a remote first; anything else is an address.
	{id: 'unknown-remote', pattern: loose('\'', slot('remote', String.raw`[^'\s/:\\]+`), '\' does not appear to be a git repository')},
	{id: 'bad-address', pattern: loose('\'', slot('address', String.raw`[^'\s]*[/:\\][^'\s]*`), '\' does not appear to be a git repository')},
	{id: 'divergent-pull', pattern: loose('Need to specify how to reconcile divergent branches')},
	{id: 'divergent-pull', pattern: loose('You have divergent branches and need to specify how to reconcile them')},
	{id: 'merge-conflict', pattern: loose('Merge conflict in ', slot('file', String.raw`\S+`)), details: conflictDetails},
	{id: 'merge-conflict', pattern: loose('Automatic merge failed; fix conflicts'), details: conflictDetails},
	{id: 'merge-conflict', pattern: loose('is not possible because you have unmerged files'), details: conflictDetails},
	{id: 'merge-conflict', pattern: loose('Exiting because of an unresolved conflict'), details: conflictDetails},
	{id: 'merge-conflict', pattern: loose('you need to resolve your current index first'), details: conflictDetails},
	{id: 'would-overwrite-changes', pattern: loose('Your local changes to the following files would be overwritten by ', slot('operation', String.raw`\w+`), ':'), details: overwriteDetails},
	{id: 'would-overwrite-changes', pattern: loose('Entry \'', slot('file', '[^\']+'), '\' would be overwritten by ', slot('operation', String.raw`\w+`)), details: overwriteDetails},
	{id: 'would-overwrite-untracked', pattern: loose('The following untracked working tree files would be overwritten by ', slot('operation', String.raw`\w+`), ':'), details: overwriteDetails},
	{id: 'would-overwrite-untracked', pattern: loose('Untracked working tree file \'', slot('file', '[^\']+'), '\' would be overwritten by ', slot('operation', String.raw`\w+`)), details: overwriteDetails},
	{id: 'rebase-unsealed', pattern: loose('cannot pull with rebase: You have unstaged changes')},
	{id: 'rebase-unsealed', pattern: loose('cannot pull with rebase: Your index contains uncommitted changes')},
	{id: 'unrelated-histories', pattern: loose('refusing to merge unrelated histories')},
	{id: 'tag-exists', pattern: loose('tag \'', slot('tag', '[^\'\\s]+'), '\' already exists')},
	{...identity, pattern: loose('Please tell me who you are')},
	{...identity, pattern: loose('unable to auto-detect email address')},
	{...identity, pattern: loose('empty ident name')},
	{id: 'no-tracking', pattern: loose('There is no tracking information for the current branch')},
	{
		id: 'not-a-command',
		pattern: loose('git: \'', slot('command', String.raw`[^'\s]+`), '\' is not a git command'),
		// "The most similar command is\n\tpush" (or "commands are" and several).
		details: ({text, end}) => ({suggestion: find(text.slice(end), /most similar commands? (?:is|are)\s*\n\s+(\S+)/)}),
	},
	{id: 'not-a-repository', pattern: loose('not a git repository (or any')},
	{id: 'not-a-repository', pattern: loose('fatal: not a git repository: ')},
];

const rejected = `\\[\\s*(?:${looseSource('remote')}\\s+)?${looseSource('rejected')}\\s*\\]`;

/** ` ! [rejected]  main -> main (fetch first)`, and the --porcelain form `!\trefs/heads/main:refs/heads/main\t[rejected] (fetch first)`. */
export const rejectedLine = new RegExp(String.raw`!\s*${rejected}\s+(?<source>\S+)\s+->\s+(?<target>\S+)\s+\((?<reason>[^)]+)\)|^!\t(?<psource>[^\s:]*):(?<ptarget>\S+)\s+${rejected}\s+\((?<preason>[^)]+)\)`, 'gm');

export {shortRef};
