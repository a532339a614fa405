// One snapshot of everything the checks and the box diagram need, read with git plumbing
// (porcelain v2, for-each-ref, log -z) in a handful of parallel calls, untranslated.
import {runGit} from './git-runner.ts';

export type ChangeKind = 'added' | 'modified' | 'deleted' | 'renamed' | 'type-changed';
export type Change = {path: string; kind: ChangeKind};
/** A file a commit changed: A added, M modified, D deleted (renames show as D and A). */
export type CommitFile = {status: string; path: string};
export type Commit = {oid: string; parents: string[]; subject: string; files: CommitFile[]};

export type RepoState = {
	/** The current branch, or undefined when HEAD is detached. */
	branch: string | undefined;
	/** The commit HEAD points at, or undefined before the first commit. */
	head: string | undefined;
	upstream: string | undefined;
	/** The open box: changes staged against HEAD. */
	staged: Change[];
	/** The desk: tracked files changed since they were staged. */
	unstaged: Change[];
	untracked: string[];
	conflicted: string[];
	/** HEAD's history, newest first (at most `historyLimit`). */
	commits: Commit[];
	/** Local branches, with the upstream each one tracks. */
	branches: Record<string, {oid: string; upstream: string | undefined}>;
	/** Remote-tracking refs by short name (origin/main): what the last fetch or push saw. */
	remoteTracking: Record<string, string>;
	remotes: Array<{name: string; url: string}>;
	online: OnlineState;
};

export type OnlineState = {
	/** Branch name to commit. */
	branches: Record<string, string>;
	/** Commits reachable from any online branch, newest first (at most `historyLimit`). */
	commits: Array<{oid: string; subject: string}>;
};

export type StateReader = {
	repo: string;
	online: string;
	env: Record<string, string>;
};

const historyLimit = 50;

const changeKinds: Record<string, ChangeKind> = {A: 'added', M: 'modified', D: 'deleted', R: 'renamed', C: 'added', T: 'type-changed'};

async function plumbing(args: string[], reader: StateReader, cwd = reader.repo): Promise<string> {
	const result = await runGit(args, {cwd, env: reader.env, internal: true});
	// A repository with no commits or no remotes answers with a non-zero code and nothing to read.
	return result.exitCode === 0 ? result.stdout : '';
}

export async function readRepoState(reader: StateReader): Promise<RepoState> {
	const onlineGit = ['--git-dir', reader.online];
	const [status, log, refs, remoteConfig, onlineRefs, onlineLog] = await Promise.all([
		plumbing(['status', '--porcelain=v2', '--branch', '-z', '--untracked-files=all'], reader),
		plumbing(['log', '-z', `-n${historyLimit}`, '--format=%x1e%H%x00%P%x00%s', '--name-status', '--no-renames', 'HEAD', '--'], reader),
		plumbing(['for-each-ref', '--format=%(refname)%00%(objectname)%00%(upstream)'], reader),
		plumbing(['config', '-z', '--get-regexp', String.raw`^remote\..*\.url$`], reader),
		plumbing([...onlineGit, 'for-each-ref', '--format=%(refname)%00%(objectname)', 'refs/heads'], reader, reader.online),
		plumbing([...onlineGit, 'log', '-z', `-n${historyLimit}`, '--format=%H%x00%s', '--branches', '--'], reader, reader.online),
	]);
	return {
		...parseStatus(status),
		commits: parseLog(log),
		...parseRefs(refs),
		remotes: parseRemotes(remoteConfig),
		online: {branches: parseOnlineRefs(onlineRefs), commits: parseOnlineLog(onlineLog)},
	};
}

type StatusPart = Pick<RepoState, 'branch' | 'head' | 'upstream' | 'staged' | 'unstaged' | 'untracked' | 'conflicted'>;

function parseStatus(text: string): StatusPart {
	const part: StatusPart = {branch: undefined, head: undefined, upstream: undefined, staged: [], unstaged: [], untracked: [], conflicted: []};
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
		const [oid = '', parents = '', subject = '', ...rest] = record.split('\0');
		const files: CommitFile[] = [];
		// After the subject: a newline, then status and path fields in pairs.
		for (let index = 0; index + 1 < rest.length; index += 2) {
			files.push({status: rest[index]!.replace(/^\n/, ''), path: rest[index + 1]!});
		}

		return {oid, parents: parents.split(' ').filter(Boolean), subject, files};
	});
}

function parseRefs(text: string): Pick<RepoState, 'branches' | 'remoteTracking'> {
	const branches: RepoState['branches'] = {};
	const remoteTracking: RepoState['remoteTracking'] = {};
	for (const line of text.split('\n').filter(Boolean)) {
		const [ref = '', oid = '', upstream = ''] = line.split('\0');
		if (ref.startsWith('refs/heads/')) {
			branches[ref.slice('refs/heads/'.length)] = {oid, upstream: upstream ? upstream.replace(/^refs\/remotes\//, '') : undefined};
		} else if (ref.startsWith('refs/remotes/') && !ref.endsWith('/HEAD')) {
			remoteTracking[ref.slice('refs/remotes/'.length)] = oid;
		}
	}

	return {branches, remoteTracking};
}

function parseRemotes(text: string): RepoState['remotes'] {
	return text.split('\0').filter(Boolean).map(entry => {
		const newline = entry.indexOf('\n');
		const key = entry.slice(0, newline);
		return {name: key.slice('remote.'.length, -'.url'.length), url: entry.slice(newline + 1)};
	});
}

function parseOnlineRefs(text: string): Record<string, string> {
	const branches: Record<string, string> = {};
	for (const line of text.split('\n').filter(Boolean)) {
		const [ref = '', oid = ''] = line.split('\0');
		branches[ref.slice('refs/heads/'.length)] = oid;
	}

	return branches;
}

function parseOnlineLog(text: string): OnlineState['commits'] {
	const fields = text.split('\0');
	const commits: OnlineState['commits'] = [];
	for (let index = 0; index + 1 < fields.length; index += 2) {
		commits.push({oid: fields[index]!.replace(/^\n/, ''), subject: fields[index + 1]!});
	}

	return commits;
}
