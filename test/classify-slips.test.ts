// Failures explained as what happened, produced with real git in a sandbox: commands that did
// nothing because of a typo, work a pull, merge or switch would overwrite, a rebase that needs a
// clean desk, unrelated histories, tags that exist, a detached push and a route with another name.
// Each is recognised from the command, its exit code, the state and the facts read after it, and
// look-alikes are not (a real rejected push stays a rejected push).
import test, {type ExecutionContext} from 'ava';
import {createSandbox, removeSandbox, type Sandbox} from '../source/sandbox/sandbox.ts';
import {readRepoState, type RepoState} from '../source/git/repo-state.ts';
import {classifyFailure, type Failure} from '../source/explain/classify-failure.ts';
import {readFailureFacts} from '../source/explain/failure-facts.ts';
import {runGit} from '../source/git/git-runner.ts';
import {explanations, fillExplanation} from '../source/explain/explanations.ts';
import {runLine, type LineRunner} from '../source/shell/run-line.ts';
import {gitOlderThan, gitVersion} from './helpers/git-version.ts';

const url = 'https://github.com/learner/shipment.git';

type Outcome = {exitCode: number; output: string; failure: Failure | undefined; state: RepoState; said: string};

async function mustRun(runner: LineRunner, who: string, lines: readonly string[]): Promise<void> {
	for (const line of lines) {
		const result = await runLine(line, runner);
		const exitCode = result.kind === 'git' ? result.result.exitCode : result.kind === 'helper' ? result.exitCode : -1;
		if (exitCode !== 0) {
			throw new Error(`${who}'s "${line}" failed: ${JSON.stringify(result)}`);
		}
	}
}

class World {
	constructor(readonly sandbox: Sandbox) {}

	get runner(): LineRunner {
		return {repo: this.sandbox.repo, env: this.sandbox.env};
	}

	/** Runs a git line as the learner, then classifies it as the lesson session does. */
	async git(line: string): Promise<Outcome> {
		const result = await runLine(line, this.runner);
		if (result.kind !== 'git') {
			throw new Error(`"${line}" did not run git: ${JSON.stringify(result)}`);
		}

		const state = await readRepoState({repo: this.sandbox.repo, online: this.sandbox.online, env: this.sandbox.env});
		const facts = await readFailureFacts(result.args, result.result.exitCode, state, this.sandbox);
		const failure = classifyFailure(result.args, result.result.exitCode, state, gitVersion, facts);
		const filled = failure && fillExplanation(explanations[failure.id], failure.details);
		return {exitCode: result.result.exitCode, output: result.result.output, failure, state, said: filled ? `${filled.meaning}\n${filled.wayOut}` : ''};
	}

	async ok(...lines: string[]): Promise<void> {
		await mustRun(this.runner, 'The learner', lines);
	}

	/** Sam clones the online repository (the first time) and runs his lines in his clone. */
	async sam(...lines: string[]): Promise<void> {
		const {sandbox} = this;
		const clone = await runGit(['clone', '--quiet', url, sandbox.sam], {cwd: sandbox.root, env: sandbox.samEnv});
		if (clone.exitCode !== 0 && !clone.output.includes('already exists')) {
			throw new Error(`Sam's clone failed: ${clone.output}`);
		}

		await mustRun({repo: sandbox.sam, env: sandbox.samEnv}, 'Sam', lines);
	}
}

async function withWorld(body: (world: World) => Promise<void>): Promise<void> {
	const sandbox = await createSandbox({branch: 'main', color: false});
	try {
		await body(new World(sandbox));
	} finally {
		await removeSandbox(sandbox.root);
	}
}

const shipped = ['echo "Shipment notes" > notes.txt', 'git add notes.txt', 'git commit -m "First box"', `git remote add origin ${url}`, 'git push -u origin main'];

/** The explanation names no placeholder left unfilled and says what is expected. */
function says(t: ExecutionContext, outcome: Outcome, ...parts: Array<string | RegExp>): void {
	t.notRegex(outcome.said, /{\w+}/);
	for (const part of parts) {
		if (typeof part === 'string') {
			t.true(outcome.said.includes(part), `"${part}" not in: ${outcome.said}`);
		} else {
			t.regex(outcome.said, part);
		}
	}
}

// Commands that did nothing.

