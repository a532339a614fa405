// Explains a pasted git error from its text alone: it never runs git and never reads a repository.
// The wordings are the catalogue's (explanations.ts), the same the lessons show.
import {newerGit} from './newer-git.ts';
import {explanations, type Explanation, type FailureId, type Practice} from './explanations.ts';
import {looksTranslated, prefixes} from './looks-translated.ts';
import {pastedRemote, pasteParts, plainText, wrapWidth, type PastedCommand, type PastePart} from './paste-text.ts';
import {rejectedLine, rejectionReasons, shortRef, signals} from './text-signals.ts';

export type TextFinding = {
	id: FailureId;
	/** The line of the paste that gave the error away, without colour codes. */
	signal: string;
	/** What happened, in plain words and the box analogy, with the learner's own names filled in. */
	meaning: string;
	/** The way out, safest first. */
	wayOut: string;
	/** Where to practise it, as a command: git-push-tutor --lesson remote, or --practice force. */
	practise?: string;
	/** The names taken from the paste (branch, remote, address, files), for --json. */
	details: Record<string, string>;
};

export type TextExplanation =
	| {kind: 'explained'; findings: TextFinding[]}
	/** Looks like git output in a language the tutor cannot read. */
	| {kind: 'translated'; command?: string}
	| {kind: 'unknown'};

type Found = {id: FailureId; index: number; end: number; details: Record<string, string>};

const defined = (values: Record<string, string | undefined>): Record<string, string> =>
	Object.fromEntries(Object.entries(values).filter((entry): entry is [string, string] => entry[1] !== undefined && entry[1] !== ''));

function rejections(part: PastePart, width: number | undefined): Found[] {
	return [...part.text.matchAll(rejectedLine)].filter(match => saidByGit(part.text, match.index, width)).flatMap(match => {
		const groups = match.groups ?? {};
		// A wrapped line may break the reason: "(stale\n info)".
		const reason = (groups['reason'] ?? groups['preason'] ?? '').replaceAll('\n', '').replaceAll(/\s+/g, ' ').trim();
		const target = shortRef(groups['target'] ?? groups['ptarget'] ?? '');
		const source = shortRef(groups['source'] ?? groups['psource'] ?? '');
		const id = rejectionReasons.find(entry => entry.reason.test(reason))?.id;
		if (id === undefined) {
			return [];
		}

		// The address is on the "To" line above the rejection.
		const address = [...part.text.slice(0, match.index).matchAll(/^To (\S+)$/gm)].at(-1)?.[1];
		return [{id, index: match.index, end: match.index + match[0].length, details: defined({...(id === 'tag-exists-online' ? {tag: target} : {branch: target, source}), address})}];
	});
}

/** How git (and GitHub, and ssh) start a line in any language: fatal:, remote:, ssh:, CONFLICT (…), ***. */
const gitLinePrefix = new RegExp(`^(?:(?:${prefixes.join('|')}|remote|ssh)\\s?[:：]|CONFLICT \\(|\\*+\\s)`, 'iu');

/**
 * Git speaks at the start of its lines, or after one of its prefixes: a signal in a line that
 * starts otherwise is prose quoting git ("I fixed the `Repository not found` thing"). Quote marks
 * and line numbers of an e-mail or an editor may come first.
 */
function saidByGit(text: string, index: number, width: number | undefined): boolean {
	const cleaned = (from: number, to: number) => text.slice(from, to).replace(/^[\s>|]*(?:\d+[:.)]?\s+)?/, '');
	let start = text.lastIndexOf('\n', index - 1) + 1;
	let before = cleaned(start, index);
	// A line a narrow terminal broke starts where its first piece starts: walk back over the pieces
	// before it that fill the width (`width`: one at least two lines fill exactly).
	while (before !== '' && !gitLinePrefix.test(before) && width !== undefined && start > 0) {
		const previous = text.lastIndexOf('\n', start - 2) + 1;
		if (start - 1 - previous !== width) {
			break;
		}

		start = previous;
		before = cleaned(start, index);
	}

	return before === '' || gitLinePrefix.test(before);
}

function signalsIn(part: PastePart, width: number | undefined): Found[] {
	return signals.flatMap(signal => [...part.text.matchAll(signal.pattern)].filter(match => saidByGit(part.text, match.index, width)).map(match => {
		const groups = Object.fromEntries(Object.entries(match.groups ?? {}).map(([name, value]) => [name, value.replaceAll('\n', '')]));
		const end = match.index + match[0].length;
		return {id: signal.id, index: match.index, end, details: defined({...groups, ...signal.details?.({groups, text: part.text, end})})};
	}));
}

