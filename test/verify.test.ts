// git-push-tutor verify: small broken packs written to temp folders, each failure named with its
// file, step, command and what was seen; the example pack and the built-in lessons hold under
// the same player. The exit codes are checked on the built CLI (npm test builds dist/cli.js).
import {execFile} from 'node:child_process';
import {existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import path from 'node:path';
import {fileURLToPath} from 'node:url';
import test from 'ava';
import {verifyPack, playEach, type PackReport} from '../source/verify/verify-pack.ts';
import {reportText} from '../source/verify/verify-command.ts';
import type {LessonResult} from '../source/verify/play-lesson.ts';
import {gitVersion} from './helpers/git-version.ts';
import {validateLesson} from '../source/lessons/validate-lesson.ts';
import {LessonSession, remembered} from '../source/tutor/lesson-session.ts';
import {shippedLessons} from './helpers/lessons.ts';

const root = fileURLToPath(new URL('..', import.meta.url));
const cliPath = path.join(root, 'dist', 'cli.js');
const examplePack = path.join(root, 'assets', 'example-pack');

type StepData = Record<string, unknown>;

/** A lesson with two files on the desk; each pack below changes one thing of it. */
function lessonWith(steps: StepData[], extra: Record<string, unknown> = {}): Record<string, unknown> {
	return {
		id: 'pack-notes',
		number: 1,
		title: 'Pack the notes',
		command: 'add',
		intro: 'Two files lie on your desk.',
		setup: [
			{do: 'write', path: 'notes.txt', text: 'Shipment notes\n'},
			{do: 'write', path: 'todo.txt', text: 'Call Sam\n'},
		],
		steps,
		summary: ['git add puts a file in the box.'],
		...extra,
	};
}

const stageNotes = (extra: StepData = {}): StepData => ({
	id: 'stage',
	title: 'Put the notes in the box',
	text: 'git add notes.txt',
	passWhen: [{check: 'staged', path: 'notes.txt'}],
	hints: ['Type: git add notes.txt'],
	solution: ['git add notes.txt'],
	wrongMoves: [['git add todo.txt'], ['git status']],
	...extra,
});

const sealNotes = (extra: StepData = {}): StepData => ({
	id: 'seal',
	title: 'Seal the box',
	text: 'git commit -m "Add notes"',
	passWhen: [{check: 'commits', atLeast: 1}],
	hints: ['Type: git commit -m "Add notes"'],
	solution: ['git commit -m "Add notes"'],
	wrongMoves: [['git commit']],
	...extra,
});

const temporary: string[] = [];
test.after.always(() => {
	for (const folder of temporary) {
		rmSync(folder, {recursive: true, force: true});
	}
});

/** Writes the lessons (file name to content) into a new pack folder named `name`. */
function writePack(name: string, files: Record<string, unknown>): string {
	const parent = mkdtempSync(path.join(tmpdir(), 'verify-test-'));
	temporary.push(parent);
	const folder = path.join(parent, name);
	mkdirSync(folder);
	for (const [file, content] of Object.entries(files)) {
		writeFileSync(path.join(folder, file), typeof content === 'string' ? content : JSON.stringify(content, undefined, '\t'));
	}

	return folder;
}

const verify = async (folder: string, branch = 'main') => verifyPack(folder, {branch, gitVersion});

function runCli(args: string[]): Promise<{code: number; stdout: string; stderr: string}> {
	return new Promise(resolve => {
		execFile(process.execPath, [cliPath, ...args], {encoding: 'utf8', env: {...process.env, NO_COLOR: '1'}}, (error, stdout, stderr) => {
			resolve({code: error ? Number(error.code ?? 1) : 0, stdout, stderr});
		});
	});
}

const findingsOf = (report: PackReport) => report.lessons.flatMap(lesson => lesson.findings);

test('a sound pack holds: exit 0, its alternatives counted and played, pack.json not read as a lesson', async t => {
	const folder = writePack('sound', {
		'pack.json': {name: 'Sound'},
		'01-notes.json': lessonWith([stageNotes({alternatives: [['git add .'], ['git add -A']]}), sealNotes()]),
	});
	const report = await verify(folder);
	t.deepEqual(report.problems, []);
	t.deepEqual(findingsOf(report), []);
	t.is(report.exitCode, 0);
	t.like(report.lessons[0], {file: 'sound/01-notes.json', id: 'pack-notes', steps: 2, wrongMoves: 3, alternatives: 2});
	t.is(reportText(report)[0], '✓ 1 pack-notes: 2 steps, 3 wrong moves, 2 alternatives');
});

test('a solution that does not solve its step: the file, the step, the command and the check that failed with the state read', async t => {
	const folder = writePack('unsolved', {'01-notes.json': lessonWith([stageNotes({solution: ['git add todo.txt'], wrongMoves: []}), sealNotes()])});
	const report = await verify(folder);
	t.is(report.exitCode, 1);
	const [finding, ...rest] = findingsOf(report);
	t.is(rest.length, 0, 'the steps after it are not played');
	t.like(finding, {kind: 'solution', file: 'unsolved/01-notes.json', step: 'step 1 (stage)', command: 'git add todo.txt'});
	t.regex(finding!.seen, /\{"check": "staged", "path": "notes\.txt"\} does not hold/);
	t.regex(finding!.seen, /staged: todo\.txt; unstaged: none; untracked: notes\.txt/);
	t.regex(finding!.seen, /on branch main/);
	t.true(report.lessons[0]!.notes.some(note => note.includes('step after it could not be checked')));
	const text = reportText(report).join('\n');
	t.regex(text, /^✗ 1 pack-notes: 2 steps, 0 wrong moves, 0 alternatives \(1 failure\)/);
	t.regex(text, /unsolved\/01-notes\.json, step 1 \(stage\): expected the solution passes the step\n {2}command: git add todo\.txt\n {2}seen: /);
});

test('a wrong move that passes: named with the line that passed the step', async t => {
	const folder = writePack('lenient', {'01-notes.json': lessonWith([stageNotes({wrongMoves: [['git status'], ['git add .']]}), sealNotes()])});
	const report = await verify(folder);
	t.is(report.exitCode, 1);
	t.deepEqual(findingsOf(report).map(finding => [finding.kind, finding.step, finding.command]), [['wrong-move', 'step 1 (stage)', 'git add .']]);
	t.regex(findingsOf(report)[0]!.seen, /the step passed \(the tutor moved on to step 2 \(seal\)\); .*staged: notes\.txt, todo\.txt/);
});

test('a step that passes before anything is typed, and one that rides along with the step before', async t => {
	const folder = writePack('already', {
		'01-notes.json': lessonWith([stageNotes(), sealNotes()], {setup: [{do: 'write', path: 'notes.txt', text: 'x\n'}, {do: 'type', line: 'git add notes.txt'}, {do: 'write', path: 'todo.txt', text: 'y\n'}]}),
		// Step 2 holds as soon as step 1's solution ran: a learner on this path never sees it.
		'02-chain.json': lessonWith([stageNotes(), stageNotes({id: 'stage-again', wrongMoves: []})], {id: 'chain', number: 2}),
	});
	const report = await verify(folder);
	t.is(report.exitCode, 1);
	const [first, second] = report.lessons;
	t.like(first!.findings[0], {kind: 'passes-before', file: 'already/01-notes.json', step: 'step 1 (stage)', command: undefined});
	t.regex(first!.findings[0]!.seen, /every check already holds where the step begins; .*staged: notes\.txt/);
	t.like(second!.findings[0], {kind: 'passes-before', file: 'already/02-chain.json', step: 'step 2 (stage-again)', command: 'git add notes.txt'});
	t.regex(second!.findings[0]!.seen, /step 2 \(stage-again\) passed together with step 1 \(stage\)/);
	t.regex(reportText(report).join('\n'), /already\/01-notes\.json, step 1 \(stage\): expected the step does not pass before anything is typed in it\n {2}command: \(nothing typed yet\)/);
});

test('an alternative that does not pass is a failure; a move for a newer git is skipped with a note', async t => {
	const folder = writePack('alternative', {'01-notes.json': lessonWith([stageNotes({alternatives: [['git add todo.txt']], wrongMoves: [['# needs git 99.0: a git from the future', 'git add .']]}), sealNotes()])});
	const report = await verify(folder);
	t.is(report.exitCode, 1);
	t.deepEqual(findingsOf(report).map(finding => [finding.kind, finding.command]), [['alternative', 'git add todo.txt']]);
	t.regex(findingsOf(report)[0]!.seen, /"staged", "path": "notes\.txt"\} does not hold/);
	t.like(report.lessons[0], {wrongMoves: 1, alternatives: 1}, 'the skipped move is not counted');
	t.regex(report.lessons[0]!.notes.join('\n'), /step 1 \(stage\): wrong move "# needs git 99\.0: a git from the future ; git add \." skipped: it needs git 99\.0/);
});

