// What happens to each kind of line a learner types: tutor words, git commands, and everything
// the tutor refuses, where nothing at all may run.
import {chmod, mkdir, mkdtemp, readdir, readFile, rm, writeFile} from 'node:fs/promises';
import {tmpdir} from 'node:os';
import path from 'node:path';
import process from 'node:process';
import test, {type ExecutionContext} from 'ava';
import {runLine, tutorWords, whatYouCanType, type LineResult} from '../source/shell/run-line.ts';
import {parseCommandLine} from '../source/shell/parse-command-line.ts';

type Spy = {
	repo: string;
	run: (line: string) => Promise<LineResult>;
	/** Every git started, one line of arguments each. */
	gitCalls: () => Promise<string[]>;
	/** Files in the repository folder. */
	files: () => Promise<string[]>;
};

/** A repository folder and a git first on PATH that only logs, so any start of git shows. */
async function spy(t: ExecutionContext): Promise<Spy> {
	const scratch = await mkdtemp(path.join(tmpdir(), 'gpt-run-line-'));
	t.teardown(async () => rm(scratch, {recursive: true, force: true}));
	const repo = path.join(scratch, 'shipment');
	const bin = path.join(scratch, 'bin');
	const log = path.join(scratch, 'git.log');
	await mkdir(repo);
	await mkdir(bin);
	await writeFile(path.join(bin, 'git'), `#!/bin/sh\necho "$*" >> '${log}'\n`);
	await chmod(path.join(bin, 'git'), 0o755);
	const env = {PATH: `${bin}${path.delimiter}${process.env['PATH'] ?? ''}`};
	return {
		repo,
		run: async line => runLine(line, {repo, env}),
		async gitCalls() {
			try {
				return (await readFile(log, 'utf8')).split('\n').filter(Boolean);
			} catch {
				return [];
			}
		},
		files: async () => readdir(repo),
	};
}

function refusal(result: LineResult): string {
	if (result.kind !== 'refused') {
		throw new Error(`expected a refusal, got ${JSON.stringify(result)}`);
	}

	return result.message;
}

test('the spy sees an allowed git line: git runs directly, with the line rebuilt from what the tutor read', async t => {
	const {run, gitCalls} = await spy(t);
	const result = await run('git commit -am "Pack notes"');
	t.is(result.kind, 'git');
	t.deepEqual(await gitCalls(), ['commit --all --message=Pack notes']);
});

test('each tutor word on its own is a tutor word, in any case', async t => {
	const {run, gitCalls} = await spy(t);
	for (const word of tutorWords) {
		t.deepEqual(await run(word), {kind: 'tutor', word}, word);
		t.deepEqual(await run(`  ${word.toUpperCase()}  `), {kind: 'tutor', word}, word.toUpperCase());
	}

	t.deepEqual(await gitCalls(), []);
});

test('exit and q mean quit', async t => {
	const {run} = await spy(t);
	t.deepEqual(await run('exit'), {kind: 'tutor', word: 'quit'});
	t.deepEqual(await run('q'), {kind: 'tutor', word: 'quit'});
	t.deepEqual(await run('Exit'), {kind: 'tutor', word: 'quit'});
});

test('a tutor word with more words after it is not a tutor word, and says to type it alone', async t => {
	const {run, files} = await spy(t);
	for (const [line, word] of [['hint me', 'hint'], ['help push', 'help'], ['quit now', 'quit'], ['exit 0', 'exit']] as const) {
		const message = refusal(await run(line));
		t.true(message.includes(`type ${word}`), `${line}: ${message}`);
		t.false(message.includes('is not something the tutor can run'), `${line}: ${message}`);
	}

	refusal(await run('hint > notes.txt'));
	t.deepEqual(await files(), []);
});

test('a blank line or a comment is empty', async t => {
	const {run} = await spy(t);
	t.deepEqual(await run(''), {kind: 'empty'});
	t.deepEqual(await run('   '), {kind: 'empty'});
	t.deepEqual(await run('# just a note'), {kind: 'empty'});
});