/** GitHub's specific answers say more than the generic refusal they come with. */
const covers: Partial<Record<FailureId, FailureId[]>> = {
	'large-file': ['hook-declined'],
	'protected-branch': ['hook-declined'],
	'private-email': ['hook-declined'],
};

/** One finding per error of a command's output, in the order the paste shows them. */
function findingsOf(part: PastePart): Found[] {
	// The width of lines a narrow terminal broke, if the paste has some: found once per part.
	const width = wrapWidth(part.text.split('\n'), 2);
	const found = [...rejections(part, width), ...signalsIn(part, width)].sort((a, b) => a.index - b.index);
	// One finding per error and per branch it names: two branches refused in one push are two errors.
	const byKey = new Map<string, Found>();
	for (const item of found) {
		const key = `${item.id}\n${item.details['branch'] ?? item.details['tag'] ?? ''}`;
		const first = byKey.get(key) ?? [...byKey.values()].find(other => other.id === item.id && (item.details['branch'] ?? item.details['tag']) === undefined);
		if (first) {
			// Later lines of the same error may name what the first did not; the first line's wording stays.
			const {variant, ...more} = item.details;
			first.details = {...more, ...first.details};
		} else {
			byKey.set(key, {...item, details: {...item.details}});
		}
	}

	const items = [...byKey.values()].map(item => (item.id === 'unknown-remote' && !isRemoteName(item.details['remote'] ?? '', part)
		// The quoted name is no remote the command named: the server (or the path) said it.
		? {...item, id: 'bad-address' as const, details: {address: item.details['remote'] ?? ''}}
		: item));
	const covered = new Set(items.flatMap(item => covers[item.id] ?? []));
	const remote = pastedRemote(part.command);
	const refused = items.filter(item => shippedFrom(item) !== undefined).length;
	return items.filter(item => !covered.has(item.id)).map(item => ({
		...item,
		details: {...(remote ? {remote} : {}), ...(part.command ? {retry: retryOf(item.id, part.command.line)} : {}), ...item.details, ...otherBranch(item, refused, remote, part.command), ...commandVariant(item, part.command)},
	}));
}

/** Wordings that depend on the command pasted with the error (or on the command git names). */
function commandVariant(item: Found, command: PastedCommand | undefined): Record<string, string> {
	const newer = item.id === 'not-a-command' ? newerGit.find(entry => entry.option === undefined && entry.command === item.details['command']) : undefined;
	if (newer) {
		// git switch on a git before 2.23: git's own "most similar command" is no way out.
		return {variant: 'newer', since: newer.since, instead: newer.instead};
	}

	if (command === undefined) {
		return {};
	}

	if (item.id === 'push-forbidden' && command.subcommand !== 'push') {
		return {variant: 'read'};
	}

	const ref = item.details['ref'];
	if (item.id === 'src-refspec' && ref !== undefined && ref !== 'HEAD' && command.subcommand === 'push' && command.positionals.includes(ref)) {
		return {variant: 'text-retry', retryBranch: command.line.split(' ').map(word => (word === ref ? '<branch>' : word)).join(' ')};
	}

	// A pull that named where from may have no saved route: the choice goes on that same command.
	return item.id === 'divergent-pull' && command.subcommand === 'pull' && command.positionals.length > 0 ? {variant: 'text-named'} : {};
}

const refusedPushes = new Set<FailureId>(['fetch-first', 'non-fast-forward', 'stale-info', 'remote-updated-since-checkout']);

/** The branch a refused push shipped from (the left of "feature -> main"), for a refusal of a push. */
function shippedFrom(item: Found): string | undefined {
	return refusedPushes.has(item.id) ? item.details['source'] : undefined;
}

/**
 * A push refused for a branch shipped under another name (feature -> main, HEAD -> main), one of
 * several refused at once, or one the command named: the way out happens on the branch shipped
 * from, which the learner may not be on, so the wording says where, and names no remote it does not know.
 */
