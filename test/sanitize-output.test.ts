// Output that cannot steer the terminal: git's output, file contents, file names and box labels
// are shown as text; only colours pass, and only when colour is on. Temp paths are masked in every
// form git prints them.
import {mkdtemp, rm, writeFile} from 'node:fs/promises';
import {tmpdir} from 'node:os';
import path from 'node:path';
import test from 'ava';
import {runGit} from '../source/git/git-runner.ts';
import {maskSandboxPaths, pathReplacements} from '../source/sandbox/mask-paths.ts';
import {createSandbox, removeSandbox} from '../source/sandbox/sandbox.ts';
import {sanitizeName, sanitizeOutput} from '../source/sandbox/sanitize-output.ts';
import {diagramOf} from '../source/tutor/diagram-model.ts';
import {LessonSession} from '../source/tutor/lesson-session.ts';
import {reportLines} from '../source/tutor/report-lines.ts';
import {sessionOptions, shippedLessons} from './helpers/lessons.ts';

const esc = '\u001B';
const bel = '\u0007';
const title = `${esc}]0;pwned${bel}`;
const titleSt = `${esc}]2;pwned${esc}\\`;
const clipboard = `${esc}]52;c;cm0gLXJmIH4K${bel}`;
const cursorUp = `${esc}[2A${esc}[2K`;
const fakeLine = `${cursorUp}✓ Lesson complete`;

