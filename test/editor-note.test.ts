// The editor note against real git: each command runs in a pseudo-terminal with a recording
// editor (as on the learner's own computer, where GIT_MERGE_AUTOEDIT is unset and stdin is a
// terminal), and the note must appear exactly when that editor opened, on whatever git is on PATH.
import {existsSync} from 'node:fs';
import {chmod, readFile, writeFile} from 'node:fs/promises';
import path from 'node:path';
import test from 'ava';
import {spawn} from '@lydell/node-pty';
import {readGitArguments} from '../source/git/git-arguments.ts';
import {runGit} from '../source/git/git-runner.ts';
import {readRepoState, type RepoState} from '../source/git/repo-state.ts';
import {editorFailure, editorNote, readEditorContext} from '../source/explain/editor-note.ts';
import {explanations, fillExplanation} from '../source/explain/explanations.ts';
import {parseCommandLine} from '../source/shell/parse-command-line.ts';
import {runLine} from '../source/shell/run-line.ts';
import {createSandbox, removeSandbox, type Sandbox} from '../source/sandbox/sandbox.ts';
import {reportLines} from '../source/tutor/report-lines.ts';
import {gitOlderThan} from './helpers/git-version.ts';
import {sessionAtStep, sessionOptions, shippedLessons} from './helpers/lessons.ts';

const url = 'https://github.com/learner/shipment.git';

type Typed = {exitCode: number; editorOpened: boolean; note: string | undefined; failure: string | undefined};

class Desk {
	private readonly log: string;
	private readonly editor: string;

	constructor(readonly sandbox: Sandbox) {
		this.log = path.join(sandbox.root, 'editor.log');
		this.editor = path.join(sandbox.root, 'recording-editor');
	}

	async state(): Promise<RepoState> {
		return readRepoState({repo: this.sandbox.repo, online: this.sandbox.online, env: this.sandbox.env});
	}

	/** Lines that build the situation; each must work, or a negative case would pass for nothing. */
	async ok(...lines: string[]): Promise<void> {
		for (const line of lines) {
			const result = await runLine(line, {repo: this.sandbox.repo, env: this.sandbox.env});
			const exitCode = result.kind === 'git' ? result.result.exitCode : result.kind === 'helper' ? result.exitCode : -1;
			if (exitCode !== 0) {
				throw new Error(`"${line}" failed: ${JSON.stringify(result)}`);
			}
		}
	}

	/** Lines expected to fail (a conflict the test resolves next). */
	async fails(line: string): Promise<void> {
		const result = await runLine(line, {repo: this.sandbox.repo, env: this.sandbox.env});
		if (result.kind !== 'git' || result.result.exitCode === 0) {
			throw new Error(`"${line}" was expected to fail: ${JSON.stringify(result)}`);
		}
	}

	async sam(...lines: string[]): Promise<void> {
		const {sandbox} = this;
		if (!existsSync(sandbox.sam)) {
			const clone = await runGit(['clone', '--quiet', url, sandbox.sam], {cwd: sandbox.root, env: sandbox.samEnv});
			if (clone.exitCode !== 0) {
				throw new Error(`Sam's clone failed: ${clone.output}`);
			}
		}

		for (const line of lines) {
			const result = await runLine(line, {repo: sandbox.sam, env: sandbox.samEnv});
			const exitCode = result.kind === 'git' ? result.result.exitCode : result.kind === 'helper' ? result.exitCode : -1;
			if (exitCode !== 0) {
				throw new Error(`Sam's "${line}" failed: ${JSON.stringify(result)}`);
			}
		}
	}

	/** Runs a git line on a terminal whose editor only records that it opened; judges it as the tutor does. */
	async type(line: string): Promise<Typed> {
		const parsed = parseCommandLine(line);
		if (!parsed.ok || parsed.words[0] !== 'git') {
			throw new Error(`"${line}" is not a git line`);
		}

		await writeFile(this.editor, `#!/bin/sh\necho "$1" >> '${this.log}'\n`);
		await chmod(this.editor, 0o755);
		await writeFile(this.log, '');
		const args = readGitArguments(parsed.words.slice(1));
		const before = await this.state();
		const context = readEditorContext(this.sandbox.repo);
		const env: Record<string, string> = {...this.sandbox.env, GIT_EDITOR: this.editor};
		// Unset, git asks the terminal whether to edit a merge's label, as on the learner's computer.
		delete env['GIT_MERGE_AUTOEDIT'];
		const exitCode = await new Promise<number>(resolve => {
			const pty = spawn('git', parsed.words.slice(1), {cwd: this.sandbox.repo, env, cols: 100, rows: 30});
			pty.onExit(({exitCode}) => {
				resolve(exitCode);
			});
		});
		const after = await this.state();
		const failure = editorFailure(args, exitCode, before, after);
		return {
			exitCode,
			editorOpened: (await readFile(this.log, 'utf8')).trim() !== '',
			note: editorNote(args, before, after, context),
			failure: failure && fillExplanation(explanations[failure.id], failure.details).wayOut,
		};
	}
}