test('a lesson written for a newer git is not played on an older one, and says so', async t => {
	const folder = writePack('newer', {'01-notes.json': lessonWith([stageNotes(), sealNotes()], {requires: {git: '99.0'}})});
	const report = await verify(folder);
	t.is(report.exitCode, 0);
	t.regex(report.lessons[0]!.skipped ?? '', /written for git 99\.0 or newer, and this is git \d/);
	t.regex(reportText(report).join('\n'), /– 1 pack-notes: not played: it is written for git 99\.0 or newer/);
});

test('a setup line that fails is a failure of the lesson, named with its place', async t => {
	const folder = writePack('setup', {'01-notes.json': lessonWith([stageNotes(), sealNotes()], {setup: [{do: 'type', line: 'git push origin main'}]})});
	const report = await verify(folder);
	t.is(report.exitCode, 1);
	t.like(findingsOf(report)[0], {kind: 'setup', file: 'setup/01-notes.json', step: undefined});
	t.regex(findingsOf(report)[0]!.seen, /setup\[0\]: "git push origin main" failed/);
});

test('a misspelt check: the pack cannot be read (2), with file, step, field and a did-you-mean; the other lessons still play', async t => {
	const folder = writePack('misspelt', {
		'01-notes.json': lessonWith([stageNotes({passWhen: [{check: 'stagd', path: 'notes.txt'}]}), sealNotes()]),
		'02-fine.json': lessonWith([stageNotes(), sealNotes()], {id: 'fine', number: 2}),
	});
	const report = await verify(folder);
	t.is(report.exitCode, 2);
	t.is(report.problems.length, 1);
	t.regex(report.problems[0]!, /misspelt\/01-notes\.json/);
	t.regex(report.problems[0]!, /step 1 \(stage\) > passWhen\[0\]: unknown check "stagd" \(did you mean "staged"\?\)/);
	t.deepEqual(report.lessons.map(lesson => [lesson.id, lesson.findings.length]), [['fine', 0]]);
});

