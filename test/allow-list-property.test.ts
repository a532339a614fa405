// The allow-list against git's own lists: the options it says take a value are the ones git says
// take one, and random lines drawn from git's real commands and options, with values that point
// outside, change nothing outside the sandbox, under a hostile environment.
import {execFileSync} from 'node:child_process';
import {createHash} from 'node:crypto';
import {chmod, lstat, mkdir, mkdtemp, readdir, readFile, readlink, rm, symlink, writeFile} from 'node:fs/promises';
import {tmpdir} from 'node:os';
import path from 'node:path';
import test from 'ava';
import {allowedCommands, type CommandRule} from '../source/shell/git-allow-list.ts';
import {mulberry32} from '../source/practice/prng.ts';
import {LessonSession} from '../source/tutor/lesson-session.ts';
import {sessionOptions, shippedLessons} from './helpers/lessons.ts';

const scratchRepo = execFileSync('mktemp', ['-d'], {encoding: 'utf8'}).trim();
execFileSync('git', ['init', '--quiet', scratchRepo]);
test.after.always(async () => rm(scratchRepo, {recursive: true, force: true}));

/** What `git CMD --git-completion-helper` lists, by name: true when it takes a value (a trailing =). */
function gitListing(words: readonly string[]): Map<string, boolean> {
	let text = '';
	try {
		text = execFileSync('git', [...words, '--git-completion-helper'], {cwd: scratchRepo, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'], env: {...process.env, GIT_CONFIG_NOSYSTEM: '1'}});
	} catch {}

	const listing = new Map<string, boolean>();
	for (const word of text.split(/\s+/).filter(word => word.startsWith('--') && word !== '--')) {
		listing.set(word.replace(/=$/, ''), word.endsWith('='));
	}

	return listing;
}

function rules(): Array<[words: string[], rule: CommandRule]> {
	return Object.entries(allowedCommands).flatMap(([name, rule]) => [
		[[name], rule] as [string[], CommandRule],
		...Object.entries(rule.subcommands ?? {}).map(([sub, inner]) => [[name, sub], inner] as [string[], CommandRule]),
	]);
}

test('every option the tables say takes a value is one git lists with "=", and no other', t => {
	let compared = 0;
	const disagree: string[] = [];
	for (const [words, rule] of rules()) {
		const listing = gitListing(words);
		for (const [name, option] of Object.entries(rule.options)) {
			const takes = listing.get(name);
			if (!name.startsWith('--') || takes === undefined) {
				// Letters, options only newer git has, and --no- forms git leaves off its list.
				continue;
			}

			compared++;
			if ((option.value !== undefined) !== takes) {
				disagree.push(`git ${words.join(' ')} ${name}: git says it ${takes ? 'takes a' : 'takes no (or an optional)'} value`);
			}
		}
	}

	t.deepEqual(disagree, []);
	t.log(`${compared} options compared with git ${execFileSync('git', ['--version'], {encoding: 'utf8'}).trim()}`);
	t.true(compared > 150, String(compared));
});

const lessons = shippedLessons();
const addLesson = lessons.find(lesson => lesson.id === 'add')!;

test('300 random lines from git\'s own commands and options, with values that point outside, change nothing outside', async t => {
	t.timeout(180_000);
	const seed = Number(process.env['ALLOW_LIST_SEED'] ?? 0x00_0A_11_0E);
	const random = mulberry32(seed);
	const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)]!;
	const work = await mkdtemp(path.join(tmpdir(), 'gpt-property-'));
	t.teardown(async () => rm(work, {recursive: true, force: true}));
	const outside = path.join(work, 'outside');
	const home = path.join(work, 'fake-home');
	const marker = path.join(outside, 'ran');
	await mkdir(path.join(outside, 'folder'), {recursive: true});
	await mkdir(home);
	await writeFile(path.join(outside, 'secret.txt'), 'canary\n');
	execFileSync('git', ['init', '--quiet', '--bare', path.join(outside, 'other.git')]);
	const hook = path.join(home, 'hook');
	await writeFile(hook, `#!/bin/sh\ntouch '${marker}'\n`);
	await chmod(hook, 0o755);
	// The learner's own setup, all of which would leave a mark outside if git used it.
	await writeFile(path.join(home, '.gitconfig'), `[core]\n\thooksPath = ${home}\n\tfsmonitor = ${hook}\n\tpager = ${hook}\n[alias]\n\tst = !${hook}\n[diff]\n\texternal = ${hook}\n`);
	const inheritedEnv = {...process.env, HOME: home, GIT_DIR: path.join(outside, 'other.git'), GIT_CONFIG_GLOBAL: path.join(home, '.gitconfig'), GIT_EXEC_PATH: home};
	const session = await LessonSession.start(addLesson, {...sessionOptions(lessons), workdir: work, inheritedEnv});
	t.teardown(async () => session.dispose());
	await symlink(outside, path.join(session.sandbox.repo, 'lnk'));
	await symlink(path.join(outside, 'nothing-yet'), path.join(session.sandbox.repo, 'dangling'));
	await session.run('git add notes.txt');
	await session.run('git commit -m "Pack notes"');

	const snapshot = async () => {
		const result: Record<string, string> = {};
		const walk = async (folder: string) => {
			for (const name of await readdir(folder)) {
				const full = path.join(folder, name);
				const stats = await lstat(full);
				result[full] = stats.isSymbolicLink() ? `link ${await readlink(full)}` : (stats.isDirectory() ? 'folder' : createHash('sha256').update(await readFile(full)).digest('hex'));
				if (stats.isDirectory()) {
					await walk(full);
				}
			}
		};

		await walk(outside);
		await walk(home);
		return result;
	};

	const everyCommand = execFileSync('git', ['--list-cmds=main,others'], {encoding: 'utf8'}).split(/\s+/).filter(Boolean);
	const listings = new Map<string, string[]>();
	const optionsOf = (command: string) => {
		let listed = listings.get(command);
		if (listed === undefined) {
			listed = [...gitListing([command]).entries()].map(([name, takes]) => (takes ? `${name}=` : name));
			listings.set(command, listed);
		}

		return listed;
	};

	const places = [
		outside, `${outside}/secret.txt`, `${outside}/other.git`, `file://${outside}/other.git`, '../outside', '../../outside/secret.txt',
		'lnk', 'lnk/secret.txt', 'lnk/../outside/x', 'dangling', '~/x', '..', '.git/config', '.git/hooks/pre-commit', 'x.git',
		'https://github.com/learner/../../outside/other.git', 'notes.txt', 'HEAD', 'main', 'origin', '-', 'x',
	];
	const letters = [...'abcdefhimnopqrsuvxACFLMNPSX'];
	const before = await snapshot();
	const kinds: Record<string, number> = {};
	for (let index = 1; index <= 300; index++) {
		const command = random() < 0.6 ? pick(Object.keys(allowedCommands)) : pick(everyCommand);
		const words = ['git', command];
		if (allowedCommands[command]?.subcommands && random() < 0.5) {
			words.push(pick(Object.keys(allowedCommands[command].subcommands)));
		}

		const listed = optionsOf(command);
		for (let count = Math.floor(random() * 4); count > 0; count--) {
			const roll = random();
			if (roll < 0.6 && listed.length > 0) {
				const option = pick(listed);
				words.push(option.endsWith('=') ? (random() < 0.5 ? `${option}${pick(places)}` : `${option.slice(0, -1)} ${pick(places)}`) : option);
			} else if (roll < 0.85) {
				words.push(`-${pick(letters)}${random() < 0.3 ? pick(places) : ''}`);
			} else {
				words.push(pick(places));
			}
		}

		for (let count = Math.floor(random() * 3); count > 0; count--) {
			words.push(pick(places));
		}

		const line = words.map(word => (/[\s"'~]/.test(word) ? `"${word}"` : word)).join(' ');
		const report = await session.run(line);
		kinds[report.result.kind] = (kinds[report.result.kind] ?? 0) + 1;
		// Checked after every line, so a failure names the line that did it.
		t.deepEqual(await snapshot(), before, `seed ${seed}, line ${index}: ${line}`);
	}

	t.log(`seed ${seed}:`, kinds);
	t.deepEqual(await snapshot(), before);
	t.true((kinds['git'] ?? 0) > 30, JSON.stringify(kinds));
	t.true((kinds['refused'] ?? 0) > 100, JSON.stringify(kinds));
});
