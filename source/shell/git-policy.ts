// Reads a git line the learner typed against the allow-list (git-allow-list.ts) and rebuilds the
// line git receives from what it read: options in full, values attached, so git cannot read the
// line another way. Paths are judged where they really lead (links followed), and must stay in
// ~/shipment and out of git's storage. Anything else gets one line saying why, and nothing runs.
import {lstat, realpath} from 'node:fs/promises';
import path from 'node:path';
import {runGit} from '../git/git-runner.ts';
import type {GitArguments} from '../git/git-arguments.ts';
import {closestWord} from '../closest-word.ts';
import {explanations, fillExplanation} from '../explain/explanations.ts';
import {editorHowTo} from '../explain/editor-note.ts';
import {newerGit} from '../explain/newer-git.ts';
import {commandText} from '../explain/command-text.ts';
import {githubPrefixes, reachesOnline} from '../sandbox/sandbox-config.ts';
import {parseGitVersion} from '../git/version-number.ts';
import {allowedCommands, wholeSections, writableSettings, type CommandRule, type OptionRule, type ValueKind} from './git-allow-list.ts';
import {gitCommandNames, gitOptionNames} from './git-option-names.ts';
import {followPath, inGitStorage, leadsOutside} from './file-helpers.ts';

export type GitPlace = {repo: string; env: Record<string, string>};
export type Verdict = {ok: true; line: string[]; args: GitArguments} | {ok: false; message: string};

/** Thrown only inside this module: the line is refused, with this message. */
class Refusal extends Error {}

function refuse(message: string): never {
	throw new Refusal(message);
}

const own = <T>(table: Readonly<Record<string, T>>, key: string): T | undefined => (Object.hasOwn(table, key) ? table[key] : undefined);

/** Global options that send git somewhere else. */
const leavesTheSandbox = new Set(['-C', '--git-dir', '--work-tree', '--namespace', '--exec-path', '--super-prefix', '--shallow-file', '--bare', '--list-cmds']);
/** Global options that only change how git prints. */
const harmlessGlobal = new Set(['--no-pager', '-P', '--no-optional-locks']);

export async function checkGitLine(words: readonly string[], place: GitPlace): Promise<Verdict> {
	try {
		return await check(words, place);
	} catch (error) {
		if (error instanceof Refusal) {
			return {ok: false, message: error.message};
		}

		throw error;
	}
}

async function check(words: readonly string[], place: GitPlace): Promise<Verdict> {
	const globalOptions: string[] = [];
	let at = 0;
	while (at < words.length && words[at]!.startsWith('-')) {
		globalOptions.push(words[at]!);
		at++;
	}

	const subcommand = words[at];
	const rest = words.slice(at + 1);
	const base = {subcommand, globalOptions, words: [...words]};
	for (const option of globalOptions) {
		const name = option.split('=')[0]!;
		if (leavesTheSandbox.has(name)) {
			refuse(`${name} points git somewhere else; in the tutor, git always works in ~/shipment. Type the command without it.`);
		}

		if (name === '-c' || name === '--config-env') {
			refuse(`Settings given with ${name} are not used in the tutor. To change a setting of your practice repository, use git config NAME VALUE, then type the command without ${name}.`);
		}

		if (name === '--help') {
			return manual(subcommand);
		}

		if (!harmlessGlobal.has(name) && !['--version', '-v', '-h'].includes(name)) {
			refuse(`The tutor does not run git with ${name}. Type the command without it.`);
		}
	}

	const kept = globalOptions.filter(option => harmlessGlobal.has(option));
	if (subcommand === undefined) {
		// git --version, git -h, or git alone (which prints its usage).
		const asked = globalOptions.find(option => ['--version', '-v', '-h'].includes(option));
		const line = asked === undefined ? [] : [asked === '-h' ? '-h' : '--version'];
		return {ok: true, line, args: {...base, positionals: [], options: line}};
	}

	if (subcommand === 'help' || rest.includes('--help')) {
		return manual(subcommand === 'help' ? rest.find(word => !word.startsWith('-')) : subcommand);
	}

	const rule = own(allowedCommands, subcommand);
	if (rule === undefined) {
		return refuse(notRun(subcommand, rest));
	}

	await refuseMissingCommand(subcommand, place);
	// -h prints the options of any allowed command (git grep and ls-remote have an -h of their own).
	if (rest.includes('-h') && !(['grep', 'ls-remote'].includes(subcommand) && rest.length > 1)) {
		const sub = rule.subcommands && rest[0] !== undefined && own(rule.subcommands, rest[0]) ? [rest[0]] : [];
		const line = [subcommand, ...sub, '-h'];
		return {ok: true, line: [...kept, ...line], args: {...base, positionals: sub, options: ['-h']}};
	}

	const read = await readCommand(subcommand, rule, rest, place);
	if ('passThrough' in read) {
		// An option git itself does not have: git says so, and does nothing else.
		return {ok: true, line: read.passThrough, args: {...base, positionals: read.positionals, options: read.options}};
	}

	const line = [...kept, subcommand, ...read.line];
	return {ok: true, line, args: {...base, positionals: read.positionals, options: read.options}};
}