test('a checkpoint puts back the sandbox, at the same path, and what the session remembered', async t => {
	const lesson = validateLesson(lessonWith([stageNotes(), sealNotes()]), 'checkpoint/01-notes.json');
	const session = await LessonSession.start(lesson, {lessons: [lesson], branch: 'main', color: false, gitVersion});
	try {
		const before = session.state;
		const checkpoint = await session.checkpoint();
		await session.run('git add notes.txt');
		await session.run('git commit -m "Add notes"');
		await session.run('git remote add origin https://github.com/learner/shipment.git');
		t.is(session.step, 2);
		await session.restore(checkpoint);
		t.is(session.step, 0);
		t.deepEqual(session.state, before);
		// Read again from disk: git finds the repository as it was.
		await session.run('git status');
		t.deepEqual(session.state, before);
		t.deepEqual([session.state.commits.length, session.state.remotes.length, session.state.untracked], [0, 0, ['notes.txt', 'todo.txt']]);
		await session.discard(checkpoint);
		t.false(existsSync(checkpoint.copy));
		// A field added to LessonSession later must be saved too, or a restore would leave it changed.
		const fixed = new Set(['lesson', 'sandbox', 'options', 'replacements']);
		t.deepEqual(Object.keys(session).filter(key => !fixed.has(key)).sort(), [...remembered].sort());
	} finally {
		await session.dispose();
	}
});