function otherBranch(item: Found, refused: number, remote: string | undefined, command: PastedCommand | undefined): Record<string, string> {
	const source = shippedFrom(item);
	// A push that names its branch may be typed on another one, unless the prompt shows which; without the command, where it was typed is not known.
	const onIt = command !== undefined && (command.positionals.length < 2 || command.promptBranch === source);
	if (source === undefined || (source === item.details['branch'] && refused < 2 && onIt)) {
		return {};
	}

	const head = source === 'HEAD';
	return {
		variant: 'text-renamed',
		yours: head ? 'your current branch' : `your ${source}`,
		goTo: head ? '' : `go to it (git switch ${source}; before git 2.23: git checkout ${source}), then `,
		remote: item.details['remote'] ?? remote ?? '<remote>',
	};
}

/**
 * Whether "'NAME' does not appear to be a git repository" is about a remote the learner named:
 * the pasted command's remote, or without a command a name like origin (a server's project.git is
 * a path on the server).
 */
function isRemoteName(name: string, part: PastePart): boolean {
	return part.command ? part.command.positionals[0] === name : !name.includes('.');
}

/** The pasted command again, with what lets it through where git says what would. */
function retryOf(id: FailureId, line: string): string {
	if (id === 'rebase-unsealed') {
		return `${line} --autostash`;
	}

	return id === 'unrelated-histories' ? `${line} --allow-unrelated-histories` : line;
}

/** Fills a wording; undefined when the paste does not give every name it needs. */
function fill(text: string, details: Record<string, string>): string | undefined {
	let complete = true;
	const filled = text.replaceAll(/{(\w+)}/g, (_whole, name: string) => {
		const value = details[name] ?? (name === 'url' ? '<url>' : undefined);
		complete &&= value !== undefined;
		return value ?? '';
	});
	return complete ? filled : undefined;
}

/**
 * The catalogue's wording for what the paste says, the first that has all its names: a variant the
 * signal names; the 'text' variant where the lessons' wording needs what only the state knows, else
 * the lessons' wording; then 'text-plain', written for a paste that names less.
 */
function textWording(explanation: Explanation, details: Record<string, string>): Pick<Explanation, 'meaning' | 'wayOut'> | undefined {
	const variants = explanation.variants ?? {};
	const variant = (name: string | undefined) => (name !== undefined && Object.hasOwn(variants, name) ? {...explanation, ...variants[name]} : undefined);
	// Last, the lessons' wording even where a 'text' one exists: some 'text' wordings only name more.
	const candidates = [variant(details['variant']), variant('text') ?? explanation, variant('text-plain'), explanation]
		.filter((candidate): candidate is Explanation => candidate !== undefined);
	for (const candidate of candidates) {
		const meaning = fill(candidate.meaning, details);
		const wayOut = fill(candidate.wayOut, details);
		if (meaning !== undefined && wayOut !== undefined) {
			return {meaning, wayOut};
		}
	}

	return undefined;
}

function practiseCommand(practice: Practice | undefined): string | undefined {
	if (practice === undefined) {
		return undefined;
	}

	return 'drill' in practice ? `git-push-tutor --practice ${practice.drill}` : `git-push-tutor --lesson ${practice.lesson}`;
}

/** The lines of the paste from where the signal starts to where it ends, as one line. */
function signalLine(text: string, found: Found): string {
	const start = text.lastIndexOf('\n', found.index) + 1;
	const lineEnd = text.indexOf('\n', Math.max(found.end - 1, found.index));
	return text.slice(start, lineEnd === -1 ? undefined : lineEnd).split('\n').map(line => line.trim()).join(' ').trim();
}

export function explainText(text: string): TextExplanation {
	const plain = plainText(text);
	const findings: TextFinding[] = [];
	const seen = new Set<string>();
	const parts = pasteParts(plain);
	for (const part of parts) {
		for (const found of findingsOf(part)) {
			const explanation = explanations[found.id];
			const wording = textWording(explanation, found.details);
			// A paste twice, or the same error from two commands: said once.
			const key = `${found.id}\n${wording?.meaning}`;
			if (wording === undefined || seen.has(key)) {
				continue;
			}

			seen.add(key);
			const {variant, retry, yours, goTo, retryBranch, since, instead, ...details} = found.details;
			const practise = practiseCommand(explanation.practise);
			findings.push({id: found.id, signal: signalLine(part.text, found), ...wording, ...(practise ? {practise} : {}), details});
		}
	}

	if (findings.length > 0) {
		return {kind: 'explained', findings};
	}

	const command = parts.find(part => part.command)?.command?.line;
	return looksTranslated(plain) ? {kind: 'translated', ...(command ? {command} : {})} : {kind: 'unknown'};
}

