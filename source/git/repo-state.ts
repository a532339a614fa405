// One snapshot of everything the checks and the box diagram need, read with git plumbing
// (porcelain v2, for-each-ref, log -z, grep -z) in a handful of parallel calls, untranslated.
import {existsSync} from 'node:fs';
import {readFile} from 'node:fs/promises';
import path from 'node:path';
import {runGit} from './git-runner.ts';
import {headFilesGrep} from './head-files.ts';
import {findDuplicateBoxes, type DuplicateBox} from './duplicate-boxes.ts';
import {KeptAnswers} from './kept-answers.ts';
import {refsKey, settingsKey} from './file-keys.ts';

export type ChangeKind = 'added' | 'modified' | 'deleted' | 'renamed' | 'type-changed';
export type Change = {path: string; kind: ChangeKind};
/** A file a commit changed: A added, M modified, D deleted (renames show as D and A). */
export type CommitFile = {status: string; path: string};
export type Commit = {oid: string; parents: string[]; author: string; subject: string; files: CommitFile[]};

/** An operation git stopped in the middle of, waiting for the learner (a conflict, say). */
export type Operation = 'merge' | 'rebase' | 'cherry-pick' | 'revert';

export type RepoState = {
	/** The current branch, or undefined when HEAD is detached. */
	branch: string | undefined;
	/**
	 * The branch being worked on: the current one, or while a rebase holds HEAD detached, the
	 * branch being rebased. Undefined only when HEAD is detached for another reason.
	 */
	workBranch: string | undefined;
	/** HEAD is detached and the detached box is on no local branch (boxes sealed there would be left behind). */
	detachedOffBranch: boolean;
	/** The commit HEAD points at, or undefined before the first commit. */
	head: string | undefined;
	upstream: string | undefined;
	/** Commits ahead of and behind the upstream (origin/main: the last fetch, pull or push), 0 without one. */
	ahead: number;
	behind: number;
	/** The open box: changes staged against HEAD. */
	staged: Change[];
	/** The desk: tracked files changed since they were staged. */
	unstaged: Change[];
	untracked: string[];
	/** Files on the desk that a .gitignore rule keeps git from listing. */
	ignored?: string[];
	conflicted: string[];
	/** HEAD's history, newest first (at most `historyLimit`). */
	commits: Commit[];
	/** Local branches, with the upstream each one tracks. */
	branches: Record<string, {oid: string; upstream: string | undefined}>;
	/** Remote-tracking refs by short name (origin/main): what the last fetch or push saw. */
	remoteTracking: Record<string, string>;
	/** Local tags: name to the object the tag points at. */
	tags: Record<string, string>;
	/** The newest stash entry (git stash), if any. */
	stash?: string | undefined;
	/** Local tags: name to the box (commit) the tag marks, an annotated tag's peeled. */
	tagCommits?: Record<string, string>;
	remotes: Array<{name: string; url: string}>;
	/** pull.rebase and pull.ff as configured, if at all. */
	pullSettings: {rebase: string | undefined; ff: string | undefined};
	operation: Operation | undefined;
	/** The text files of the newest box (HEAD), by path. */
	headFiles: Record<string, string>;
	/** Tracked files in the working folder that still hold conflict markers. */
	markedFiles: string[];
	/** Boxes in HEAD's recent history (at most `historyLimit`) whose files hold conflict markers. */
	markedCommits?: string[];
	/** Changes that HEAD's history holds in more than one box (a merge of a rewritten history, say). */
	duplicates?: DuplicateBox[];
	online: OnlineState;
};

export type OnlineState = {
	/** Branch name to commit. */
	branches: Record<string, string>;
	/** Tag name to the object it points at. */
	tags: Record<string, string>;
	/** Commits reachable from any online branch, newest first (at most `historyLimit`). */
	commits: OnlineCommit[];
	/** Every commit id reachable from an online branch (at most `reachableLimit`): what anyone who pulls can get. */
	reachable: string[];
};

export type OnlineCommit = {oid: string; parents: string[]; author: string; subject: string};