function manual(topic: string | undefined): Verdict {
	const short = topic ? `git ${topic} -h` : 'git -h';
	return refuse(`Git's manual does not open inside the tutor. For a short summary type ${short}; the full manual is at git-scm.com/docs${topic ? `/git-${topic}` : ''}.`);
}

/** Commands that open another program's window or serve other computers. */
const outsideTools = new Set(['mergetool', 'difftool', 'gui', 'citool', 'instaweb', 'send-email', 'daemon', 'web--browse', 'gitk']);

function notRun(subcommand: string, rest: readonly string[]): string {
	const shown = subcommand.length > 40 ? `${subcommand.slice(0, 40)}…` : subcommand;
	if (outsideTools.has(subcommand)) {
		return `git ${subcommand} opens another program, which the tutor cannot show. Everything in the lessons works without it.`;
	}

	if (gitCommandNames.includes(subcommand) || /^remote-|--/.test(subcommand)) {
		return `The tutor runs the git commands of the course; git ${shown} is not one of them.`;
	}

	// Not a git command at all: said as git would, without running anything.
	const suggestion = closestWord(subcommand, Object.keys(allowedCommands), subcommand.length <= 4 ? 1 : 2);
	const filled = fillExplanation(explanations['not-a-command'], {command: shown, ...(suggestion ? {suggestion, corrected: commandText([suggestion, ...rest])} : {})});
	return `${filled.meaning}\n${filled.wayOut}`;
}

/** The commands the git on this computer has, per PATH: git switch is new in 2.23. */
const commandLists = new Map<string, Promise<{commands: Set<string> | undefined; version: string | undefined}>>();

async function refuseMissingCommand(subcommand: string, place: GitPlace): Promise<void> {
	// Every other command of the list is in git 2.20, the oldest the tutor runs on.
	const newer = newerGit.find(entry => entry.command === subcommand && entry.option === undefined);
	if (newer === undefined) {
		return;
	}

	const key = place.env['PATH'] ?? '';
	let known = commandLists.get(key);
	if (known === undefined) {
		known = (async () => {
			const [list, version] = await Promise.all([
				runGit(['--list-cmds=main,nohelpers'], {cwd: place.repo, env: place.env, internal: true}),
				runGit(['--version'], {cwd: place.repo, env: place.env, internal: true}),
			]);
			return {
				commands: list.exitCode === 0 ? new Set(list.stdout.split(/\s+/).filter(Boolean)) : undefined,
				version: parseGitVersion(version.stdout)?.text,
			};
		})();
		commandLists.set(key, known);
	}

	const {commands, version} = await known;
	// Git would look for a program called git-switch on the PATH: say it is too new instead.
	if (commands !== undefined && commands.size > 0 && !commands.has(subcommand)) {
		const filled = fillExplanation(explanations['needs-newer-git'], {command: `git ${subcommand}`, since: newer.since, version: version ?? 'an older version', instead: newer.instead});
		refuse(`${filled.meaning}\n${filled.wayOut}`);
	}
}