test('an unknown command gets a message naming what you can type', async t => {
	const {run, gitCalls} = await spy(t);
	for (const line of ['ssh-keygen -t ed25519', 'npm install', 'python3 setup.py', 'sudo git push']) {
		const message = refusal(await run(line));
		t.true(message.includes(whatYouCanType), line);
		t.true(message.startsWith(`"${line.split(' ')[0]!}" is not something the tutor can run.`), message);
	}

	t.regex(whatYouCanType, /git commands/);
	t.regex(whatYouCanType, /echo, cat, ls, touch, rm, mv and pwd/);
	t.deepEqual(await gitCalls(), []);
});

test('a mistyped git is answered with git', async t => {
	const {run, gitCalls} = await spy(t);
	for (const typo of ['gti', 'gut', 'gi']) {
		t.is(refusal(await run(`${typo} status`)), `"${typo}" is not a command. Did you mean git?`);
	}

	t.deepEqual(await gitCalls(), []);
});

test('cd and editors get their own friendly messages', async t => {
	const {run} = await spy(t);
	t.is(refusal(await run('cd x')), 'The tutor keeps you in ~/shipment, so there is no need to change folders.');
	t.is(refusal(await run('cd ..')), 'The tutor keeps you in ~/shipment, so there is no need to change folders.');
	for (const line of ['vim notes.txt', 'nano notes.txt', 'code .', 'emacs todo.txt']) {
		const message = refusal(await run(line));
		t.regex(message, /^Editors do not open inside the tutor\./, line);
		t.regex(message, /echo ".*" >> notes\.txt/, line);
	}
});

test('interactive git, git\'s manual and outside tools are refused without starting git', async t => {
	const {run, gitCalls} = await spy(t);
	const expected: Array<[line: string, says: RegExp]> = [
		['git add -p', /^git add -p asks questions key by key/],
		['git add --patch notes.txt', /^git add --patch asks questions/],
		['git add -i', /^git add -i asks questions/],
		['git rebase -i HEAD~2', /^git rebase -i asks questions.*without -i\.$/],
		['git commit -p -m "Part"', /^git commit -p asks questions/],
		['git checkout -p', /^git checkout -p asks questions/],
		['git help push', /manual does not open inside the tutor.*git push -h.*git-scm\.com\/docs\/git-push/],
		['git push --help', /manual does not open inside the tutor.*git push -h/],
		['git --help', /manual does not open inside the tutor.*git -h/],
		['git mergetool', /^git mergetool opens another program/],
		['git gui', /^git gui opens another program/],
	];
	for (const [line, says] of expected) {
		t.regex(refusal(await run(line)), says, line);
	}

	t.deepEqual(await gitCalls(), []);
});

test('git output cannot be sent to a file, and no file is made', async t => {
	const {run, gitCalls, files} = await spy(t);
	for (const line of ['git status > out.txt', 'git log >> out.txt']) {
		t.regex(refusal(await run(line)), /cannot be sent to a file here/, line);
	}

	t.deepEqual(await files(), []);
	t.deepEqual(await gitCalls(), []);
});

test('a line the parser refuses is refused with the parser\'s own message, and runs nothing', async t => {
	const {run, gitCalls, files} = await spy(t);
	for (const line of ['git commit -m "Pack notes', 'echo \'hi > notes.txt', 'git add . && git commit -m "x"', 'git log | head', 'echo hi; rm notes.txt']) {
		const parsed = parseCommandLine(line);
		t.false(parsed.ok, line);
		t.is(refusal(await run(line)), parsed.ok ? '' : parsed.problem, line);
	}

	t.regex(refusal(await run('git commit -m "Pack notes')), /opening " with no closing "/);
	t.deepEqual(await gitCalls(), []);
	t.deepEqual(await files(), []);
});

test('a short unknown word is not taken for a typo of git, but a near miss is', async t => {
	const {run} = await spy(t);
	const foo = refusal(await run('foo'));
	t.false(foo.includes('Did you mean'), foo);
	t.true(foo.includes(whatYouCanType));
	t.regex(refusal(await run('gti status')), /Did you mean git\?/);
	t.regex(refusal(await run('hnit')), /Did you mean hint\?/);
});

test('settings passed with -c are refused, naming git config instead, and git never starts', async t => {
	const {run, gitCalls} = await spy(t);
	for (const line of ['git -c core.worktree=/ status', 'git -c alias.x=!date x', 'git --config-env=core.pager=X log']) {
		t.regex(refusal(await run(line)), /git config NAME VALUE/, line);
	}

	t.deepEqual(await gitCalls(), []);
});