test('git push --froce is an unknown option with did-you-mean --force, not a rejected push; a real rejection stays one', async t => {
	await withWorld(async world => {
		await world.ok(...shipped);
		await world.sam('echo "from Sam" > sam.txt', 'git add sam.txt', 'git commit -m "From Sam"', 'git push --quiet');
		await world.ok('echo "- tape" >> notes.txt', 'git commit -am "Tape"');
		const typo = await world.git('git push --froce');
		t.is(typo.exitCode, 129);
		t.is(typo.failure?.id, 'unknown-option');
		t.is(typo.failure?.details['option'], '--froce');
		says(t, typo, 'git push has no option --froce', 'Did you mean --force? Type: git push --force');
		const real = await world.git('git push');
		t.is(real.exitCode, 1);
		t.is(real.failure?.id, 'fetch-first');
	});
});

test('an unknown option of a sub-command and an option with no likely meaning', async t => {
	await withWorld(async world => {
		await world.ok(...shipped);
		const far = await world.git('git push --zzzzzzzz');
		t.is(far.exitCode, 129);
		t.is(far.failure?.id, 'unknown-option');
		t.is(far.failure?.details['suggestion'], undefined);
		says(t, far, 'See the options it takes: git push -h');
		const sub = await world.git(`git remote add --fecth github ${url}`);
		t.is(sub.exitCode, 129);
		if (sub.failure?.id === 'unknown-option') {
			// Newer git lists the sub-command's own options: --fetch.
			t.is(sub.failure.details['option'], '--fecth');
		} else {
			t.is(sub.failure?.id, 'usage-error');
		}
	});
});

test('a usage slip (exit 129) with no unknown option is a usage error; -h is no failure; an abbreviation git accepts is not unknown', async t => {
	await withWorld(async world => {
		await world.ok(...shipped);
		const missing = await world.git('git remote add github');
		t.is(missing.exitCode, 129);
		t.is(missing.failure?.id, 'usage-error');
		says(t, missing, 'could not make sense', /See what it takes: git remote (add )?-h/);
		const help = await world.git('git push -h');
		t.is(help.exitCode, 129);
		t.is(help.failure, undefined);
		const shortTypo = await world.git('git commit -x -m "Label"');
		t.is(shortTypo.exitCode, 129);
		t.is(shortTypo.failure?.id, 'usage-error');
		// --dry is a start of --dry-run that git accepts; --forc is one too, which older git finds ambiguous.
		const abbreviated = await world.git('git push --dry');
		t.is(abbreviated.exitCode, 0);
		t.is(abbreviated.failure, undefined);
		const ambiguous = await world.git('git push --forc');
		t.not(ambiguous.failure?.id, 'unknown-option');
	});
});

test('git comit is not a git command, with did-you-mean commit, said by the tutor without starting git; git commit is', async t => {
	await withWorld(async world => {
		await world.ok(...shipped);
		// Git would look for a program called git-comit on the PATH, so the tutor answers itself.
		const typo = await runLine('git comit -m "Label"', world.runner);
		t.deepEqual(typo, {kind: 'refused', message: '"comit" is not a git command, so nothing happened.\nDid you mean git commit? Type: git commit -m Label'});
		const far = await runLine('git zzzzzz', world.runner);
		t.regex(far.kind === 'refused' ? far.message : '', /"zzzzzz" is not a git command[^]*git status/);
		// A real command that fails is not called unknown.
		const empty = await world.git('git commit -m "Empty"');
		t.is(empty.failure?.id, 'nothing-to-seal');
	});
});

test('git add nots.txt: no such file, did you mean notes.txt; git did nothing, even with a good file beside it', async t => {
	await withWorld(async world => {
		await world.ok('echo "Shipment notes" > notes.txt', 'echo "To do" > todo.txt');
		const typo = await world.git('git add nots.txt');
		t.not(typo.exitCode, 0);
		t.is(typo.failure?.id, 'no-such-file');
		says(t, typo, 'There is no file called nots.txt', 'Did you mean notes.txt? Type: git add notes.txt');
		const mixed = await world.git('git add todo.txt nots.txt');
		t.is(mixed.failure?.id, 'no-such-file');
		t.deepEqual(mixed.state.staged, [], 'git added nothing');
		const far = await world.git('git add zzzzzz.md');
		t.is(far.failure?.id, 'no-such-file');
		says(t, far, 'See the files with ls');
		// Files that exist, a folder, and a pattern are never called missing.
		t.is((await world.git('git add notes.txt')).failure, undefined);
		const removed = await world.git('git rm nots.txt');
		t.is(removed.failure?.id, 'no-such-file');
		const pattern = await world.git('git add "*.zip"');
		t.not(pattern.exitCode, 0);
		t.is(pattern.failure, undefined);
	});
});