type Read = {line: string[]; positionals: string[]; options: string[]} | {passThrough: string[]; positionals: string[]; options: string[]};

type Parsed = {
	options: Array<{typed: string; name: string; value?: string}>;
	/** Each option word as the checks read it: long ones in full, letters as typed (-vv, -am). */
	shown: string[];
	before: string[];
	after: string[];
	dashDash: boolean;
	sub?: string;
};

async function readCommand(subcommand: string, top: CommandRule, rest: readonly string[], place: GitPlace): Promise<Read> {
	if (subcommand === 'config') {
		return readConfig(rest, place);
	}

	const parsed = parseOptions(subcommand, top, rest);
	if ('passThrough' in parsed) {
		return parsed;
	}

	const rule = parsed.sub === undefined ? top : top.subcommands![parsed.sub]!;
	const shown = [subcommand, parsed.sub].filter(Boolean).join(' ');
	for (const option of parsed.options) {
		if (rule.interactive?.includes(option.name)) {
			refuse(`git ${shown} ${option.typed} asks questions key by key, which the tutor cannot pass on. Type the command without ${option.typed}.`);
		}

		const optionRule = rule.options[option.name]!;
		const kind = optionRule.value ?? optionRule.optional;
		if (option.value !== undefined && kind !== undefined) {
			await checkValue(shown, option.typed, option.value, kind, place);
		}
	}

	await checkWords(subcommand, rule, parsed, place);
	const names = new Set(parsed.options.map(option => option.name));
	if (subcommand === 'commit') {
		await refuseEditor(names, place);
	}

	if (subcommand === 'init' && (parsed.before.some(word => word !== '.') || parsed.after.length > 0)) {
		refuse('In the tutor, git init only starts ~/shipment over; it makes no other repositories. Type: git init');
	}

	const options = parsed.options.map(option => spelled(option.name, option.value));
	const line = [
		...(parsed.sub === undefined ? [] : [parsed.sub]),
		...options,
		...(subcommand === 'init' ? [] : parsed.before),
		...(parsed.dashDash ? ['--', ...parsed.after] : []),
	];
	return {line, positionals: [...(parsed.sub === undefined ? [] : [parsed.sub]), ...parsed.before, ...parsed.after], options: parsed.shown};
}

/** An option as git receives it: its full name, the value attached. */
function spelled(name: string, value: string | undefined): string {
	if (value === undefined) {
		return name;
	}

	return name.startsWith('--') ? `${name}=${value}` : `${name}${value}`;
}

/** Whether git commit would find something to seal: staged changes, or with --all, changed tracked files. */
async function somethingToSeal(all: boolean, place: GitPlace): Promise<boolean> {
	const differs = async (args: string[]) => (await runGit(['diff', '--quiet', ...args], {cwd: place.repo, env: place.env, internal: true})).exitCode !== 0;
	return await differs(['--cached']) || (all && await differs([]));
}

/**
 * A commit without a label would open an editor on a real terminal: refused here, with how to
 * write the label and how to live with an editor. With nothing to seal git opens none (it says
 * nothing to commit), so that line runs and its own answer is explained.
 */
async function refuseEditor(names: Set<string>, place: GitPlace): Promise<void> {
	if (['--message', '--file', '--reuse-message', '--no-edit', '--fixup'].some(name => names.has(name))) {
		return;
	}

	if (names.has('--amend')) {
		refuse(['git commit --amend would open a text editor to change the box\'s label, and editors do not open inside the tutor.', 'Keep the label: git commit --amend --no-edit   or write a new one: git commit --amend -m "New label"', ...editorHowTo].join('\n'));
	}

	if (!await somethingToSeal(names.has('--all'), place)) {
		return;
	}

	const label = explanations['needs-label'];
	refuse([label.meaning, label.wayOut, ...editorHowTo].join('\n'));
}