async function withDesk(body: (desk: Desk) => Promise<void>): Promise<void> {
	const sandbox = await createSandbox({branch: 'main', color: false});
	try {
		await body(new Desk(sandbox));
	} finally {
		await removeSandbox(sandbox.root);
	}
}

const firstBox = ['echo "Shipment notes" > notes.txt', 'git add notes.txt', 'git commit -m "First box"'];
const shipped = [...firstBox, `git remote add origin ${url}`, 'git push -u origin main'];
const samShipsApart = ['echo "from Sam" > sam.txt', 'git add sam.txt', 'git commit -m "From Sam"', 'git push --quiet'];
const learnerBox = ['echo "- tape" >> notes.txt', 'git commit -am "Tape"'];
/** main and a branch side that both changed the first line of notes.txt. */
const clashingBranches = [...firstBox, 'git branch side', 'echo "main line" > notes.txt', 'git commit -am "Main line"', 'git checkout -q side', 'echo "side line" > notes.txt', 'git commit -am "Side line"', 'git checkout -q main'];
const resolve = ['echo "both lines" > notes.txt', 'git add notes.txt'];

test('a pull that makes a merge box gets the note, naming --no-edit; the editor really opens on a terminal', async t => {
	await withDesk(async desk => {
		await desk.ok(...shipped);
		await desk.sam(...samShipsApart);
		await desk.ok(...learnerBox);
		const pull = await desk.type('git pull --no-rebase');
		t.is(pull.exitCode, 0);
		t.true(pull.editorOpened);
		t.regex(pull.note ?? '', /text editor \(often Vim\) for the label of the merge box/);
		t.regex(pull.note ?? '', /git pull --no-rebase --no-edit/);
		t.regex(pull.note ?? '', /in Vim press Esc, type :wq and press Enter; in nano press Ctrl\+O, Enter, then Ctrl\+X/);
		t.regex(pull.note ?? '', /git config --global core\.editor "nano" \(or "code --wait" for VS Code\)/);
	});
});

test('a fast-forward pull, and a pull with --no-edit, get no note and open no editor', async t => {
	await withDesk(async desk => {
		await desk.ok(...shipped);
		await desk.sam(...samShipsApart);
		const fastForward = await desk.type('git pull --no-rebase');
		t.is(fastForward.exitCode, 0);
		t.false(fastForward.editorOpened);
		t.is(fastForward.note, undefined);

		await desk.sam('echo "more" >> sam.txt', 'git commit -am "More from Sam"', 'git push --quiet');
		await desk.ok(...learnerBox);
		const noEdit = await desk.type('git pull --no-rebase --no-edit');
		t.is(noEdit.exitCode, 0);
		t.false(noEdit.editorOpened);
		t.is(noEdit.note, undefined);
		t.is((await desk.state()).commits[0]?.parents.length, 2, 'it did make a merge box');
	});
});

