// Runs one line the learner typed: a tutor word, a git command (the real binary, no shell in
// between) or a file helper. Anything else gets a short message, never a crash.
import path from 'node:path';
import {runGit, type GitResult} from '../git/git-runner.ts';
import {hasOption, readGitArguments, type GitArguments} from '../git/git-arguments.ts';
import {explanations} from '../explain/explanations.ts';
import {editorHowTo} from '../explain/editor-note.ts';
import {closestWord} from '../closest-word.ts';
import {githubPrefixes} from '../sandbox/sandbox-config.ts';
import {parseCommandLine} from './parse-command-line.ts';
import {placeholderMessage, type KnownValues} from './placeholders.ts';
import {fileHelperNames, inGitStorage, realPlace, runFileHelper, type FileHelperName} from './file-helpers.ts';

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
	/** What a placeholder typed literally (<url>) stands for here; the shell never reads git for it. */
	known?: KnownValues;
};

const tutorAliases: Record<string, TutorWord> = {exit: 'quit', q: 'quit', hints: 'hint', '?': 'help', cls: 'clear'};
const editors = new Set(['vi', 'vim', 'nvim', 'nano', 'emacs', 'code', 'notepad', 'pico', 'ed', 'subl']);
const everyCommand = ['git', ...fileHelperNames, ...tutorWords];

/** A table lookup that never finds Object's own members (a learner can type `constructor`). */
const own = <T>(table: Readonly<Record<string, T>>, key: string): T | undefined => (Object.hasOwn(table, key) ? table[key] : undefined);

export const whatYouCanType = 'You can type git commands, the file helpers echo, cat, ls, touch, rm, mv and pwd, and the tutor words hint, reset, menu, help, clear and quit.';