/**
 * The commits of one branch, from its tip down, by following parents: the log of every
 * branch mixes branches, and a branch's history is only what its tip reaches.
 */
export function historyOf<C extends {oid: string; parents: string[]}>(commits: readonly C[], tip: string | undefined): C[] {
	const byId = new Map(commits.map(commit => [commit.oid, commit]));
	const reached = new Set<string>();
	const pending = tip === undefined ? [] : [tip];
	while (pending.length > 0) {
		const oid = pending.pop()!;
		const commit = byId.get(oid);
		if (commit && !reached.has(oid)) {
			reached.add(oid);
			pending.push(...commit.parents);
		}
	}

	// Keep git's newest-first order.
	return commits.filter(commit => reached.has(commit.oid));
}

export type StateReader = {
	repo: string;
	online: string;
	env: Record<string, string>;
};

const historyLimit = 50;
/** Far beyond any lesson's warehouse; it bounds the read if a learner seals thousands of boxes. */
const reachableLimit = 5000;

const changeKinds: Record<string, ChangeKind> = {A: 'added', M: 'modified', D: 'deleted', R: 'renamed', C: 'added', T: 'type-changed'};

async function plumbing(args: string[], reader: StateReader, cwd = reader.repo): Promise<string> {
	const result = await runGit(args, {cwd, env: reader.env, internal: true});
	// A repository with no commits or no remotes answers with a non-zero code and nothing to read.
	return result.exitCode === 0 ? result.stdout : '';
}

/** A conflict marker line as git writes it: seven < or > and a space (or nothing) after. */
export const markerPattern = '^(<<<<<<<|>>>>>>>)( |$)';

export async function readRepoState(reader: StateReader): Promise<RepoState> {
	const onlineGit = ['--git-dir', reader.online];
	const gitDirectory = path.join(reader.repo, '.git');
	const settings = settingsKey(reader.repo, reader.env);
	// A branch's upstream comes from the settings: the local refs' answer is keyed by both.
	const localRefs = Promise.all([refsKey(gitDirectory), settings]).then(keys => (keys.includes(undefined) ? undefined : JSON.stringify(keys)));
	const [status, refs, config, markers, onlineRefs] = await Promise.all([
		plumbing(['status', '--porcelain=v2', '--branch', '-z', '--untracked-files=all', '--ignored'], reader),
		keptBy(localRefAnswers, localRefs, async () => plumbing(['for-each-ref', '--format=%(refname)%00%(objectname)%00%(upstream)%00%(*objectname)'], reader)),
		keptBy(settingsAnswers, settings, async () => plumbing(['config', '-z', '--get-regexp', String.raw`^(remote\..*\.url|pull\.(rebase|ff)|core\.attributesfile)$`], reader)),
		plumbing(['grep', '-l', '-I', '-z', '-E', markerPattern, '--'], reader),
		keptBy(onlineRefAnswers, refsKey(reader.online), async () => plumbing([...onlineGit, 'for-each-ref', '--format=%(refname)%00%(objectname)', 'refs/heads', 'refs/tags'], reader, reader.online)),
	]);
	const configured = parseConfig(config);
	const statusPart = parseStatus(status);
	const branchPart = parseRefs(refs);
	const onlineRefsPart = parseOnlineRefs(onlineRefs);
	const workBranch = statusPart.branch ?? await rebasedBranch(gitDirectory);
	// While a rebase holds HEAD detached, the route is still the rebased branch's.
	const upstream = statusPart.upstream ?? (workBranch === undefined ? undefined : branchPart.branches[workBranch]?.upstream);
	const detached = statusPart.branch === undefined && statusPart.head !== undefined;
	// Attributes on the desk can change how git greps and diffs HEAD's files (binary or text); then HEAD's id alone does not decide.
	const attributesOnDesk = configured.attributesFile || existsSync(path.join(gitDirectory, 'info', 'attributes'))
		|| [...statusPart.staged, ...statusPart.unstaged].some(change => isAttributesFile(change.path))
		|| [...statusPart.untracked, ...statusPart.ignored ?? [], ...statusPart.conflicted].some(file => isAttributesFile(file));
	const [history, onlineHistory, detachedOffBranch] = await Promise.all([
		statusPart.head === undefined ? noHistory : (attributesOnDesk ? readHistory(reader) : headHistories.get(statusPart.head, async () => readHistory(reader))),
		onlineHistories.get(JSON.stringify(onlineRefsPart.branches), async () => readOnlineHistory(reader)),
		detached && workBranch === undefined ? onSomeBranch(reader).then(on => !on) : false,
	]);
	return {
		...statusPart,
		upstream,
		workBranch,
		detachedOffBranch,
		...history,
		...branchPart,
		remotes: configured.remotes,
		pullSettings: configured.pull,
		operation: readOperation(gitDirectory),
		markedFiles: markers.split('\0').filter(Boolean),
		online: {...onlineRefsPart, ...onlineHistory},
	};
}

