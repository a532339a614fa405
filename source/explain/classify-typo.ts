// Commands that did nothing because of what was typed: an option git does not have, a usage slip
// (exit 129), a command that does not exist, a file or branch that is not there, a label without
// quotes. Said as the slip it is, with the word that was probably meant, never as the failure it
// resembles.
import type {GitArguments} from '../git/git-arguments.ts';
import {hasOption, messageOf} from '../git/git-arguments.ts';
import type {RepoState} from '../git/repo-state.ts';
import {closestWord} from '../closest-word.ts';
import type {Failure} from './classify-failure.ts';
import {commandText} from './command-text.ts';
import type {FailureFacts} from './failure-facts.ts';

/** Git's usage error: it stops while reading the command line, before doing anything. */
const usageExit = 129;

/** Subcommands whose failing positionals are files that must exist (pathspecs). */
const takesFiles = new Set(['add', 'rm', 'restore', 'commit']);

const allowance = (word: string) => (word.length <= 4 ? 1 : 2);

/** Replaces one typed word by another in the command as typed. */
function corrected(args: GitArguments, typed: string, meant: string): string {
	return commandText(args.words.map(word => (word === typed ? meant : word)));
}

function suggestion(args: GitArguments, typed: string, candidates: readonly string[]): Record<string, string> {
	const meant = closestWord(typed, candidates, allowance(typed));
	return meant === undefined || meant === typed ? {} : {suggestion: meant, corrected: corrected(args, typed, meant)};
}

export function classifyTypo(args: GitArguments, exitCode: number, state: RepoState, facts: FailureFacts, details: Record<string, string>): Failure | undefined {
	const command = args.subcommand ?? '';
	if (exitCode === usageExit) {
		// -h asks for the usage on purpose, and it exits 129 too.
		return hasOption(args, '-h') || args.globalOptions.includes('-h') || command === '' ? undefined : usageSlip(args, facts, details);
	}

	if (facts.commands !== undefined && facts.commands.length > 0 && !facts.commands.includes(command) && !facts.autocorrect) {
		return {id: 'not-a-command', details: {...details, command, ...suggestion(args, command, facts.commands)}};
	}

	if (command === 'commit' && args.positionals.length > 0 && messageOf(args) !== undefined) {
		return unquotedLabel(args, facts, details);
	}

	if (takesFiles.has(command) || command === 'checkout') {
		return missingPath(args, state, facts, details);
	}

	if (command === 'switch' && exitCode === 128) {
		return missingBranch(args, state, details);
	}

	return undefined;
}

/** Exit 129: an option the command does not list, or another usage slip. */
function usageSlip(args: GitArguments, facts: FailureFacts, details: Record<string, string>): Failure {
	const command = args.subcommand ?? '';
	const base = {...details, command: [command, ...(facts.options?.sub ? [facts.options.sub] : [])].join(' ')};
	const known = facts.options?.names;
	if (known === undefined) {
		return {id: 'usage-error', details: base};
	}

	const isKnown = (name: string) => known.some(option => {
		const bare = option.replace(/=$/, '');
		// Git takes any start of an option that is not ambiguous, and --no- before most.
		return bare.startsWith(name) || `--no-${bare.slice(2)}`.startsWith(name);
	});
	const longOptions = args.options.filter(option => option.startsWith('--')).map(option => option.split('=')[0]!);
	const unknown = longOptions.filter(option => !isKnown(option));
	// An incomplete list (git before 2.26) leaves out a few real options: name one only when it is the only suspect.
	const sure = facts.options!.complete || (unknown.length === 1 && args.options.every(option => option.startsWith('--')));
	const option = unknown[0];
	if (option === undefined || !sure) {
		return {id: 'usage-error', details: base};
	}

	const typed = args.options.find(word => word.split('=')[0] === option)!;
	const meant = closestWord(option, known.map(name => name.replace(/=$/, '')), allowance(option.slice(2)));
	const fix: Record<string, string> = meant === undefined ? {} : {suggestion: meant, corrected: corrected(args, typed, typed.replace(option, meant))};
	return {id: 'unknown-option', details: {...base, option, ...fix}};
}

