// Runs one line the learner typed: a tutor word, a git command on the allow-list (the real
// binary, no shell in between, the line rebuilt by git-policy.ts) or a file helper. Anything
// else gets a short message, never a crash.
import {runGit, type GitResult} from '../git/git-runner.ts';
import type {GitArguments} from '../git/git-arguments.ts';
import {closestWord} from '../closest-word.ts';
import {parseCommandLine} from './parse-command-line.ts';
import {placeholderMessage, type KnownValues} from './placeholders.ts';
import {fileHelperNames, runFileHelper, type FileHelperName} from './file-helpers.ts';
import {checkGitLine} from './git-policy.ts';

export const tutorWords = ['hint', 'reset', 'menu', 'help', 'quit', 'clear', 'explain'] as const;
export type TutorWord = (typeof tutorWords)[number];

export type LineResult =
	| {kind: 'empty'}
	/**
	 * `step`: "reset step", which restarts the current step instead of the lesson. `text`: what
	 * follows "explain" on its line, the error to explain (absent when explain is typed alone).
	 */
	| {kind: 'tutor'; word: TutorWord; step?: boolean; text?: string}
	/** Nothing ran: the tutor explains why. */
	| {kind: 'refused'; message: string}
	| {kind: 'helper'; output: string; exitCode: number}
	| {kind: 'git'; args: GitArguments; result: GitResult};

export type LineRunner = {
	repo: string;
	env: Record<string, string>;
	signal?: AbortSignal;
	/** What a placeholder typed literally (<url>) stands for here; the shell never reads git for it. */
	known?: KnownValues;
};

const tutorAliases: Record<string, TutorWord> = {exit: 'quit', q: 'quit', hints: 'hint', '?': 'help', cls: 'clear'};
const editors = new Set(['vi', 'vim', 'nvim', 'nano', 'emacs', 'code', 'notepad', 'pico', 'ed', 'subl']);
const everyCommand = ['git', ...fileHelperNames, ...tutorWords];

/** A table lookup that never finds Object's own members (a learner can type `constructor`). */
const own = <T>(table: Readonly<Record<string, T>>, key: string): T | undefined => (Object.hasOwn(table, key) ? table[key] : undefined);

export const whatYouCanType = 'You can type git commands, the file helpers echo, cat, ls, touch, rm, mv and pwd, and the tutor words hint, reset, menu, help, clear, explain and quit.';

/**
 * A line asking to explain an error: "explain" alone (a paste follows), or "explain" and the error
 * on the same line. Read before the command-line parser, because an error is not a command: its
 * quotes, `>` and `(fetch first)` would be refused as shell syntax. Undefined for any other line.
 */
export function explainRequest(line: string): {text: string} | undefined {
	const match = /^\s*explain(?:\s+(.*))?$/is.exec(line);
	return match ? {text: (match[1] ?? '').trim()} : undefined;
}

export async function runLine(line: string, runner: LineRunner): Promise<LineResult> {
	const explain = explainRequest(line);
	if (explain) {
		return explain.text === '' ? {kind: 'tutor', word: 'explain'} : {kind: 'tutor', word: 'explain', text: explain.text};
	}

	const parsed = parseCommandLine(line);
	if (!parsed.ok) {
		return {kind: 'refused', message: parsed.placeholders ? placeholderMessage(line, parsed.placeholders, runner.known) : parsed.problem};
	}

	const [command, ...args] = parsed.words;
	if (command === undefined) {
		return parsed.redirect ? {kind: 'refused', message: 'Name a command before >, like: echo "a line" > notes.txt'} : {kind: 'empty'};
	}

	const lower = command.toLowerCase();
	const word = (tutorWords as readonly string[]).includes(lower) ? (lower as TutorWord) : own(tutorAliases, lower);
	if (word !== undefined && args.length === 0 && !parsed.redirect) {
		return {kind: 'tutor', word};
	}

	if (word === 'reset' && args.length === 1 && args[0]!.toLowerCase() === 'step' && !parsed.redirect) {
		return {kind: 'tutor', word, step: true};
	}

	if (command === 'git') {
		if (parsed.redirect) {
			return {kind: 'refused', message: 'Git\'s output cannot be sent to a file here. Type the git command without > FILE.'};
		}

		return runGitLine(args, runner);
	}

	if ((fileHelperNames as readonly string[]).includes(command)) {
		return {kind: 'helper', ...await runFileHelper(command as FileHelperName, args, parsed.redirect, runner.repo)};
	}

	if (word !== undefined) {
		// "hint me": the word is right, only the extra words are not.
		return {kind: 'refused', message: `${lower} works on its own, with nothing after it: type ${lower}`};
	}

	return {kind: 'refused', message: unknownCommand(command)};
}

function unknownCommand(typed: string): string {
	// A pasted paragraph can make a 10,000-character first word; quote only its start.
	const command = typed.length > 40 ? `${typed.slice(0, 40)}…` : typed;
	if (typed === 'cd') {
		return 'The tutor keeps you in ~/shipment, so there is no need to change folders.';
	}

	if (editors.has(command)) {
		return 'Editors do not open inside the tutor. Write to a file with echo, like: echo "a new line" >> notes.txt';
	}

	// Short words need a closer match, or every three-letter word would look like "git".
	const close = closestWord(command, everyCommand, command.length <= 4 ? 1 : 2);
	if (close === 'git') {
		return `"${command}" is not a command. Did you mean git?`;
	}

	const hint = close ? ` Did you mean ${close}?` : '';
	return `"${command}" is not something the tutor can run.${hint} ${whatYouCanType}`;
}

async function runGitLine(words: string[], runner: LineRunner): Promise<LineResult> {
	const verdict = await checkGitLine(words, {repo: runner.repo, env: runner.env});
	if (!verdict.ok) {
		return {kind: 'refused', message: verdict.message};
	}

	// Git receives the line as the policy rebuilt it, never the words as typed.
	const result = await runGit(verdict.line, {cwd: runner.repo, env: runner.env, signal: runner.signal});
	return {kind: 'git', args: verdict.args, result};
}