// git's answers on settings and on refs (the repository's and the warehouse's), by the text of the files they come from (file-keys.ts).
const settingsAnswers = new KeptAnswers<string>();
const localRefAnswers = new KeptAnswers<string>();
const onlineRefAnswers = new KeptAnswers<string>();

/** Git's answer kept by a key, or asked again when there is no key. */
async function keptBy(cache: KeptAnswers<string>, key: Promise<string | undefined>, ask: () => Promise<string>): Promise<string> {
	const known = await key;
	return known === undefined ? ask() : cache.get(known, ask);
}

const isAttributesFile = (file: string) => file === '.gitattributes' || file.endsWith('/.gitattributes');

type HeadHistory = Pick<RepoState, 'commits' | 'headFiles' | 'markedCommits' | 'duplicates'>;
const noHistory: HeadHistory = {commits: [], headFiles: {}, markedCommits: [], duplicates: []};
const headHistories = new KeptAnswers<HeadHistory>();
const onlineHistories = new KeptAnswers<Pick<OnlineState, 'commits' | 'reachable'>>();

/** What HEAD's id decides: its history, its files, its boxes with markers and its changes held twice. */
async function readHistory(reader: StateReader): Promise<HeadHistory> {
	const [log, headGrep, markerDiffs] = await Promise.all([
		plumbing(['log', '-z', `-n${historyLimit}`, '--format=%x1e%H%x00%P%x00%an%x00%s', '--name-status', '--no-renames', 'HEAD', '--'], reader),
		headFilesGrep(reader),
		// Boxes whose changes (against any parent: -m) add or remove a marker line: the candidates.
		plumbing(['log', '-z', `-n${historyLimit}`, '--format=%H', '-m', '-G', markerPattern, 'HEAD', '--'], reader),
	]);
	const commits = parseLog(log);
	const [markedCommits, duplicates] = await Promise.all([commitsWithMarkers(markerDiffs, reader), findDuplicateBoxes(commits, reader)]);
	return {commits, headFiles: parseHeadGrep(headGrep), markedCommits, duplicates};
}

/** What the warehouse's branch tips decide: the boxes they reach. */
async function readOnlineHistory(reader: StateReader): Promise<Pick<OnlineState, 'commits' | 'reachable'>> {
	const onlineGit = ['--git-dir', reader.online];
	const [onlineLog, onlineReachable] = await Promise.all([
		plumbing([...onlineGit, 'log', '-z', `-n${historyLimit}`, '--format=%H%x00%P%x00%an%x00%s', '--branches', '--'], reader, reader.online),
		plumbing([...onlineGit, 'rev-list', `--max-count=${reachableLimit}`, '--branches', '--'], reader, reader.online),
	]);
	return {commits: parseOnlineLog(onlineLog), reachable: onlineReachable.split('\n').filter(Boolean)};
}

/** Of the boxes whose changes touch a marker line, those whose files still hold one (a box that removes them does not). */
async function commitsWithMarkers(candidates: string, reader: StateReader): Promise<string[]> {
	const oids = [...new Set(candidates.split(/[\0\n]/).filter(Boolean))];
	if (oids.length === 0) {
		return [];
	}

	const found = await plumbing(['grep', '-l', '-I', '-z', '-E', markerPattern, ...oids, '--'], reader);
	return [...new Set(found.split('\0').filter(Boolean).map(hit => hit.slice(0, hit.indexOf(':'))))];
}

