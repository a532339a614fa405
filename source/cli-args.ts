import {closestWord} from './closest-word.ts';
import {findLesson, noSuchLesson, type LessonName} from './lesson-choice.ts';
import {defaultDrill, drillNames, isDrillName, type DrillName} from './practice/drill-names.ts';
import {maxSeed} from './practice/prng.ts';
export type RunOptions = {
	lesson?: string;
	/** --lessons: the folder of the pack to play instead of the built-in lessons. */
	lessons?: string;
	/** Only when given: otherwise the branch remembered from the last --branch, else main. */
	branch?: string;
	workdir?: string;
	keep: boolean;
	screenReader: boolean;
	/** --practice: play a generated drill instead of a lesson; without a name, the drill most due. */
	practice?: DrillName | 'most-due';
	/** --challenge: with --practice, no hints. */
	challenge?: boolean;
	/** --seed: which variation of the drill (random when not given). */
	seed?: number;
};

export type CliCommand =
	| {kind: 'run'; options: RunOptions}
	| {kind: 'list'; lessons?: string}
	| {kind: 'help'}
	| {kind: 'version'}
	| {kind: 'verify'; options: VerifyArgs}
	| {kind: 'explain'; options: ExplainArgs}
	| {kind: 'error'; message: string};

/** git-push-tutor verify DIR [--json] [--branch NAME]: needs no terminal. */
export type VerifyArgs = {directory: string; json: boolean; branch: string | undefined};

/** git-push-tutor explain [--json] [TEXT...]: without TEXT, the error is read from standard input. */
export type ExplainArgs = {json: boolean; text?: string};

const helpHint = 'Run git-push-tutor --help to see the options.';

const valueOptions = {lesson: 'ID', lessons: 'DIR', branch: 'NAME', workdir: 'DIR', seed: 'N'} as const;
type ValueOption = keyof typeof valueOptions;

const flagOptions = ['keep', 'screen-reader', 'challenge', 'list', 'help', 'version'] as const;
type FlagOption = typeof flagOptions[number];

const shortAliases: Record<string, FlagOption> = {'-h': 'help', '-v': 'version', '-V': 'version', '-l': 'list'};

// Order matters: it breaks ties when suggesting a near miss.
const knownNames: readonly string[] = [...Object.keys(valueOptions), ...flagOptions, 'practice'];

export const helpText = `git-push-tutor: learn git add, commit and push with real git, in a sandbox.

Usage
  git-push-tutor [--lesson ID] [--branch NAME] [--workdir DIR] [--keep]
                 [--screen-reader]
  git-push-tutor --practice [NAME] [--seed N] [--challenge] [other options]
  git-push-tutor --list | --help | --version
  git-push-tutor --lessons DIR [--list] [other options]
  git-push-tutor verify DIR [--json] [--branch NAME]
  git-push-tutor explain [--json] [TEXT...]

Options
  --lesson ID        Start at this lesson: its ID, number or command, as
                     --list and the menu show them (pull-first, 5, pull).
  --lessons DIR      Play the lesson pack in folder DIR (an instructor's
                     lessons) instead of the built-in lessons; its
                     progress is kept apart from theirs.
  --practice [NAME]  Practise with a drill: a fresh random variation of
                     ${drillList()}.
                     Without NAME: the drill most due.
  --seed N           With --practice NAME: play the variation with this
                     number again (a drill's title shows its seed).
  --challenge        With --practice: no hints.
  --branch NAME      Default branch of the practice repositories;
                     remembered for next time. Without it: the branch
                     the pack names, else the one remembered, else main.
  --workdir DIR      Put the sandbox inside DIR.
  --keep             Leave the sandbox on disk when you finish and print
                     where it is, so you can look around.
  --screen-reader    Use plain, linear output that suits screen readers.
  -l, --list         List the lessons and their IDs (with --lessons DIR:
                     that pack's).
  -h, --help         Show this help.
  -v, --version      Show the version number.

Options that take a value can also be written as --option=value.

verify DIR plays every lesson of the lesson pack in DIR through real git:
each solution must pass its step, and no wrong move may. With --json it
prints the result as data; --branch master checks the master variant
(by default the branch the pack names, else main).
Exit code 0: all hold; 1: something fails; 2: the pack cannot be read.

explain reads a git error you paste (or pipe in, or give as TEXT) and says
what happened, the way out and where to practise it. It runs no git and
reads no repository. With --json it prints the same as data.
Exit code 0: explained; 1: not recognised; 2: a usage problem.

The tutor never reads or changes your own repositories or git settings.`;