/** The rule's option for a typed name: in full, or an abbreviation git would take as this one. */
function findLong(path: string, rule: CommandRule, typedName: string): {name: string} | {unknownToGit: true} | {ambiguous: string[]} | {notRun: string} | {closest?: string} {
	if (own(rule.options, typedName)) {
		return {name: typedName};
	}

	const gitNames = own(gitOptionNames, path) ?? [];
	if (rule.exact || gitNames.length === 0) {
		const closest = closestWord(typedName, Object.keys(rule.options).filter(name => name.startsWith('--')), 2);
		return closest === undefined ? {} : {closest};
	}

	if (gitNames.includes(typedName)) {
		return {notRun: typedName};
	}

	const candidates = gitNames.filter(name => name.startsWith(typedName));
	if (candidates.length === 0) {
		return {unknownToGit: true};
	}

	if (candidates.length > 1) {
		return {ambiguous: candidates};
	}

	const name = candidates[0]!;
	return own(rule.options, name) ? {name} : {notRun: name};
}

function shortRule(rule: CommandRule, letter: string): [string, OptionRule] | undefined {
	return Object.entries(rule.options).find(([name, option]) => option.short === letter || name === `-${letter}`);
}

function parseOptions(subcommand: string, top: CommandRule, rest: readonly string[]): Parsed | {passThrough: string[]; positionals: string[]; options: string[]} {
	let rule = top;
	let sub: string | undefined;
	const parsed: Parsed = {options: [], shown: [], before: [], after: [], dashDash: false};
	for (let at = 0; at < rest.length; at++) {
		const word = rest[at]!;
		const shown = [subcommand, sub].filter(Boolean).join(' ');
		if (parsed.dashDash) {
			parsed.after.push(word);
			continue;
		}

		if (word === '--') {
			parsed.dashDash = true;
			continue;
		}

		if (!word.startsWith('-') || word === '-') {
			// The first word may name a sub-command (git remote add, git stash pop).
			const inner = rule === top && sub === undefined && parsed.before.length === 0 && top.subcommands ? own(top.subcommands, word) : undefined;
			if (inner) {
				sub = word;
				rule = inner;
				continue;
			}

			if (rule === top && parsed.before.length === 0 && subcommand === 'remote') {
				// Not one of git remote's sub-commands: git says so, and does nothing.
				return {passThrough: [subcommand, word], positionals: [word], options: []};
			}

			parsed.before.push(word);
			continue;
		}

		const path = [subcommand, sub].filter(Boolean).join(' ');
		if (/^-\d+$/.test(word) && own(rule.options, '--max-count')) {
			parsed.options.push({typed: word, name: '--max-count', value: word.slice(1)});
			parsed.shown.push(word);
			continue;
		}

		if (word.startsWith('--')) {
			const equals = word.indexOf('=');
			const typedName = equals === -1 ? word : word.slice(0, equals);
			const found = findLong(path, rule, typedName);
			if ('unknownToGit' in found) {
				return {passThrough: [subcommand, ...(sub ? [sub] : []), typedName], positionals: sub ? [sub] : [], options: [word]};
			}

			const asks = 'ambiguous' in found ? found.ambiguous.find(name => rule.interactive?.includes(name)) : undefined;
			if (asks !== undefined) {
				refuse(`git ${shown} ${typedName} could be ${asks}, which asks questions key by key, and the tutor cannot pass them on. Type the command without it.`);
			}

			if ('ambiguous' in found) {
				// Git says which options it could be, and does nothing else (there is nothing else on its line).
				return {passThrough: [subcommand, ...(sub ? [sub] : []), typedName], positionals: sub ? [sub] : [], options: [word]};
			}

			if ('notRun' in found) {
				refuse(`The tutor does not run git ${shown} with ${found.notRun}. Type the command without it.`);
			}

			if (!('name' in found)) {
				const hint = found.closest ? ` Did you mean ${found.closest}?` : ` See the options it takes: git ${shown} -h`;
				refuse(`The tutor does not run git ${shown} with ${typedName}.${hint}`);
			}

			const {name} = found;
			const option = rule.options[name]!;
			let value: string | undefined;
			if (equals !== -1) {
				if (option.value === undefined && option.optional === undefined) {
					refuse(`git ${shown} ${name} takes no value. Type it without =${word.slice(equals + 1)}.`);
				}

				value = word.slice(equals + 1);
			} else if (option.value !== undefined) {
				value = rest[++at];
				if (value === undefined) {
					refuse(`git ${shown} ${name} needs a value after it.`);
				}
			}

			parsed.options.push({typed: word, name, ...(value === undefined ? {} : {value})});
			parsed.shown.push(equals === -1 ? name : `${name}=${value ?? ''}`);
			continue;
		}

		// One or more letters: -a, -am "label", -mLabel, -vv, -fdx.
		parsed.shown.push(word);
		for (let index = 1; index < word.length; index++) {
			const letter = word.charAt(index);
			const found = shortRule(rule, letter);
			const gitNames = own(gitOptionNames, path) ?? [];
			if (found === undefined && !rule.exact && gitNames.length > 0 && !gitNames.includes(`-${letter}`)) {
				// A letter git itself does not have: git says so, and does nothing else.
				return {passThrough: [subcommand, ...(sub ? [sub] : []), `-${letter}`], positionals: sub ? [sub] : [], options: [word]};
			}

			if (found === undefined) {
				refuse(`The tutor does not run git ${shown} with -${letter}. See the options it takes: git ${shown} -h`);
			}

			const [name, option] = found;
			const attached = word.slice(index + 1);
			if (option.value !== undefined) {
				const value = attached === '' ? rest[++at] : attached;
				if (value === undefined) {
					refuse(`git ${shown} -${letter} needs a value after it.`);
				}

				parsed.options.push({typed: `-${letter}`, name, value});
				break;
			}

			if (option.optional !== undefined && attached !== '') {
				parsed.options.push({typed: `-${letter}`, name, value: attached});
				break;
			}

			parsed.options.push({typed: `-${letter}`, name});
		}
	}

	return sub === undefined ? parsed : {...parsed, sub};
}