/** The branch a rebase in progress will move when it ends (git writes refs/heads/NAME there). */
async function rebasedBranch(gitDirectory: string): Promise<string | undefined> {
	for (const folder of ['rebase-merge', 'rebase-apply']) {
		const name = await readFile(path.join(gitDirectory, folder, 'head-name'), 'utf8').catch(() => '');
		if (name.startsWith('refs/heads/')) {
			return name.trim().slice('refs/heads/'.length);
		}
	}

	return undefined;
}

/** Whether some local branch holds the detached HEAD's box. */
async function onSomeBranch(reader: StateReader): Promise<boolean> {
	return (await plumbing(['for-each-ref', '--count=1', '--contains', 'HEAD', '--format=%(refname)', 'refs/heads'], reader)).trim() !== '';
}

/** Git leaves these behind while it waits for the learner to finish an operation. */
function readOperation(gitDirectory: string): Operation | undefined {
	const at = (name: string) => existsSync(path.join(gitDirectory, name));
	if (at('rebase-merge') || at('rebase-apply')) {
		return 'rebase';
	}

	if (at('MERGE_HEAD')) {
		return 'merge';
	}

	if (at('CHERRY_PICK_HEAD')) {
		return 'cherry-pick';
	}

	return at('REVERT_HEAD') ? 'revert' : undefined;
}

/** `git grep -z -n -e '' HEAD` prints every line as HEAD:path NUL number NUL text. */
function parseHeadGrep(text: string): Record<string, string> {
	const files: Record<string, string> = {};
	for (const line of text.split('\n')) {
		const [where = '', , ...content] = line.split('\0');
		if (where.startsWith('HEAD:')) {
			const file = where.slice('HEAD:'.length);
			files[file] = `${files[file] ?? ''}${content.join('\0')}\n`;
		}
	}

	return files;
}

type StatusPart = Pick<RepoState, 'branch' | 'head' | 'upstream' | 'ahead' | 'behind' | 'staged' | 'unstaged' | 'untracked' | 'ignored' | 'conflicted'>;

function parseStatus(text: string): StatusPart {
	const part: StatusPart = {branch: undefined, head: undefined, upstream: undefined, ahead: 0, behind: 0, staged: [], unstaged: [], untracked: [], ignored: [], conflicted: []};
	const fields = text.split('\0');
	for (let index = 0; index < fields.length; index++) {
		const field = fields[index]!;
		if (field.startsWith('# branch.oid ')) {
			const oid = field.slice('# branch.oid '.length);
			part.head = oid === '(initial)' ? undefined : oid;
		} else if (field.startsWith('# branch.head ')) {
			const name = field.slice('# branch.head '.length);
			part.branch = name === '(detached)' ? undefined : name;
		} else if (field.startsWith('# branch.upstream ')) {
			part.upstream = field.slice('# branch.upstream '.length);
		} else if (field.startsWith('# branch.ab ')) {
			const [ahead = '+0', behind = '-0'] = field.slice('# branch.ab '.length).split(' ');
			part.ahead = Number(ahead.slice(1));
			part.behind = Number(behind.slice(1));
		} else if (field.startsWith('1 ') || field.startsWith('2 ')) {
			const columns = field.split(' ');
			const xy = columns[1] ?? '..';
			// Ordinary entries have 8 columns before the path, renames 9 and one more NUL field.
			const pathStart = field.startsWith('1 ') ? 8 : 9;
			const path = columns.slice(pathStart).join(' ');
			if (field.startsWith('2 ')) {
				index++;
			}

			addChange(part.staged, xy[0], path);
			addChange(part.unstaged, xy[1], path);
		} else if (field.startsWith('u ')) {
			part.conflicted.push(field.split(' ').slice(10).join(' '));
		} else if (field.startsWith('? ')) {
			part.untracked.push(field.slice(2));
		} else if (field.startsWith('! ')) {
			part.ignored!.push(field.slice(2));
		}
	}

	return part;
}

