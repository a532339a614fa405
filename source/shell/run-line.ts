// Runs one line the learner typed: a tutor word, a git command (the real binary, no shell in
// between) or a file helper. Anything else gets a short message, never a crash.
import {runGit, type GitResult} from '../git/git-runner.ts';
import {hasOption, readGitArguments, type GitArguments} from '../git/git-arguments.ts';
import {explanations} from '../explain/explanations.ts';
import {closestWord} from '../closest-word.ts';
import {parseCommandLine} from './parse-command-line.ts';
import {fileHelperNames, runFileHelper, type FileHelperName} from './file-helpers.ts';

export const tutorWords = ['hint', 'reset', 'menu', 'help', 'quit', 'clear'] as const;
export type TutorWord = (typeof tutorWords)[number];

export type LineResult =
	| {kind: 'empty'}
	| {kind: 'tutor'; word: TutorWord}
	/** Nothing ran: the tutor explains why. */
	| {kind: 'refused'; message: string}
	| {kind: 'helper'; output: string; exitCode: number}
	| {kind: 'git'; args: GitArguments; result: GitResult};

export type LineRunner = {
	repo: string;
	env: Record<string, string>;
	signal?: AbortSignal;
};

const tutorAliases: Record<string, TutorWord> = {exit: 'quit', q: 'quit', hints: 'hint', '?': 'help', cls: 'clear'};
const editors = new Set(['vi', 'vim', 'nvim', 'nano', 'emacs', 'code', 'notepad', 'pico', 'ed', 'subl']);
const everyCommand = ['git', ...fileHelperNames, ...tutorWords];

export const whatYouCanType = 'You can type git commands, the file helpers echo, cat, ls, touch, rm and pwd, and the tutor words hint, reset, menu, help, clear and quit.';

export async function runLine(line: string, runner: LineRunner): Promise<LineResult> {
	const parsed = parseCommandLine(line);
	if (!parsed.ok) {
		return {kind: 'refused', message: parsed.problem};
	}

	const [command, ...args] = parsed.words;
	if (command === undefined) {
		return parsed.redirect ? {kind: 'refused', message: 'Name a command before >, like: echo "a line" > notes.txt'} : {kind: 'empty'};
	}

	const lower = command.toLowerCase();
	const word = (tutorWords as readonly string[]).includes(lower) ? (lower as TutorWord) : tutorAliases[lower];
	if (word !== undefined && args.length === 0 && !parsed.redirect) {
		return {kind: 'tutor', word};
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

function unknownCommand(command: string): string {
	if (command === 'cd') {
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

/** Interactive modes that would wait for keys the tutor cannot pass on. */
const interactive: Record<string, string[]> = {
	add: ['-p', '--patch', '-i', '--interactive', '-e', '--edit'],
	rebase: ['-i', '--interactive'],
	commit: ['-p', '--patch', '--interactive'],
	checkout: ['-p', '--patch'],
	reset: ['-p', '--patch'],
	restore: ['-p', '--patch'],
	stash: ['-p', '--patch'],
	clean: ['-i', '--interactive'],
};
const outsideTools = new Set(['mergetool', 'difftool', 'gui', 'citool', 'instaweb', 'send-email', 'daemon', 'web--browse', 'credential']);
const leavesTheSandbox = new Set(['-C', '--git-dir', '--work-tree', '--namespace', '--exec-path', '--super-prefix']);
/** -c can point git elsewhere (core.worktree) or make it run programs (alias, core.pager). */
const overridesSettings = new Set(['-c', '--config-env']);

async function runGitLine(words: string[], runner: LineRunner): Promise<LineResult> {
	const args = readGitArguments(words);
	const refusal = refuseGit(args);
	if (refusal) {
		return {kind: 'refused', message: refusal};
	}

	const result = await runGit(words, {cwd: runner.repo, env: runner.env, signal: runner.signal});
	return {kind: 'git', args, result};
}

function refuseGit(args: GitArguments): string | undefined {
	const escaping = args.globalOptions.find(option => leavesTheSandbox.has(option.split('=')[0]!));
	if (escaping) {
		return `${escaping} points git somewhere else; in the tutor, git always works in ~/shipment. Type the command without it.`;
	}

	const override = args.globalOptions.find(option => overridesSettings.has(option.split('=')[0]!));
	if (override) {
		return `Settings given with ${override.split('=')[0]} are not used in the tutor. To change a setting of your practice repository, use git config NAME VALUE, then type the command without ${override.split('=')[0]}.`;
	}

	const subcommand = args.subcommand ?? '';
	if (subcommand === 'help' || args.options.includes('--help') || args.globalOptions.includes('--help')) {
		const topic = subcommand === 'help' ? args.positionals[0] : subcommand;
		const short = topic ? `git ${topic} -h` : 'git -h';
		return `Git's manual does not open inside the tutor. For a short summary type ${short}; the full manual is at git-scm.com/docs${topic ? `/git-${topic}` : ''}.`;
	}

	if (outsideTools.has(subcommand)) {
		return `git ${subcommand} opens another program, which the tutor cannot show. Everything in the lessons works without it.`;
	}

	const interactiveFlag = interactive[subcommand]?.find(flag => hasOption(args, flag));
	if (interactiveFlag) {
		return `git ${subcommand} ${interactiveFlag} asks questions key by key, which the tutor cannot pass on. Type the command without ${interactiveFlag}.`;
	}

	if (subcommand === 'commit' && !hasOption(args, '-m', '--message', '-F', '--file', '-C', '--reuse-message', '--no-edit', '--fixup')) {
		const label = explanations['needs-label'];
		return `${label.meaning}\n${label.wayOut}`;
	}

	return undefined;
}