const climbs = (text: string) => text.split(/[/\\]/).includes('..');

function decoded(text: string): string {
	try {
		return decodeURIComponent(text);
	} catch {
		return text;
	}
}

/** A GitHub address the sandbox maps to its own folder: an owner and a name, nothing that climbs. */
function githubAddress(word: string): boolean {
	const prefix = githubPrefixes.find(candidate => word.startsWith(candidate));
	if (prefix === undefined) {
		return false;
	}

	const rest = word.slice(prefix.length);
	return /^[\w.-]+\/[\w.-]+\/?$/.test(rest) && !climbs(rest) && !climbs(decoded(rest));
}

const looksLikeAddress = (word: string) => /^[a-zA-Z][\w+.-]*:/.test(word) || /^[^/]*@[^/]*:/.test(word);

async function checkValue(shown: string, typed: string, value: string, kind: ValueKind, place: GitPlace): Promise<void> {
	if (Array.isArray(kind)) {
		if (!kind.includes(value)) {
			refuse(`git ${shown} ${typed} takes one of: ${kind.join(', ')}.`);
		}

		return;
	}

	if (kind === 'text') {
		return;
	}

	if (value.startsWith('-')) {
		refuse(`The value of ${typed} starts with "-", so git could read it as an option. Type a value that does not.`);
	}

	switch (kind) {
		case 'number': {
			if (!/^\d+$/.test(value)) {
				refuse(`git ${shown} ${typed} takes a number.`);
			}

			break;
		}

		case 'file-in':
		case 'file-out': {
			await checkPath(shown, value, {writes: kind === 'file-out'}, place);
			break;
		}

		default: {
			break;
		}
	}
}