test('git checkout mian: no branch or file, did you mean main; git switch mian: no branch', async t => {
	await withWorld(async world => {
		await world.ok(...shipped);
		const checkout = await world.git('git checkout mian');
		t.not(checkout.exitCode, 0);
		t.is(checkout.failure?.id, 'no-such-branch-or-file');
		says(t, checkout, 'Did you mean main? Type: git checkout main');
		if (!gitOlderThan('2.23')) {
			const switched = await world.git('git switch mian');
			t.not(switched.exitCode, 0);
			t.is(switched.failure?.id, 'no-such-branch');
			says(t, switched, 'There is no branch called mian', 'git switch main');
		}

		t.is((await world.git('git checkout main')).failure, undefined);
	});
});

test('git commit -m Pack notes and todo: a label without quotes, with the quoted command; not "nothing to seal"', async t => {
	await withWorld(async world => {
		await world.ok('echo "Shipment notes" > notes.txt', 'git add notes.txt');
		const unquoted = await world.git('git commit -m Pack notes and todo');
		t.is(unquoted.exitCode, 1);
		t.is(unquoted.failure?.id, 'unquoted-label');
		says(t, unquoted, 'only "Pack" became the label', 'notes, and, todo', 'git commit -m "Pack notes and todo"');
		const bundled = await world.git('git commit -am Pack notes');
		t.is(bundled.failure?.id, 'unquoted-label');
		says(t, bundled, 'git commit -am "Pack notes"');
		// The quoted command the tutor gives works.
		const fixed = await world.git('git commit -m "Pack notes and todo"');
		t.is(fixed.exitCode, 0);
		// A misspelt file after a quoted label is a missing file.
		await world.ok('echo "- tape" >> notes.txt');
		const file = await world.git('git commit -m "Tape" nots.txt');
		t.is(file.failure?.id, 'no-such-file');
	});
});

// Unsealed work in the way.

/** Lesson 5's world: Sam shipped map.txt, and the learner has their own map.txt on the desk. */
const samShipsMap = ['echo "Route: north" > map.txt', 'git add map.txt', 'echo "Sam\'s notes" > notes.txt', 'git commit -am "Map"', 'git push --quiet'];

test('an untracked map.txt that git pull would overwrite: named, with a way out that works (no loop)', async t => {
	await withWorld(async world => {
		await world.ok(...shipped);
		await world.sam(...samShipsMap);
		await world.ok('echo "My own map" > map.txt');
		for (const line of ['git pull --no-rebase', 'git pull', 'git pull --rebase']) {
			const pull = await world.git(line);
			t.not(pull.exitCode, 0, line);
			t.is(pull.failure?.id, 'would-overwrite-untracked', line);
			says(t, pull, 'map.txt', 'mv map.txt map-mine.txt', `then ${line}`);
		}

		// The way out, followed, works.
		await world.ok('mv map.txt map-mine.txt');
		const again = await world.git('git pull --no-rebase');
		t.is(again.exitCode, 0);
	});
});

test('changed notes.txt that git pull or git switch would overwrite: named, with stash; a change elsewhere is not', async t => {
	await withWorld(async world => {
		await world.ok(...shipped, 'echo "- tape" >> todo.txt', 'git add todo.txt', 'git commit -m "Todo"', 'git push --quiet');
		await world.sam('echo "Sam\'s notes" > notes.txt', 'git commit -am "Sam\'s notes"', 'git push --quiet');
		await world.ok('echo "My notes" > notes.txt');
		const pull = await world.git('git pull --no-rebase');
		t.not(pull.exitCode, 0);
		t.is(pull.failure?.id, 'would-overwrite-changes');
		says(t, pull, 'unsealed changes to notes.txt', 'git stash, then git pull --no-rebase, then git stash pop');
		await world.ok('git branch older HEAD~1', 'echo "- more" >> todo.txt');
		const checkout = await world.git('git checkout older');
		t.not(checkout.exitCode, 0);
		t.is(checkout.failure?.id, 'would-overwrite-changes');
		t.is(checkout.failure?.details['files'], 'todo.txt');
		// The stash way out works.
		await world.ok('git stash', 'git pull --no-rebase');
		t.not((await world.git('git stash pop')).failure?.id, 'would-overwrite-changes');
	});
});

test('git pull --rebase with unsealed changes: rebase-unsealed with --autostash, which works', async t => {
	await withWorld(async world => {
		await world.ok(...shipped);
		await world.sam('echo "from Sam" > sam.txt', 'git add sam.txt', 'git commit -m "From Sam"', 'git push --quiet');
		await world.ok('echo "- tape" >> notes.txt');
		const pull = await world.git('git pull --rebase');
		t.not(pull.exitCode, 0);
		t.is(pull.failure?.id, 'rebase-unsealed');
		says(t, pull, '(notes.txt)', 'git pull --autostash --rebase');
		await world.ok('git add notes.txt');
		t.is((await world.git('git pull --rebase')).failure?.id, 'rebase-unsealed');
		const autostash = await world.git('git pull --autostash --rebase');
		t.is(autostash.exitCode, 0);
		t.is(autostash.failure, undefined);
	});
});