function isValueOption(name: string): name is ValueOption {
	return Object.hasOwn(valueOptions, name);
}

function isFlagOption(name: string): name is FlagOption {
	return (flagOptions as readonly string[]).includes(name);
}

export function parseCliArgs(argv: readonly string[]): CliCommand {
	if (argv[0] === 'verify') {
		return parseVerifyArgs(argv.slice(1));
	}

	if (argv[0] === 'explain') {
		return parseExplainArgs(argv.slice(1));
	}

	const values: Partial<Record<ValueOption, string>> = {};
	const flags = new Set<FlagOption>();
	// Keep scanning after an error so a later --help still wins.
	let firstError: string | undefined;
	const fail = (message: string) => {
		firstError ??= `${message} ${helpHint}`;
	};

	let practice: DrillName | 'most-due' | undefined;
	let onlyPositionals = false;
	for (let index = 0; index < argv.length; index++) {
		const token = argv[index]!;

		if (onlyPositionals || !token.startsWith('-') || token === '-') {
			fail(strayArgumentMessage(token));
			continue;
		}

		if (token === '--') {
			onlyPositionals = true;
			continue;
		}

		const alias = shortAliases[token];
		if (alias) {
			flags.add(alias);
			continue;
		}

		if (!token.startsWith('--')) {
			fail(unknownOptionMessage(token));
			continue;
		}

		const equals = token.indexOf('=');
		const name = equals === -1 ? token.slice(2) : token.slice(2, equals);
		const inlineValue = equals === -1 ? undefined : token.slice(equals + 1);

		if (isFlagOption(name)) {
			if (inlineValue === undefined) {
				flags.add(name);
			} else {
				fail(`Option --${name} does not take a value.`);
			}

			continue;
		}

		if (name === 'practice') {
			// The drill name is optional: --practice alone, or before another option, means the drill most due.
			let drill = inlineValue;
			const next = argv[index + 1];
			if (drill === undefined && next !== undefined && !next.startsWith('-')) {
				drill = next;
				index++;
			}

			if (drill === '') {
				fail(`Option --practice= needs a drill name, like --practice=${defaultDrill}.`);
			} else if (drill !== undefined && !isDrillName(drill)) {
				fail(unknownDrillMessage(drill));
			} else {
				practice = drill ?? 'most-due';
			}

			continue;
		}

		if (!isValueOption(name)) {
			fail(unknownOptionMessage(equals === -1 ? token : token.slice(0, equals)));
			continue;
		}

		let value = inlineValue;
		if (value === undefined) {
			const next = argv[index + 1];
			// A following option means the value was forgotten, not that it is the value.
			if (next !== undefined && !(next.startsWith('-') && next !== '-')) {
				value = next;
				index++;
			}
		}

		if (value === undefined || value === '') {
			fail(`Option --${name} needs a value, like --${name} ${valueOptions[name]}.`);
			continue;
		}

		if (name === 'branch') {
			const problem = branchNameProblem(value);
			if (problem) {
				fail(`"${value}" is not a valid branch name for --branch: ${problem}. Try a simple name such as main.`);
				continue;
			}
		}

		if (name === 'seed' && !(/^\d+$/.test(value) && Number(value) <= maxSeed)) {
			fail(`"${value}" is not a seed for --seed: use a whole number from 0 to ${maxSeed}, like --seed 3.`);
			continue;
		}

		// The last one wins, like most command-line tools.
		values[name] = value;
	}

	if (flags.has('help')) {
		return {kind: 'help'};
	}

	if (flags.has('version')) {
		return {kind: 'version'};
	}

	if (flags.has('list')) {
		return values.lessons === undefined ? {kind: 'list'} : {kind: 'list', lessons: values.lessons};
	}

	if (values.seed !== undefined && practice === undefined) {
		fail(`Option --seed only works with --practice, like --practice ${defaultDrill} --seed 3.`);
	} else if (values.seed !== undefined && practice === 'most-due') {
		fail(`Option --seed replays one drill: name it, like --practice ${defaultDrill} --seed ${values.seed}.`);
	}

	if (flags.has('challenge') && practice === undefined) {
		fail(`Option --challenge only works with --practice, like --practice --challenge or --practice ${defaultDrill} --challenge.`);
	}

	if (values.lesson !== undefined && practice !== undefined) {
		fail('Choose either --lesson or --practice, not both.');
	}

	if (firstError !== undefined) {
		return {kind: 'error', message: firstError};
	}

	const options: RunOptions = {
		keep: flags.has('keep'),
		screenReader: flags.has('screen-reader'),
	};
	if (values.branch !== undefined) {
		options.branch = values.branch;
	}

	if (values.lesson !== undefined) {
		options.lesson = values.lesson;
	}

	if (values.workdir !== undefined) {
		options.workdir = values.workdir;
	}

	if (values.lessons !== undefined) {
		options.lessons = values.lessons;
	}

	if (practice !== undefined) {
		options.practice = practice;
	}

	if (flags.has('challenge')) {
		options.challenge = true;
	}

	if (values.seed !== undefined) {
		options.seed = Number(values.seed);
	}

	return {kind: 'run', options};
}