/** Where a path leads, links followed: it must be inside ~/shipment, and out of git's storage when git writes there. */
async function checkPath(shown: string, typed: string, how: {writes: boolean}, place: GitPlace): Promise<void> {
	if (/^file:/i.test(typed) || await leadsOutside(place.repo, typed)) {
		refuse(`git ${shown} would use ${typed}, which is outside ~/shipment. In the tutor git works only inside ~/shipment: name a place inside it.`);
	}

	const real = await followPath(place.repo, typed);
	if (how.writes && real !== 'dangling' && await inGitStorage(place.repo, real)) {
		refuse(`git ${shown} would write to ${typed}, in git's own storage room. Name a place outside it.`);
	}
}

/** A pathspec without its magic (:(top)notes.txt, :!notes.txt, :/notes.txt): the path it names. */
function pathOfPathspec(word: string): string {
	const long = /^:\([^)]*\)(.*)$/.exec(word);
	if (long) {
		return long[1]!;
	}

	const short = /^:[/!^]*:?(.*)$/.exec(word);
	return short ? short[1]! : word;
}

async function checkWords(subcommand: string, rule: CommandRule, parsed: Parsed, place: GitPlace): Promise<void> {
	const shown = [subcommand, parsed.sub].filter(Boolean).join(' ');
	const writes = ['mv', 'restore', 'checkout', 'clean', 'rm', 'stash'].includes(subcommand);
	for (const word of parsed.after) {
		await checkPath(shown, pathOfPathspec(word), {writes}, place);
	}

	switch (rule.words) {
		case 'none': {
			if (parsed.before.length > 0 && subcommand !== 'clone' && subcommand !== 'init') {
				refuse(`git ${shown} takes no other words here. Type: git ${shown}`);
			}

			if (subcommand === 'clone') {
				await checkClone(parsed, place);
			}

			break;
		}

		case 'paths': {
			for (const word of parsed.before) {
				await checkPath(shown, pathOfPathspec(word), {writes}, place);
			}

			break;
		}

		case 'revisions': {
			// A box, branch or tag, or a path: whichever git takes it for, as a path it must stay inside.
			for (const word of parsed.before) {
				await checkPath(shown, pathOfPathspec(word.replace(/^[^:]*:(?=[^:/])/, '')), {writes}, place);
			}

			break;
		}

		case 'repository': {
			const [repository, ...refs] = parsed.before;
			if (repository !== undefined) {
				await checkRepository(shown, repository, place);
			}

			for (const ref of refs) {
				if (ref.startsWith('-')) {
					refuse(`git ${shown}: ${ref} is not a branch name.`);
				}
			}

			break;
		}

		case 'remote-url': {
			const [name, url] = parsed.before;
			if (url !== undefined && !githubAddress(url)) {
				refuse(`In the tutor a remote's address is the online repository, like https://github.com/learner/shipment.git. ${url} is not one.`);
			}

			if (name !== undefined && (name === '.' || name === '..')) {
				refuse(`${name} cannot be a remote's name. Call it origin, for example.`);
			}

			break;
		}
	}
}