/** Any escape or control character a terminal would act on (SGR excepted when allowed). */
function steers(text: string, allowSgr: boolean): boolean {
	const withoutSgr = allowSgr ? text.replaceAll(/\u001B\[[\d;]*m/g, '') : text;
	return /[\u0000-\u0008\u000B-\u001F\u007F-\u009F]/.test(withoutSgr);
}

test('title, clipboard, cursor movement and erase sequences become visible text', t => {
	for (const hostile of [title, titleSt, clipboard, fakeLine, `${esc}P1$r${esc}\\`, '\u009B2J', 'a\bb', `${esc}[?1049h`]) {
		const shown = sanitizeOutput(`before ${hostile} after`, {color: true});
		t.false(steers(shown, true), JSON.stringify(shown));
		t.true(shown.startsWith('before ') && shown.endsWith(' after'), shown);
	}

	t.is(sanitizeOutput(title, {color: true}), '^[]0;pwned^G');
	t.is(sanitizeOutput(fakeLine, {color: false}), '^[[2A^[[2K✓ Lesson complete');
	t.is(sanitizeOutput('\u009B2J', {color: false}), '<9B>2J');
});

test('colours stay when colour is on, go when it is off, and never tint the next line', t => {
	const coloured = `${esc}[33mcommit abc${esc}[m\nplain`;
	t.is(sanitizeOutput(coloured, {color: true}), `${esc}[33mcommit abc${esc}[m${esc}[0m\nplain`);
	t.is(sanitizeOutput(coloured, {color: false}), 'commit abc\nplain');
	t.is(sanitizeOutput(`${esc}[1;31mleft on`, {color: true}), `${esc}[1;31mleft on${esc}[0m`);
});

test('newlines and tabs stay; a carriage return cannot draw over a line', t => {
	t.is(sanitizeOutput('a\tb\nc', {color: false}), 'a\tb\nc');
	t.is(sanitizeOutput('Counting objects:  50% (1/2)\rCounting objects: 100% (2/2), done.\n', {color: false}), 'Counting objects: 100% (2/2), done.\n');
	t.is(sanitizeOutput('windows line\r\n', {color: false}), 'windows line\n');
	t.is(sanitizeOutput('fake\r', {color: false}), 'fake');
});

test('a name or label is one line with every control visible, colours included', t => {
	t.is(sanitizeName(`red${esc}[31m\tx\ny`), 'red^[[31m^Ix^Jy');
	t.is(sanitizeName('notes.txt'), 'notes.txt');
});

test('a commit label and a file name made with real git cannot steer the terminal, in the transcript or the diagram', async t => {
	const lessons = shippedLessons();
	const lesson = lessons.find(candidate => candidate.id === 'add')!;
	for (const color of [true, false]) {
		const session = await LessonSession.start(lesson, {...sessionOptions(lessons), color});
		t.teardown(async () => session.dispose());
		const name = `evil${title}${clipboard}.txt`;
		await writeFile(path.join(session.sandbox.repo, name), '');
		await writeFile(path.join(session.sandbox.repo, 'plain.txt'), `content ${fakeLine}\n`);
		const listed = reportLines(await session.run('ls'), session.lesson, 'lesson', color);
		t.true(listed.some(line => line.text.includes('evil^[]0;pwned^G')), JSON.stringify(listed));
		t.true(diagramOf(session.state).desk.some(entry => entry.includes('evil^[]0;pwned^G^[]52;c;cm0gLXJmIH4K^G.txt (new)')));
		const shown = reportLines(await session.run('cat plain.txt'), session.lesson, 'lesson', color);
		t.true(shown.some(line => line.text === 'content ^[[2A^[[2K✓ Lesson complete'), JSON.stringify(shown));

		const commit = await runGit(['commit', '-q', '--allow-empty', '-m', `Fake ${fakeLine} ${title}`], {cwd: session.sandbox.repo, env: session.sandbox.env});
		t.is(commit.exitCode, 0, commit.output);
		const log = reportLines(await session.run('git log -1'), session.lesson, 'lesson', color);
		const lines = [...log, ...reportLines(await session.run('git log --oneline -1'), session.lesson, 'lesson', color), ...listed, ...shown];
		for (const line of lines) {
			t.false(steers(line.text, color), JSON.stringify(line.text));
		}

		t.true(log.some(line => line.text.includes('Fake ^[[2A^[[2K✓ Lesson complete ^[]0;pwned^G')), JSON.stringify(log));
		const label = diagramOf(session.state).waiting[0]!.subject;
		t.is(label, 'Fake ^[[2A^[[2K✓ Lesson complete ^[]0;pwned^G');
		const anyColour = log.some(line => line.text.includes(`${esc}[`));
		t.is(anyColour, color, 'git\'s own colours are kept exactly when colour is on');
	}
});

test('temp paths are masked when git C-quotes them: octal letters, quotes and backslashes', async t => {
	const parent = await mkdtemp(path.join(tmpdir(), 'gpt-é "q" b\\s-'));
	t.teardown(async () => rm(parent, {recursive: true, force: true}));
	const sandbox = await createSandbox({parent, branch: 'main', color: false});
	t.teardown(async () => removeSandbox(sandbox.root));
	await writeFile(path.join(sandbox.repo, 'a.txt'), 'a\n');
	await writeFile(path.join(sandbox.repo, 'b.txt'), 'b\n');
	const replacements = pathReplacements(sandbox);
	for (const quotePath of ['true', 'false']) {
		const diff = await runGit(['-c', `core.quotePath=${quotePath}`, 'diff', '--no-index', path.join(sandbox.repo, 'a.txt'), path.join(sandbox.repo, 'b.txt')], {cwd: sandbox.repo, env: sandbox.env});
		t.true(diff.output.includes(quotePath === 'true' ? String.raw`gpt-\303\251 \"q\" b\\s-` : String.raw`gpt-é \"q\" b\\s-`), diff.output);
		const masked = maskSandboxPaths(diff.output, replacements);
		t.false(masked.includes('gpt-'), masked);
		t.true(masked.includes('~/shipment/a.txt'), masked);
	}

	const plain = await runGit(['add', path.join(parent, 'outside.txt')], {cwd: sandbox.repo, env: sandbox.env});
	t.true(plain.output.includes('gpt-é "q" b\\s-'), plain.output);
	t.false(maskSandboxPaths(plain.output, replacements).includes(sandbox.root), maskSandboxPaths(plain.output, replacements));
});

test('git\'s erase-to-end-of-line after a carriage return (rebase progress) leaves no visible trace', t => {
	t.is(sanitizeOutput('Rebasing (1/1)\r\u001B[KSuccessfully rebased and updated refs/heads/main.\n', {color: false}), 'Successfully rebased and updated refs/heads/main.\n');
	// Any other cursor or erase sequence stays visible.
	t.is(sanitizeOutput('a\u001B[2Jb', {color: false}), 'a^[[2Jb');
});