const verifyNames = ['json', 'branch', 'help'];

/** The verify subcommand's own few options; --help anywhere shows the help. */
function parseVerifyArgs(argv: readonly string[]): CliCommand {
	const usage = 'Usage: git-push-tutor verify DIR [--json] [--branch NAME]';
	let directory: string | undefined;
	let json = false;
	let branch: string | undefined;
	let firstError: string | undefined;
	const fail = (message: string) => {
		firstError ??= `${message}\n${usage}`;
	};

	for (let index = 0; index < argv.length; index++) {
		const token = argv[index]!;
		const equals = token.indexOf('=');
		const long = token.startsWith('--');
		const name = long ? token.slice(2, equals === -1 ? undefined : equals) : undefined;
		const inline = long && equals !== -1 ? token.slice(equals + 1) : undefined;
		if (token === '-h' || name === 'help') {
			return {kind: 'help'};
		}

		if (name === 'json' && inline === undefined) {
			json = true;
		} else if (name === 'branch') {
			const value = inline ?? argv[++index];
			const problem = value === undefined || value === '' ? 'it is missing' : branchNameProblem(value);
			if (problem === undefined && value !== undefined) {
				branch = value;
			} else {
				fail(`"${value ?? ''}" is not a branch name for --branch: ${problem ?? ''}. Try --branch master.`);
			}
		} else if (token.startsWith('-')) {
			fail(unknownOptionMessage(token, verifyNames, 'verify', name));
		} else if (directory === undefined) {
			directory = token;
		} else {
			fail(`verify checks one folder; "${token}" is a second one.`);
		}
	}

	if (directory === undefined) {
		fail('verify needs the folder of the lesson pack to check, like: git-push-tutor verify my-pack');
	}

	return firstError === undefined && directory !== undefined ? {kind: 'verify', options: {directory, json, branch}} : {kind: 'error', message: firstError ?? usage};
}