/** The repository a push, fetch or pull reaches: a remote's name, `.` (this one), or the online address. */
async function checkRepository(shown: string, word: string, place: GitPlace): Promise<void> {
	if (word === '.' || githubAddress(word)) {
		return;
	}

	if (githubPrefixes.some(prefix => word.startsWith(prefix)) || looksLikeAddress(word) || word.startsWith('/') || word.startsWith('~') || climbs(word)) {
		refuse(`In the tutor git reaches only the online repository, like https://github.com/learner/shipment.git, or a remote's name such as origin. git ${shown} ${word} would reach somewhere else.`);
	}

	// A name that is not a remote is taken as a folder: one in ~/shipment is another repository.
	if (await leadsOutside(place.repo, word) || (await followPath(place.repo, word) !== 'dangling' && await existsIn(place.repo, word) && !(await remoteNames(place)).includes(word))) {
		refuse(`There is no remote called ${word}, and git would take the folder ${word} for a repository instead. Name a remote (git remote -v lists them) or the online address.`);
	}
}

async function existsIn(repo: string, word: string): Promise<boolean> {
	const real = await followPath(repo, word);
	if (real === 'dangling') {
		return true;
	}

	const realRepo = await realpath(repo).catch(() => repo);
	return lstat(path.join(realRepo, real)).then(() => true, () => false);
}

async function remoteNames(place: GitPlace): Promise<string[]> {
	const result = await runGit(['remote'], {cwd: place.repo, env: place.env, internal: true});
	return result.stdout.split('\n').filter(Boolean);
}

async function checkClone(parsed: Parsed, place: GitPlace): Promise<void> {
	const [url, folder, ...more] = [...parsed.before, ...parsed.after];
	if (url === undefined || more.length > 0) {
		refuse('git clone takes the online address and, if you like, a folder name: git clone https://github.com/learner/shipment.git copy');
	}

	if (!reachesOnline(url)) {
		refuse(`In the tutor git clone copies only the online repository, https://github.com/learner/shipment.git. ${url} is not it.`);
	}

	await checkPath('clone', folder ?? 'shipment', {writes: true}, place);
}

/** A setting's name split as git reads it: section (any case), subsection (as typed), variable (any case). */
function settingName(key: string): {section: string; subsection: string | undefined; variable: string} | undefined {
	const first = key.indexOf('.');
	const last = key.lastIndexOf('.');
	if (first <= 0 || last === key.length - 1) {
		return undefined;
	}

	return {section: key.slice(0, first).toLowerCase(), subsection: first === last ? undefined : key.slice(first + 1, last), variable: key.slice(last + 1).toLowerCase()};
}

function writable(key: string): (typeof writableSettings)[number] | undefined {
	const name = settingName(key);
	return name && writableSettings.find(setting => setting.section === name.section
		&& setting.subsection === (name.subsection !== undefined)
		&& (setting.variables === undefined || setting.variables.includes(name.variable)));
}

const configReads = new Set(['--get', '--get-all', '--get-regexp', '--list', '-l', '--get-urlmatch']);
const configWrites = new Set(['--add', '--replace-all', '--unset', '--unset-all']);
const configSections = new Set(['--rename-section', '--remove-section']);
/** Options that only change how a read is printed, or which file of the sandbox's is read or written. */
const configQuiet = new Set(['--global', '--local', '--show-origin', '--show-scope', '--name-only', '--null', '-z', '--bool', '--int', '--path', '--bool-or-int', '--includes', '--no-includes', '--all', '--regexp', '--show-names']);
const configValued = new Set(['--type', '--default', '--value']);
/** git config's sub-commands (git 2.46 and newer). */
const configVerbs = new Set(['get', 'set', 'unset', 'list', 'rename-section', 'remove-section']);

/**
 * git config: reading is always allowed; writing only the settings on the list, however it is
 * written, and --file and --system not at all (the sandbox's own files are the only ones).
 */