function addChange(list: Change[], code: string | undefined, path: string): void {
	const kind = code === undefined ? undefined : changeKinds[code];
	if (kind) {
		list.push({path, kind});
	}
}

function parseLog(text: string): Commit[] {
	return text.split('\u001E').filter(Boolean).map(record => {
		const [oid = '', parents = '', author = '', subject = '', ...rest] = record.split('\0');
		const files: CommitFile[] = [];
		// After the subject: a newline, then status and path fields in pairs.
		for (let index = 0; index + 1 < rest.length; index += 2) {
			files.push({status: rest[index]!.replace(/^\n/, ''), path: rest[index + 1]!});
		}

		return {oid, parents: parents.split(' ').filter(Boolean), author, subject, files};
	});
}

function parseRefs(text: string): Pick<RepoState, 'branches' | 'remoteTracking' | 'tags' | 'tagCommits' | 'stash'> {
	const branches: RepoState['branches'] = {};
	const remoteTracking: RepoState['remoteTracking'] = {};
	const tags: RepoState['tags'] = {};
	const tagCommits: Record<string, string> = {};
	let stash: string | undefined;
	for (const line of text.split('\n').filter(Boolean)) {
		const [ref = '', oid = '', upstream = '', peeled = ''] = line.split('\0');
		if (ref.startsWith('refs/heads/')) {
			branches[ref.slice('refs/heads/'.length)] = {oid, upstream: upstream ? upstream.replace(/^refs\/remotes\//, '') : undefined};
		} else if (ref.startsWith('refs/remotes/') && !ref.endsWith('/HEAD')) {
			remoteTracking[ref.slice('refs/remotes/'.length)] = oid;
		} else if (ref.startsWith('refs/tags/')) {
			tags[ref.slice('refs/tags/'.length)] = oid;
			tagCommits[ref.slice('refs/tags/'.length)] = peeled || oid;
		} else if (ref === 'refs/stash') {
			stash = oid;
		}
	}

	return {branches, remoteTracking, tags, tagCommits, stash};
}

function parseConfig(text: string): {remotes: RepoState['remotes']; pull: RepoState['pullSettings']; attributesFile: boolean} {
	const remotes: RepoState['remotes'] = [];
	const pull: RepoState['pullSettings'] = {rebase: undefined, ff: undefined};
	let attributesFile = false;
	for (const entry of text.split('\0').filter(Boolean)) {
		const newline = entry.indexOf('\n');
		const key = newline === -1 ? entry : entry.slice(0, newline);
		// A key set without a value ("[pull] rebase") means true.
		const value = newline === -1 ? 'true' : entry.slice(newline + 1);
		if (key === 'pull.rebase' || key === 'pull.ff') {
			pull[key === 'pull.rebase' ? 'rebase' : 'ff'] = value;
		} else if (key === 'core.attributesfile') {
			attributesFile = true;
		} else {
			remotes.push({name: key.slice('remote.'.length, -'.url'.length), url: value});
		}
	}

	return {remotes, pull, attributesFile};
}

function parseOnlineRefs(text: string): Pick<OnlineState, 'branches' | 'tags'> {
	const branches: Record<string, string> = {};
	const tags: Record<string, string> = {};
	for (const line of text.split('\n').filter(Boolean)) {
		const [ref = '', oid = ''] = line.split('\0');
		if (ref.startsWith('refs/tags/')) {
			tags[ref.slice('refs/tags/'.length)] = oid;
		} else {
			branches[ref.slice('refs/heads/'.length)] = oid;
		}
	}

	return {branches, tags};
}

function parseOnlineLog(text: string): OnlineState['commits'] {
	const fields = text.split('\0');
	const commits: OnlineState['commits'] = [];
	for (let index = 0; index + 3 < fields.length; index += 4) {
		commits.push({
			oid: fields[index]!.replace(/^\n/, ''),
			parents: fields[index + 1]!.split(' ').filter(Boolean),
			author: fields[index + 2]!,
			subject: fields[index + 3]!,
		});
	}

	return commits;
}
