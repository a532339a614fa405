// Words for what verify saw: a check as an author wrote it, and the repository state the checks
// read, short enough for one line of a report. Pure.
import type {RepoState} from '../git/repo-state.ts';
import type {Check} from '../lessons/lesson-types.ts';

/** A check as written in the lesson file, one line: {"check": "onBranch", "name": "main"}. */
export function describeCheck(check: Check): string {
	return JSON.stringify(check).replaceAll('":', '": ').replaceAll(',"', ', "');
}

const list = (paths: readonly string[]) => (paths.length === 0 ? 'none' : paths.slice(0, 5).join(', ') + (paths.length > 5 ? ` and ${paths.length - 5} more` : ''));

/** The state in the words a lesson author checks against: branch, newest box, desk, open box, warehouse. */
export function describeState(state: RepoState): string {
	const newest = state.commits[0];
	const head = newest === undefined ? 'no box yet' : `"${newest.subject}" (${newest.oid.slice(0, 7)})`;
	const branch = state.branch ?? `detached HEAD${state.operation ? ` (${state.operation} in progress)` : ''}`;
	const online = Object.entries(state.online.branches).map(([name, oid]) => `${name} at ${oid.slice(0, 7)}`);
	return [
		`on branch ${branch}${state.operation && state.branch ? ` (${state.operation} in progress)` : ''}`,
		`newest box ${head}`,
		`staged: ${list(state.staged.map(change => change.path))}`,
		`unstaged: ${list(state.unstaged.map(change => change.path))}`,
		`untracked: ${list(state.untracked)}`,
		...(state.conflicted.length > 0 ? [`conflicted: ${list(state.conflicted)}`] : []),
		`online: ${online.length === 0 ? 'no branch' : online.join(', ')}`,
	].join('; ');
}