async function readConfig(rest: readonly string[], place: GitPlace): Promise<Read> {
	const options: string[] = [];
	const words: string[] = [];
	for (let at = 0; at < rest.length; at++) {
		const word = rest[at]!;
		if (!word.startsWith('-') || word === '-') {
			words.push(word);
			continue;
		}

		const name = word.split('=')[0]!;
		if (name === '--') {
			words.push(...rest.slice(at + 1));
			break;
		}

		if (name === '--system' || name === '--file' || name === '-f' || name === '--blob' || name === '--worktree') {
			refuse(`git config ${name} reads or changes settings outside your practice repository, which the tutor leaves alone. git config NAME VALUE sets a setting for your practice repository.`);
		}

		if (name === '--edit' || name === '-e') {
			refuse('git config --edit would open a text editor, and editors do not open inside the tutor. Set one setting at a time: git config NAME VALUE');
		}

		if (configValued.has(name)) {
			const value = word.includes('=') ? word.slice(word.indexOf('=') + 1) : rest[++at];
			if (value === undefined || value.startsWith('-')) {
				refuse(`git config ${name} needs a value after it.`);
			}

			options.push(`${name}=${value}`);
			continue;
		}

		if (!configReads.has(name) && !configWrites.has(name) && !configSections.has(name) && !configQuiet.has(name)) {
			refuse(`The tutor does not run git config with ${name}. Type the command without it.`);
		}

		options.push(word.includes('=') ? refuse(`git config ${name} takes no value after =.`) : name);
	}

	const verb = words[0] !== undefined && configVerbs.has(words[0]) ? words[0] : undefined;
	const args = verb === undefined ? words : words.slice(1);
	const has = (...names: string[]) => names.some(name => options.includes(name));
	const reads = verb === 'get' || verb === 'list' || (verb === undefined && (has(...configReads) || (!has(...configWrites, ...configSections) && args.length <= 1)));
	if (!reads) {
		if (has('--type') || has('--bool', '--int', '--path', '--bool-or-int')) {
			refuse('The tutor sets settings as typed: git config NAME VALUE, without a --type.');
		}

		if (has(...configSections) || verb === 'rename-section' || verb === 'remove-section') {
			checkSections(args);
		} else {
			await checkSetting(args, has('--unset', '--unset-all') || verb === 'unset', place);
		}
	}

	for (const word of args) {
		if (word.startsWith('-')) {
			refuse(`${word} starts with "-", so git could read it as an option. Type a value that does not.`);
		}
	}

	const line = [...(verb === undefined ? [] : [verb]), ...options, ...args];
	return {line, positionals: words, options};
}

async function checkSetting(args: readonly string[], unsets: boolean, place: GitPlace): Promise<void> {
	const [key, value] = args;
	const setting = key === undefined ? undefined : writable(key);
	if (key === undefined || setting === undefined) {
		refuse(`The tutor lets git config change only the settings of the course (user.name, user.email, pull.rebase, push.autoSetupRemote, init.defaultBranch, core.editor, color.*, a remote's url, a branch's remote...). ${key ?? 'That'} is not one of them, so nothing changed.`);
	}

	if (unsets || value === undefined) {
		return;
	}

	if (setting!.value === 'url' && !githubAddress(value)) {
		refuse(`In the tutor a remote's address is the online repository, like https://github.com/learner/shipment.git. ${value} is not one.`);
	}

	if (setting!.value === 'remote') {
		await checkRepository('config', value, place);
		if (value !== '.' && !/^[\w.-]+$/.test(value)) {
			refuse(`${value} is not a remote's name. Name one that git remote lists, such as origin.`);
		}
	}
}

/** Sections renamed or removed whole: only a remote's or a branch's, whose every setting is on the list. */
function checkSections(args: readonly string[]): void {
	for (const name of args) {
		const dot = name.indexOf('.');
		const section = dot === -1 ? name.toLowerCase() : name.slice(0, dot).toLowerCase();
		if (dot === -1 || !(wholeSections as readonly string[]).includes(section) || section !== (args[0] ?? '').split('.')[0]!.toLowerCase()) {
			refuse(`The tutor renames or removes only a remote's or a branch's settings, like git config --rename-section remote.old remote.new. ${name} is not one.`);
		}
	}
}