/** Whether a path names a file git sees, or a folder holding one. */
function pathKnown(typed: string, files: readonly string[]): boolean {
	const path = typed.replace(/^(\.\/)+/, '').replace(/\/+$/, '');
	return path === '' || path === '.' || files.some(file => file === path || file.startsWith(`${path}/`) || (file.endsWith('/') && path.startsWith(file)));
}

/** Paths the classifier can judge: plain names inside the repository, no patterns or pathspec magic. */
const judgeable = (word: string) => !/[*?[\]\\:]/.test(word) && !word.startsWith('/') && !word.split('/').includes('..');

function missingPath(args: GitArguments, state: RepoState, facts: FailureFacts, details: Record<string, string>): Failure | undefined {
	const files = facts.files;
	if (files === undefined || files.length === 0) {
		return undefined;
	}

	const command = args.subcommand ?? '';
	// A new branch's name, or a file taken from another box, need not exist on the desk.
	if (hasOption(args, '-b', '-B', '--orphan', '-s', '--source')) {
		return undefined;
	}

	const refs = [...Object.keys(state.branches), ...Object.keys(state.remoteTracking), ...Object.keys(facts.localTags ?? {}), 'HEAD'];
	// checkout takes branches and boxes as well as files; only a word that is none of them is a slip.
	const isRevision = (word: string) => refs.includes(word) || /^[\da-f]{4,40}$/i.test(word) || /[~^@]/.test(word);
	const missing = args.positionals.find(word => judgeable(word) && !pathKnown(word, files) && !(command === 'checkout' && isRevision(word)));
	if (missing === undefined) {
		return undefined;
	}

	const candidates = command === 'checkout' ? [...Object.keys(state.branches), ...files] : files;
	const id = command === 'checkout' ? 'no-such-branch-or-file' : 'no-such-file';
	return {id, details: {...details, command, path: missing, ...suggestion(args, missing, candidates)}};
}

function missingBranch(args: GitArguments, state: RepoState, details: Record<string, string>): Failure | undefined {
	const name = args.positionals[0];
	const creates = hasOption(args, '-c', '-C', '--create', '--force-create', '--orphan', '--detach', '-d');
	if (name === undefined || args.positionals.length > 1 || creates || name in state.branches) {
		return undefined;
	}

	// git switch makes a branch from a fetched one of the same name (origin/NAME) by itself.
	if (Object.keys(state.remoteTracking).some(tracking => tracking.endsWith(`/${name}`))) {
		return undefined;
	}

	return {id: 'no-such-branch', details: {...details, name, ...suggestion(args, name, Object.keys(state.branches))}};
}

/** git commit -m Pack notes and todo: the label's other words became paths that do not exist. */
function unquotedLabel(args: GitArguments, facts: FailureFacts, details: Record<string, string>): Failure | undefined {
	const files = facts.files ?? [];
	const missing = args.positionals.filter(word => !pathKnown(word, files));
	const first = messageOf(args)!;
	if (missing.length === 0 || !judgeable(missing[0]!)) {
		return undefined;
	}

	// A misspelt file name after a label is a missing file, not a label without quotes.
	const nearFile = missing.every(word => /[./]/.test(word) && closestWord(word, files, allowance(word)) !== undefined);
	if (nearFile) {
		return {id: 'no-such-file', details: {...details, command: 'commit', path: missing[0]!, ...suggestion(args, missing[0]!, files)}};
	}

	const label = [first, ...args.positionals].join(' ');
	const isMessage = (option: string) => option === '--message' || option.startsWith('--message=') || /^-[a-zA-Z]*m/.test(option);
	// The options as typed, the label flag followed by the whole label, and no positionals.
	const fixed = args.options.flatMap(option => (isMessage(option) ? [option.startsWith('--') ? '-m' : /^-[a-zA-Z]*?m/.exec(option)![0], label] : [option]));
	return {
		id: 'unquoted-label',
		details: {
			...details,
			first,
			rest: args.positionals.join(', '),
			missing: missing.join(', '),
			corrected: commandText(['commit', ...fixed]),
		},
	};
}