test('unrelated histories: pull and merge of a branch with no box in common; the way out works', async t => {
	await withWorld(async world => {
		// The warehouse started with Sam's own first box, before the learner's.
		await world.sam('echo "README" > readme.txt', 'git add readme.txt', 'git commit -m "Readme"', 'git push --quiet -u origin HEAD:main');
		await world.ok('echo "Shipment notes" > notes.txt', 'git add notes.txt', 'git commit -m "First box"', `git remote add origin ${url}`);
		const pull = await world.git('git pull --no-rebase origin main');
		t.is(pull.exitCode, 128);
		t.is(pull.failure?.id, 'unrelated-histories');
		says(t, pull, 'no box in common', 'git pull --allow-unrelated-histories --no-rebase origin main');
		const merge = await world.git('git merge origin/main');
		t.is(merge.failure?.id, 'unrelated-histories');
		says(t, merge, 'git merge --allow-unrelated-histories origin/main');
		const plain = await world.git('git pull origin main');
		t.not(plain.exitCode, 0);
		t.is(plain.failure?.id, 'unrelated-histories');
		const wayOut = await world.git('git pull --allow-unrelated-histories --no-rebase origin main');
		t.is(wayOut.exitCode, 0);
	});
});

// Tags, detached HEAD, routes.

test('git tag v1 when v1 exists: tag-exists with a free name; a new tag is no failure', async t => {
	await withWorld(async world => {
		await world.ok(...shipped, 'git tag v1', 'git tag v2');
		const again = await world.git('git tag v1');
		t.is(again.exitCode, 128);
		t.is(again.failure?.id, 'tag-exists');
		says(t, again, 'already a tag called v1', 'git tag v3');
		t.is((await world.git('git tag v3')).failure, undefined);
		// A box git cannot find is not "already exists".
		const unknownBox = await world.git('git tag v1 nosuchbox');
		t.not(unknownBox.exitCode, 0);
		t.is(unknownBox.failure, undefined);
	});
});

test('a tag the warehouse has on another box: tag-exists-online, for the tag named and for --tags; a branch rejection is not', async t => {
	await withWorld(async world => {
		await world.ok(...shipped, 'echo "- tape" >> notes.txt', 'git commit -am "Tape"', 'git push --quiet');
		await world.sam('git tag v1 HEAD~1', 'git push --quiet origin v1');
		await world.ok('git tag v1');
		for (const line of ['git push origin v1', 'git push --tags', 'git push origin --tags']) {
			const push = await world.git(line);
			t.is(push.exitCode, 1, line);
			t.is(push.failure?.id, 'tag-exists-online', line);
			says(t, push, 'a different tag called v1', 'git tag v2', 'git push origin v2');
		}
	});
});

test('git push from a detached HEAD: the way back and how to keep the boxes; on a branch it is not', async t => {
	await withWorld(async world => {
		await world.ok(...shipped, 'echo "- tape" >> notes.txt', 'git commit -am "Tape"', 'git push --quiet', 'git checkout --quiet HEAD~1');
		for (const line of ['git push', 'git push origin HEAD', 'git push origin']) {
			const push = await world.git(line);
			t.not(push.exitCode, 0, line);
			t.is(push.failure?.id, 'detached-push', line);
			const back = gitOlderThan('2.23') ? 'git checkout main' : 'git switch main';
			says(t, push, 'detached HEAD', back, gitOlderThan('2.23') ? 'git checkout -b' : 'git switch -c');
		}
	});
});

test('a branch whose route has another name: upstream-name-differs, with both ways out working', async t => {
	await withWorld(async world => {
		await world.ok(...shipped, 'git checkout --quiet -b work --track origin/main', 'echo "- work" >> notes.txt', 'git commit -am "Work"');
		for (const line of ['git push', 'git push origin']) {
			const push = await world.git(line);
			t.is(push.exitCode, 128, line);
			t.is(push.failure?.id, 'upstream-name-differs', line);
			says(t, push, 'origin/main', 'git push origin HEAD:main', 'git push -u origin work');
		}

		t.is((await world.git('git push origin HEAD:main')).exitCode, 0);
		t.is((await world.git('git push -u origin work')).exitCode, 0);
		// The route now has the branch's own name: plain push works.
		await world.ok('echo "- more" >> notes.txt', 'git commit -am "More"');
		t.is((await world.git('git push')).failure, undefined);
	});
});