test('the CLI: exit 0, 1 and 2, the failure named in its output, --json the same as data', async t => {
	const sound = writePack('sound', {'01-notes.json': lessonWith([stageNotes(), sealNotes()])});
	const lenient = writePack('lenient', {'01-notes.json': lessonWith([stageNotes({wrongMoves: [['git add .']]}), sealNotes()])});
	const misspelt = writePack('misspelt', {'01-notes.json': lessonWith([stageNotes({passWhen: [{check: 'stagd', path: 'notes.txt'}]})])});
	const empty = writePack('empty', {'pack.json': {name: 'Nothing yet'}});
	const [ok, fails, broken, missing, none, json] = await Promise.all([
		runCli(['verify', sound]),
		runCli(['verify', lenient]),
		runCli(['verify', misspelt]),
		runCli(['verify', path.join(sound, 'no-such-folder')]),
		runCli(['verify', empty]),
		runCli(['verify', lenient, '--json', '--branch', 'master']),
	]);
	t.is(ok.code, 0, ok.stdout + ok.stderr);
	t.regex(ok.stdout, /^✓ 1 pack-notes: 2 steps, 3 wrong moves, 0 alternatives\n/);
	t.is(fails.code, 1, fails.stdout + fails.stderr);
	t.regex(fails.stdout, /lenient\/01-notes\.json, step 1 \(stage\): expected the wrong move does not pass the step\n {2}command: git add \.\n {2}seen: the step passed/);
	t.is(broken.code, 2);
	t.regex(broken.stderr, /misspelt\/01-notes\.json[\s\S]*step 1 \(stage\) > passWhen\[0\]: unknown check "stagd" \(did you mean "staged"\?\)/);
	t.is(missing.code, 2);
	t.regex(missing.stderr, /There is no folder .*no-such-folder/);
	t.is(none.code, 2);
	t.regex(none.stderr, /no lesson files/);
	t.is(json.code, 1);
	const data = JSON.parse(json.stdout) as PackReport;
	t.like(data, {directory: lenient, branch: 'master', git: gitVersion, exitCode: 1, problems: []});
	t.like(data.lessons[0], {file: 'lenient/01-notes.json', id: 'pack-notes', number: 1, steps: 2, wrongMoves: 2, alternatives: 0});
	t.like(data.lessons[0]!.findings[0], {kind: 'wrong-move', step: 'step 1 (stage)', move: ['git add .'], command: 'git add .', expected: 'the wrong move does not pass the step'});
	t.is(typeof data.seconds, 'number');
});

test('the CLI: verify\'s own arguments', async t => {
	const [noFolder, typo] = await Promise.all([runCli(['verify']), runCli(['verify', 'pack', '--jsn'])]);
	t.is(noFolder.code, 2);
	t.regex(noFolder.stderr, /verify needs the folder/);
	t.is(typo.code, 2);
	t.regex(typo.stderr, /Unknown option --jsn for verify\. Did you mean --json\?/);
});

// On master too, through the installed command, from a copy of the folder: test/packed-install.test.ts.
test('the example pack holds on main, through the CLI', async t => {
	const main = await runCli(['verify', examplePack]);
	t.is(main.code, 0, main.stdout + main.stderr);
	t.regex(main.stdout, /^✓ 1 feature-branch: 3 steps, \d+ wrong moves, 0 alternatives$/m);
	t.regex(main.stdout, /All 3 lessons hold/);
});

// The built-in pack under the same player that verify uses, a lesson at a time, on both branches
// the course is played with.
const builtIn = shippedLessons();
for (const branch of ['main', 'master']) {
	// Started by the first of these tests, a few lessons at a time; each test waits for its own.
	let played: Array<Promise<LessonResult>> | undefined;
	for (const [index, lesson] of builtIn.entries()) {
		test(`built-in ${lesson.number} ${lesson.id} holds under the verify player (${branch})`, async t => {
			played ??= playEach(builtIn, {branch, gitVersion});
			const result = await played[index]!;
			t.deepEqual(result.findings, []);
			t.true(result.steps > 0 && result.wrongMoves > 0);
		});
	}
}