// Stricter than git itself on purpose: practice branches should be simple names.
function branchNameProblem(name: string): string | undefined {
	if (name.length > 100) {
		return 'it is longer than 100 characters';
	}

	if (!/^[\w./-]+$/.test(name)) {
		return 'use only letters, digits, "-", "_", "." and "/"';
	}

	if (name.startsWith('-') || name.startsWith('.')) {
		return 'it must not start with "-" or "."';
	}

	if (name.includes('..')) {
		return 'it must not contain ".."';
	}

	if (name.endsWith('/') || name.endsWith('.lock') || name.endsWith('.')) {
		return 'it must not end with "/", ".lock" or "."';
	}

	// Git also refuses these, and it would fail later with a far more confusing message.
	if (name.split('/').some(part => part === '')) {
		return 'it must not start with "/" or contain "//"';
	}

	if (name.split('/').some(part => part.startsWith('.') || part.endsWith('.lock'))) {
		return 'no part between "/" may start with "." or end with ".lock"';
	}

	if (name === 'HEAD') {
		return '"HEAD" is a name git reserves';
	}

	return undefined;
}

/** "recover, force, pull-first or conflict", from the drill names. */
function drillList(): string {
	return `${drillNames.slice(0, -1).join(', ')} or ${drillNames.at(-1)!}`;
}

function unknownDrillMessage(drill: string): string {
	const suggestion = closestWord(drill, drillNames, 2);
	return `There is no drill "${drill}".${suggestion ? ` Did you mean ${suggestion}?` : ''} The drills are: ${drillNames.join(', ')}.`;
}

/** `command`: verify or explain, whose options are `names`; `word`: what is matched against them (the option's name). */
function unknownOptionMessage(option: string, names: readonly string[] = knownNames, command?: string, word = option.replace(/^-+/, '')): string {
	const suggestion = closestWord(word, names, 2);
	return `Unknown option ${option}${command ? ` for ${command}` : ''}.${suggestion ? ` Did you mean --${suggestion}?` : ''}`;
}

function strayArgumentMessage(word: string): string {
	// A forgotten "--" (git-push-tutor list) is a likely beginner slip.
	if (isFlagOption(word) || isValueOption(word) || word === 'practice') {
		return `Unexpected argument "${word}". Did you mean --${word}?`;
	}

	return `Unexpected argument "${word}".`;
}

/**
 * The lesson --lesson names, by number, id or command (the menu accepts the same), or the error
 * to print. Checked once the lessons are loaded, so nothing here knows how many there are.
 */
export function lessonOption(value: string, lessons: readonly LessonName[], listCommand = 'git-push-tutor --list'): {kind: 'lesson'; id: string} | {kind: 'error'; message: string} {
	const lesson = findLesson(value, lessons);
	return lesson
		? {kind: 'lesson', id: lesson.id}
		: {kind: 'error', message: `${noSuchLesson(value, lessons)}\nThe lessons are: ${lessons.map(candidate => candidate.id).join(', ')}. Run ${listCommand} to see them with their titles.`};
}

/** Options come first; from the first other word (or after --) everything is the pasted text, dashes and all. */
function parseExplainArgs(argv: readonly string[]): CliCommand {
	let json = false;
	let index = 0;
	for (; index < argv.length; index++) {
		const token = argv[index]!;
		if (token === '--') {
			index++;
			break;
		}

		if (token === '-h' || token === '--help') {
			return {kind: 'help'};
		}

		if (token === '--json') {
			json = true;
		} else if (/^--?[a-z][\w-]*$/i.test(token)) {
			return {kind: 'error', message: `${unknownOptionMessage(token, ['json', 'help'], 'explain')}\nUsage: git-push-tutor explain [--json] [TEXT...]`};
		} else {
			break;
		}
	}

	const words = argv.slice(index);
	return {kind: 'explain', options: {json, ...(words.length > 0 ? {text: words.join(' ')} : {})}};
}