export async function runLine(line: string, runner: LineRunner): Promise<LineResult> {
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
const leavesTheSandbox = new Set(['-C', '--git-dir', '--work-tree', '--namespace', '--exec-path', '--super-prefix', '--shallow-file']);
/** -c can point git elsewhere (core.worktree) or make it run programs (alias, core.pager). */
const overridesSettings = new Set(['-c', '--config-env']);

async function runGitLine(words: string[], runner: LineRunner): Promise<LineResult> {
	const args = readGitArguments(words);
	const refusal = refuseGit(args) ?? await refuseOutside(args, words, runner.repo);
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

	// Git takes any unambiguous start of a long option (--interac), so those count too.
	const abbreviates = (flag: string) => args.options.some(option => option.startsWith('--') && option.length >= 4 && flag.startsWith(option.split('=')[0]!));
	const interactiveFlag = own(interactive, subcommand)?.find(flag => hasOption(args, flag) || (flag.startsWith('--') && abbreviates(flag)));
	if (interactiveFlag) {
		return `git ${subcommand} ${interactiveFlag} asks questions key by key, which the tutor cannot pass on. Type the command without ${interactiveFlag}.`;
	}

	// -h only prints the options.
	if (subcommand === 'commit' && !hasOption(args, '-m', '--message', '-F', '--file', '-C', '--reuse-message', '--no-edit', '--fixup', '-h')) {
		if (hasOption(args, '--amend')) {
			return ['git commit --amend would open a text editor to change the box\'s label, and editors do not open inside the tutor.', 'Keep the label: git commit --amend --no-edit   or write a new one: git commit --amend -m "New label"', ...editorHowTo].join('\n');
		}

		const label = explanations['needs-label'];
		return [label.meaning, label.wayOut, ...editorHowTo].join('\n');
	}

	return undefined;
}

/** Options naming a file or folder git writes, whatever the subcommand (git diff --output=FILE). */
const writesAnywhere = ['--output', '--output-directory', '--separate-git-dir', '--export-marks', '--export-pack-edges', '--object-dir'];
/**
 * Where each subcommand writes, or which other repository it reaches: options naming the place,
 * and whether its other words can name one (a folder to create, a repository to push to or fetch
 * from). Each place must stay inside the repository.
 */
const writesTo: Record<string, {options?: string[]; words?: boolean}> = {
	init: {words: true},
	'init-db': {words: true},
	clone: {words: true},
	worktree: {words: true},
	bundle: {words: true},
	'merge-file': {words: true},
	// git mv follows a link in the destination's folders (one git apply can make) out of the repository.
	mv: {words: true},
	'pack-objects': {words: true},
	'index-pack': {options: ['-o'], words: true},
	push: {options: ['--repo'], words: true},
	fetch: {words: true},
	pull: {words: true},
	'ls-remote': {words: true},
	'send-pack': {words: true},
	remote: {words: true},
	subtree: {options: ['-P', '--prefix'], words: true},
	archive: {options: ['-o', '--remote']},
	'format-patch': {options: ['-o']},
	bugreport: {options: ['-o']},
	diagnose: {options: ['-o']},
	'checkout-index': {options: ['--prefix']},
	config: {options: ['-f', '--file']},
};
/** Where each subcommand reads files the learner names: these must be inside the repository too. */
const readsFrom: Record<string, {options?: string[]; words?: boolean}> = {
	commit: {options: ['-F', '--file', '-t', '--template']},
	tag: {options: ['-F', '--file']},
	notes: {options: ['-F', '--file']},
	merge: {options: ['-F', '--file']},
	blame: {options: ['--contents']},
	'hash-object': {words: true},
	apply: {words: true},
	am: {words: true},
};
/** With --no-index these compare or search files anywhere, not the repository's. */
const noIndexReads = new Set(['diff', 'grep']);
/** Options that copy a folder's files into a new repository (its hooks and config among them). */
const copiesTemplates = ['--template'];
/** Options that give a new clone settings of the learner's, as -c does. */
const cloneSettings = ['-c', '--config'];

/** Options that make git run a command the learner names. */
const runsPrograms: Record<string, string[]> = {
	rebase: ['-x', '--exec'],
	grep: ['-O', '--open-files-in-pager'],
	push: ['--receive-pack', '--exec'],
	'send-pack': ['--receive-pack', '--exec'],
	fetch: ['--upload-pack'],
	pull: ['--upload-pack'],
	clone: ['-u', '--upload-pack'],
	'ls-remote': ['--upload-pack', '--exec'],
	'fetch-pack': ['--upload-pack', '--exec'],
	archive: ['--exec'],
	'filter-branch': ['--setup', '--env-filter', '--tree-filter', '--index-filter', '--parent-filter', '--msg-filter', '--commit-filter', '--tag-name-filter'],
};
/** Subcommands whose first word runs a command (git submodule foreach CMD); '' when they always do. */
const runsCommands: Record<string, string> = {submodule: 'foreach', bisect: 'run', 'merge-index': ''};
/** Subcommands that set up jobs, daemons or files elsewhere on the computer, or act on other repositories. */
const reachesOutside = new Set(['maintenance', 'for-each-repo', 'credential-cache', 'credential-store', 'shell', 'http-fetch', 'http-push']);
/** Settings that point git outside the repository or make it run programs, as -c could. */
const unsafeSetting = /^(alias|include|includeif|url|protocol|credential|filter|gpg|trace2|uploadpack|extensions)\.|^core\.(worktree|hookspath|fsmonitor|sshcommand|gitproxy|askpass|bare|repositoryformatversion)$|^diff\.(external|.+\.(command|textconv))$|^merge\..+\.driver$|^remote\..+\.(receivepack|uploadpack|vcs)$|^submodule\..+\.update$/i;
/** Sections holding the sandbox's own protections (no hooks, no network, GitHub's address). */
const protectedSection = /^(core|credential|protocol|url|include|includeif|alias|filter|gpg|trace2|uploadpack)(\.|$)/i;
/** Settings whose value is a repository to fetch from or push to. */
const namesARepository = /^(remote\..+\.(push)?url|branch\..+\.(push)?remote|remote\.pushdefault)$/i;

/**
 * Every use of these options among the words, with its value, in each spelling git accepts:
 * --name=V, --name V, an abbreviation (--out=V), -oV, -o V and bundled short flags (-vo V).
 */
function optionUses(words: readonly string[], names: readonly string[]): Array<{option: string; value: string}> {
	const uses: Array<{option: string; value: string}> = [];
	for (const [at, word] of words.entries()) {
		if (word === '--') {
			break;
		}

		const next = words[at + 1] ?? '';
		if (word.startsWith('--')) {
			const equals = word.indexOf('=');
			const name = equals === -1 ? word : word.slice(0, equals);
			// Git takes any start of a long option's name that is not ambiguous.
			const option = names.find(candidate => candidate.startsWith('--') && name.length >= 4 && candidate.startsWith(name));
			if (option) {
				uses.push({option, value: equals === -1 ? next : word.slice(equals + 1)});
			}
		} else if (/^-[a-zA-Z]/.test(word)) {
			for (const option of names.filter(candidate => /^-[a-zA-Z]$/.test(candidate))) {
				const letter = word.indexOf(option.charAt(1), 1);
				if (letter !== -1) {
					uses.push({option, value: word.slice(letter + 1) || next});
				}
			}
		}
	}

	return uses;
}

function decoded(text: string): string {
	try {
		return decodeURIComponent(text);
	} catch {
		return text;
	}
}

const climbsOut = (relative: string) => relative === '..' || relative.startsWith(`..${path.sep}`) || path.isAbsolute(relative);

/** Why a place git would use is out of bounds: outside the repository, in .git, or above GitHub's folder. */
async function outOfBounds(repo: string, place: string): Promise<'outside' | 'storage' | 'github' | undefined> {
	const github = githubPrefixes.find(prefix => place.startsWith(prefix));
	if (github) {
		// The sandbox maps GitHub addresses to a folder of its own; ".." (even %-encoded, git decodes it) climbs out.
		const rest = place.slice(github.length);
		return [rest, decoded(rest)].some(text => text.split(/[/\\]/).includes('..')) ? 'github' : undefined;
	}

	// Git does not expand ~ (there is no shell), but the learner means their home folder.
	if (place.startsWith('~') || /^file:/i.test(place) || path.isAbsolute(place)) {
		return 'outside';
	}

	const full = path.resolve(repo, place);
	const relative = path.relative(repo, full);
	if (climbsOut(relative)) {
		return 'outside';
	}

	if (inGitStorage(relative)) {
		return 'storage';
	}

	// A link inside the repository can lead out of it: judge the deepest part that exists by its real path.
	const real = await realPlace(repo, full);
	return real === 'dangling' || climbsOut(real) ? 'outside' : (inGitStorage(real) ? 'storage' : undefined);
}

/** Refuses what would reach outside the practice repository: writing elsewhere, or running programs. */
async function refuseOutside(args: GitArguments, words: readonly string[], repo: string): Promise<string | undefined> {
	const subcommand = args.subcommand ?? '';
	// Global options that take a value were refused already, so the subcommand follows the global options.
	const after = words.slice(args.globalOptions.length + 1);
	// Internal helpers (submodule--helper, bisect--helper...) and remote helpers are git's own plumbing.
	if (reachesOutside.has(subcommand) || subcommand.includes('--') || subcommand.startsWith('remote-')) {
		return `git ${subcommand} works outside your practice repository, so the tutor does not run it. Everything in the lessons works without it.`;
	}

	const program = optionUses(after, own(runsPrograms, subcommand) ?? [])[0]?.option;
	if (program) {
		return `git ${subcommand} ${program} runs a program you name, and the tutor runs nothing but git. Type the command without ${program}.`;
	}

	const commandWord = own(runsCommands, subcommand);
	if (commandWord !== undefined && (commandWord === '' || args.positionals[0] === commandWord)) {
		return `git ${[subcommand, commandWord].filter(Boolean).join(' ')} runs a command you name, and the tutor runs nothing but git.`;
	}

	if (subcommand === 'apply' && optionUses(after, ['--unsafe-paths']).length > 0) {
		return 'git apply --unsafe-paths changes files outside ~/shipment, and the tutor keeps git inside it. Type the command without --unsafe-paths.';
	}

	if (subcommand === 'config') {
		const sectionCommand = optionUses(after, ['--remove-section', '--rename-section']).length > 0 || ['remove-section', 'rename-section'].includes(args.positionals[0] ?? '');
		const setting = args.positionals.find(word => unsafeSetting.test(word) || (sectionCommand && protectedSection.test(word)));
		if (setting) {
			return `The setting ${setting} decides where git looks, what it runs or where it connects, which the tutor keeps inside ~/shipment, so it cannot be changed here. Everything in the lessons works without it.`;
		}
	}

	if (subcommand === 'config' && optionUses(after, ['--system']).length > 0) {
		return 'git config --system reads and changes this computer\'s own git settings, which the tutor leaves alone. git config NAME VALUE sets a setting for your practice repository.';
	}

	const template = optionUses(after, copiesTemplates)[0];
	if (template && subcommand !== 'commit') {
		return `git ${subcommand} ${template.option} copies a folder's hooks and settings into a new repository, which could make git run programs. Type the command without ${template.option}.`;
	}

	const settings = subcommand === 'clone' ? optionUses(after, cloneSettings)[0] : undefined;
	if (settings) {
		return `Settings given with git clone ${settings.option} are not used in the tutor. Type the command without ${settings.option}.`;
	}

	const reads = own(readsFrom, subcommand);
	const readPlaces = [
		...optionUses(after, reads?.options ?? []).map(use => use.value),
		...(reads?.words || (noIndexReads.has(subcommand) && hasOption(args, '--no-index')) ? args.positionals : []),
	];
	for (const place of readPlaces) {
		// Reading inside .git is harmless; reading outside ~/shipment is not the tutor's business.
		if (place !== '-' && await outOfBounds(repo, place) === 'outside') {
			return `git ${subcommand} would read ${place}, which is outside ~/shipment. In the tutor git works only inside ~/shipment: name a file inside it.`;
		}
	}

	const rule = own(writesTo, subcommand);
	const namesRepository = subcommand === 'config' && args.positionals.some(word => namesARepository.test(word));
	const places = [
		...optionUses(after, [...writesAnywhere, ...(rule?.options ?? [])]).map(use => use.value),
		...(rule?.words || namesRepository ? args.positionals : []),
	];
	for (const place of places) {
		switch (await outOfBounds(repo, place)) {
			case 'outside': {
				return `git ${subcommand} would use ${place}, which is outside ~/shipment. In the tutor git works only inside ~/shipment: name a place inside it.`;
			}

			case 'storage': {
				return `git ${subcommand} would write to ${place}, inside .git, git's own storage room. Name a place outside .git.`;
			}

			case 'github': {
				return `${place} climbs out of GitHub with "..". Use the address as GitHub shows it, like https://github.com/learner/shipment.git`;
			}

			case undefined: {
				break;
			}
		}
	}

	return undefined;
}