test('git merge of a branch gets the note; -m, --no-edit, --no-commit and a fast-forward get none', async t => {
	for (const [line, expected] of [['git merge side', true], ['git merge -m "Both" side', false], ['git merge --no-edit side', false], ['git merge --no-commit side', false]] as const) {
		await withDesk(async desk => {
			await desk.ok(...firstBox, 'git checkout -q -b side', 'echo "wrap" > wrap.txt', 'git add wrap.txt', 'git commit -m "Wrap"', 'git checkout -q main', ...learnerBox);
			const merge = await desk.type(line);
			t.is(merge.exitCode, 0, line);
			t.is(merge.editorOpened, expected, line);
			t.is(merge.note !== undefined, expected, line);
			if (expected) {
				t.regex(merge.note ?? '', /git merge --no-edit BRANCH keeps git's label, git merge -m "Label" BRANCH sets yours/);
			}
		});
	}

	await withDesk(async desk => {
		await desk.ok(...firstBox, 'git checkout -q -b side', ...learnerBox, 'git checkout -q main');
		const fastForward = await desk.type('git merge side');
		t.is(fastForward.exitCode, 0);
		t.false(fastForward.editorOpened);
		t.is(fastForward.note, undefined);
	});
});

test('git revert gets the note; --no-edit gets none', async t => {
	await withDesk(async desk => {
		await desk.ok(...firstBox, ...learnerBox);
		const quiet = await desk.type('git revert --no-edit HEAD');
		t.is(quiet.exitCode, 0);
		t.false(quiet.editorOpened);
		t.is(quiet.note, undefined);

		const revert = await desk.type('git revert HEAD');
		t.is(revert.exitCode, 0);
		t.true(revert.editorOpened);
		t.regex(revert.note ?? '', /the label of the undo box[^]*git revert --no-edit COMMIT/);
	});
});

test('a merge that stops on a conflict gets no note; git merge --continue, which seals it, does', async t => {
	await withDesk(async desk => {
		await desk.ok(...clashingBranches);
		const stopped = await desk.type('git merge side');
		t.not(stopped.exitCode, 0);
		t.false(stopped.editorOpened);
		t.is(stopped.note, undefined);

		await desk.ok(...resolve);
		const sealed = await desk.type('git merge --continue');
		t.is(sealed.exitCode, 0);
		t.true(sealed.editorOpened);
		t.regex(sealed.note ?? '', /git commit --no-edit keeps git's label/);
	});
});

test('a revert that stops on a conflict gets no note; git revert --continue does', async t => {
	await withDesk(async desk => {
		await desk.ok(...firstBox, 'echo "second" > notes.txt', 'git commit -am "Second"', 'echo "third" > notes.txt', 'git commit -am "Third"');
		const stopped = await desk.type('git revert HEAD~1');
		t.not(stopped.exitCode, 0);
		t.is(stopped.note, undefined);
		t.false(stopped.editorOpened);

		await desk.ok(...resolve);
		const sealed = await desk.type('git revert --continue');
		t.is(sealed.exitCode, 0);
		t.true(sealed.editorOpened);
		t.regex(sealed.note ?? '', /the label of the box it just sealed/);
	});
});

test('a clean cherry-pick gets no note; after a conflict, git cherry-pick --continue does', async t => {
	await withDesk(async desk => {
		await desk.ok(...clashingBranches, 'git checkout -q side', 'echo "wrap" > wrap.txt', 'git add wrap.txt', 'git commit -m "Wrap"', 'git checkout -q main');
		const clean = await desk.type('git cherry-pick side');
		t.is(clean.exitCode, 0);
		t.false(clean.editorOpened);
		t.is(clean.note, undefined);

		const stopped = await desk.type('git cherry-pick side~1');
		t.not(stopped.exitCode, 0);
		t.is(stopped.note, undefined);
		await desk.ok(...resolve);
		const sealed = await desk.type('git cherry-pick --continue');
		t.is(sealed.exitCode, 0);
		t.true(sealed.editorOpened);
		t.regex(sealed.note ?? '', /git commit --no-edit/);
	});
});

// The merge backend (default from git 2.26) asks for the label; the older apply backend reuses it.
test('git rebase --continue that seals the resolved box gets the note exactly when git\'s rebase opens an editor', async t => {
	await withDesk(async desk => {
		await desk.ok(...clashingBranches, 'git checkout -q side');
		await desk.fails('git rebase main');
		await desk.ok(...resolve);
		const sealed = await desk.type('git rebase --continue');
		t.is(sealed.exitCode, 0);
		t.is(sealed.editorOpened, !gitOlderThan('2.26'));
		t.is(sealed.note !== undefined, sealed.editorOpened);
		if (sealed.note) {
			t.regex(sealed.note, /git commit --no-edit, then git rebase --continue/);
		}
	});
});

test('git tag -a without a message fails, with the note and the failure explained; with -m, or on an existing tag, neither', async t => {
	await withDesk(async desk => {
		await desk.ok(...firstBox);
		const bare = await desk.type('git tag -a v1.0');
		t.not(bare.exitCode, 0);
		t.true(bare.editorOpened);
		t.regex(bare.note ?? '', /for the tag's message[^]*no tag[^]*git tag -a NAME -m "Message"/);
		t.is(bare.failure, 'Write the message on the command line: git tag -a v1.0 -m "Describe this version"');

		const labelled = await desk.type('git tag -a v1.0 -m "First release"');
		t.is(labelled.exitCode, 0);
		t.false(labelled.editorOpened);
		t.is(labelled.note, undefined);

		// The tag exists now: git stops before asking for a message.
		const again = await desk.type('git tag -a v1.0');
		t.not(again.exitCode, 0);
		t.false(again.editorOpened);
		t.is(again.note, undefined);
		t.is(again.failure, undefined);
	});
});

test('in a lesson the note is said once: lesson 9\'s revert shows it, a second revert does not', async t => {
	const lessons = shippedLessons();
	const undo = lessons.find(lesson => lesson.id === 'undo')!;
	const session = await sessionAtStep(undo, 1, sessionOptions(lessons));
	try {
		const first = await session.run('git revert HEAD~1');
		t.is(first.result.kind === 'git' ? first.result.result.exitCode : -1, 0);
		const shown = reportLines(first, session.lesson).filter(line => line.tone === 'note').map(line => line.text);
		t.true(shown[0]?.startsWith('✎ On your own computer, git would open a text editor'), shown.join('\n'));
		t.true(shown.some(text => text.includes(':wq')));

		const second = await session.run('git revert HEAD');
		t.is(second.result.kind === 'git' ? second.result.result.exitCode : -1, 0);
		t.is(second.note, undefined);
		t.false(reportLines(second, session.lesson).some(line => line.text.includes('text editor')));
	} finally {
		await session.dispose();
	}
});
