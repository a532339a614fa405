// A step's text shows commands with placeholders (git remote add origin <url>). A learner who types
// one literally is told what it stands for and, where the tutor knows it, the real value.
import type {RepoState} from '../git/repo-state.ts';

/** What the tutor knows that placeholders stand for; the lesson session fills it from the state. */
export type KnownValues = {
	url?: string;
	remotes?: readonly string[];
	files?: readonly string[];
	/** The newest boxes, as `id "label"`: which one a learner means is theirs to say. */
	newestBoxes?: readonly string[];
	branch?: string;
};

/** `listOnly`: the values help choose, but none is the one to type (a box to revert is the learner's choice). */
type Meaning = {means: string; values?: (known: KnownValues) => readonly string[] | undefined; valuesAre?: string; listOnly?: boolean};

const one = (value: string | undefined) => (value === undefined ? undefined : [value]);

const address: Meaning = {means: 'the online repository\'s address', values: known => one(known.url), valuesAre: 'Yours is'};
const remote: Meaning = {means: 'the name of a saved address (a remote)', values: known => known.remotes, valuesAre: 'Yours'};
const file: Meaning = {means: 'a file name', values: known => known.files, valuesAre: 'Files here'};
const box: Meaning = {means: 'a box\'s id, the hex number git log --oneline shows in front of its label', values: known => known.newestBoxes, valuesAre: 'Your newest boxes', listOnly: true};
const branch: Meaning = {means: 'a branch name', values: known => one(known.branch), valuesAre: 'You are on'};
const label: Meaning = {means: 'a label for the box, in quotes, like "Describe the change"'};

/** Placeholder words, as lessons and documentation write them, by what they stand for. */
const meanings: Record<string, Meaning> = {
	url: address,
	address,
	repo: address,
	repository: address,
	'remote-url': address,
	remote,
	'remote-name': remote,
	file,
	files: file,
	filename: file,
	'file-name': file,
	path: file,
	pathspec: file,
	id: box,
	commit: box,
	hash: box,
	sha: box,
	box,
	branch,
	'branch-name': branch,
	message: label,
	msg: label,
	label,
	name: {means: 'a name you choose (for a remote, the usual one is origin)'},
	tag: {means: 'a tag name you choose, like v1'},
};

const shown = (placeholder: string) => `<${placeholder}>`;

/** The message for a line holding these placeholders, with the real values where they are known. */
export function placeholderMessage(line: string, placeholders: readonly string[], known: KnownValues = {}): string {
	const names = [...new Set(placeholders)];
	const sentences = names.map(name => {
		const meaning = Object.hasOwn(meanings, name.toLowerCase()) ? meanings[name.toLowerCase()] : undefined;
		const values = meaning?.values?.(known)?.filter(Boolean) ?? [];
		const said = values.length > 0 ? ` ${meaning!.valuesAre}: ${values.join(', ')}.` : '';
		return `${shown(name)} stands for ${meaning?.means ?? 'a value you fill in'}.${said}`;
	});
	// With one known value for each placeholder, the whole line can be written out.
	const single = names.map(name => {
		const meaning = Object.hasOwn(meanings, name.toLowerCase()) ? meanings[name.toLowerCase()] : undefined;
		const values = (meaning?.listOnly ? undefined : meaning?.values?.(known)) ?? [];
		return values.length === 1 ? values[0] : undefined;
	});
	const typed = single.every(value => value !== undefined)
		? ` Type: ${names.reduce((text, name, index) => text.replaceAll(shown(name), single[index]!), line.trim())}`
		: '';
	return `${sentences.join(' ')} Type the real value in its place, without < and >.${typed}`;
}

/** What the placeholders stand for in this repository now. */
export function knownValues(state: RepoState | undefined, url: string): KnownValues {
	if (state === undefined) {
		return {url};
	}

	const deleted = new Set([...state.staged, ...state.unstaged].filter(change => change.kind === 'deleted').map(change => change.path));
	const files = [...new Set([...Object.keys(state.headFiles), ...state.staged.map(change => change.path), ...state.unstaged.map(change => change.path), ...state.untracked])]
		.filter(path => !deleted.has(path))
		.sort();
	return {
		url,
		remotes: state.remotes.map(known => known.name),
		files,
		...(state.commits.length === 0 ? {} : {newestBoxes: state.commits.slice(0, 3).map(commit => `${commit.oid.slice(0, 7)} "${commit.subject}"`)}),
		...(state.branch === undefined ? {} : {branch: state.branch}),
	};
}
