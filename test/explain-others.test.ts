// The failures that come from working with others (Sam ships too), produced with real git in a
// sandbox and recognised from the command, its exit code and the repository state; look-alikes
// that succeed or fail for another reason are not recognised as them. And the catalogue: every
// explanation has a meaning, a way out that names a git command, and no placeholder left unfilled.
import {gitOlderThan} from './helpers/git-version.ts';
import test, {type ExecutionContext} from 'ava';
import {createSandbox, removeSandbox, type Sandbox} from '../source/sandbox/sandbox.ts';
import {readRepoState, type RepoState} from '../source/git/repo-state.ts';
import {runGit} from '../source/git/git-runner.ts';
import {readGitArguments} from '../source/git/git-arguments.ts';
import {classifyFailure, type Failure} from '../source/explain/classify-failure.ts';
import {explanations, lessonFailureIds, fillExplanation, type FailureId} from '../source/explain/explanations.ts';
import {parseCommandLine} from '../source/shell/parse-command-line.ts';
import {runLine, type LineRunner} from '../source/shell/run-line.ts';

const url = 'https://github.com/learner/shipment.git';

type Outcome = {exitCode: number; output: string; failure: Failure | undefined; state: RepoState};

/** Runs lines that build a situation in one repository; each must work. */
async function mustRun(runner: LineRunner, who: string, lines: string[]): Promise<void> {
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

	async state(): Promise<RepoState> {
		return readRepoState({repo: this.sandbox.repo, online: this.sandbox.online, env: this.sandbox.env});
	}

	/** Runs a git line as the learner, then classifies it from its words, exit code and the state after. */
	async git(line: string): Promise<Outcome> {
		const parsed = parseCommandLine(line);
		if (!parsed.ok || parsed.words[0] !== 'git') {
			throw new Error(`"${line}" is not a git line`);
		}

		const words = parsed.words.slice(1);
		const result = await runGit(words, {cwd: this.sandbox.repo, env: this.sandbox.env});
		const state = await this.state();
		return {exitCode: result.exitCode, output: result.output, failure: classifyFailure(readGitArguments(words), result.exitCode, state), state};
	}

	/** The learner's lines that build the situation. */
	async ok(...lines: string[]): Promise<void> {
		await mustRun({repo: this.sandbox.repo, env: this.sandbox.env}, 'The learner', lines);
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

/** The learner's first box, shipped with the route saved. */
const shipped = ['echo "Shipment notes" > notes.txt', 'git add notes.txt', 'git commit -m "First box"', `git remote add origin ${url}`, 'git push -u origin main'];
/** A box of Sam's that touches nothing the learner touches. */
const samShipsApart = ['echo "from Sam" > sam.txt', 'git add sam.txt', 'git commit -m "From Sam"', 'git push --quiet'];
/** A box of Sam's that rewrites the first line of notes.txt. */
const samShipsNotes = ['echo "Sam\'s notes" > notes.txt', 'git commit -am "Sam\'s notes"', 'git push --quiet'];
const learnerTape = ['echo "- tape" >> todo.txt', 'git add todo.txt', 'git commit -m "Tape"'];
const learnerNotes = ['echo "Learner\'s notes" > notes.txt', 'git commit -am "Learner\'s notes"'];

/** The explanation the tutor would show for this failure has every placeholder filled. */
function assertFilled(t: ExecutionContext, failure: Failure | undefined): void {
	if (failure === undefined) {
		t.fail('no failure recognised');
		return;
	}

	const filled = fillExplanation(explanations[failure.id], failure.details);
	t.notRegex(`${filled.meaning}\n${filled.wayOut}`, /{\w+}/, failure.id);
}

// The failures.

test('fetch-first: push rejected when Sam shipped and the learner never fetched', async t => {
	await withWorld(async world => {
		await world.ok(...shipped);
		await world.sam(...samShipsApart);
		await world.ok(...learnerTape);
		for (const line of ['git push', 'git push origin', 'git push origin main']) {
			const push = await world.git(line);
			t.is(push.exitCode, 1, line);
			t.deepEqual(push.failure, {id: 'fetch-first', details: {branch: 'main', remotes: 'origin', remote: 'origin', pull: 'git pull'}}, line);
			assertFilled(t, push.failure);
		}
	});
});

test('non-fast-forward: push rejected after git fetch brought Sam\'s box but it was not combined', async t => {
	await withWorld(async world => {
		await world.ok(...shipped);
		await world.sam(...samShipsApart);
		await world.ok(...learnerTape, 'git fetch');
		for (const line of ['git push', 'git push origin main']) {
			const push = await world.git(line);
			t.is(push.exitCode, 1, line);
			t.is(push.failure?.id, 'non-fast-forward', line);
			// Sam's box is at stake: the way out keeps it, and never suggests force.
			t.is(push.failure?.details['combine'], 'git merge origin/main');
			t.is(push.failure?.details['variant'], undefined);
			t.regex(push.failure?.details['boxes'] ?? '', /^"/);
			assertFilled(t, push.failure);
			t.notRegex(fillExplanation(explanations['non-fast-forward'], push.failure!.details).wayOut, /force/);
		}
	});
});

test('non-fast-forward: push rejected after git commit --amend of a box already shipped (no Sam)', async t => {
	await withWorld(async world => {
		await world.ok(...shipped, 'echo "- tape" >> notes.txt', 'git commit -am "Tape"', 'git push', 'git commit --amend -m "Tape and string"');
		const push = await world.git('git push');
		t.is(push.exitCode, 1);
		t.is(push.failure?.id, 'non-fast-forward');
		// Only the learner's own box is at stake: replacing it is offered, after keeping it.
		t.deepEqual(push.failure?.details, {branch: 'main', remotes: 'origin', remote: 'origin', boxes: '"Tape"', combine: 'git merge origin/main', variant: 'own'});
		assertFilled(t, push.failure);
		t.regex(fillExplanation(explanations['non-fast-forward'], push.failure!.details).wayOut, /To keep it: git merge origin\/main.*git push --force-with-lease/);
	});
});

test('stale-info: git push --force-with-lease when Sam shipped and the learner did not fetch', async t => {
	await withWorld(async world => {
		await world.ok(...shipped);
		await world.sam(...samShipsApart);
		await world.ok(...learnerTape);
		const onlineBefore = (await world.state()).online.branches['main'];
		for (const line of ['git push --force-with-lease', 'git push --force-with-lease origin main']) {
			const push = await world.git(line);
			t.is(push.exitCode, 1, line);
			t.deepEqual(push.failure, {id: 'stale-info', details: {branch: 'main', remotes: 'origin', remote: 'origin'}}, line);
			assertFilled(t, push.failure);
			// Sam's box is still online.
			t.is(push.state.online.branches['main'], onlineBefore, line);
		}
	});
});

// --force-if-includes arrived in git 2.30.
(gitOlderThan('2.30') ? test.skip : test)('remote-updated-since-checkout: --force-with-lease --force-if-includes after a plain git fetch', async t => {
	await withWorld(async world => {
		await world.ok(...shipped);
		await world.sam(...samShipsApart);
		await world.ok(...learnerTape, 'git fetch');
		const push = await world.git('git push --force-with-lease --force-if-includes');
		t.is(push.exitCode, 1);
		t.deepEqual(push.failure, {id: 'remote-updated-since-checkout', details: {branch: 'main', remotes: 'origin', remote: 'origin'}});
		assertFilled(t, push.failure);
	});
});

// Before git 2.33.1 a plain pull of divergent branches merges (with a warning) instead of stopping.
(gitOlderThan('2.33.1') ? test.skip : test)('divergent-pull: plain git pull with divergent branches and no pull.rebase; the branch does not move', async t => {
	await withWorld(async world => {
		await world.ok(...shipped);
		await world.sam(...samShipsApart);
		await world.ok(...learnerTape);
		const before = await world.state();
		const pull = await world.git('git pull');
		t.is(pull.exitCode, 128);
		t.deepEqual(pull.failure, {id: 'divergent-pull', details: {branch: 'main', remotes: 'origin'}});
		assertFilled(t, pull.failure);
		t.is(pull.state.head, before.head);
		t.is(pull.state.branches['main']?.oid, before.head);
		t.is(pull.state.operation, undefined);
		// The pull did fetch: Sam's box is now known as origin/main.
		t.is(pull.state.remoteTracking['origin/main'], pull.state.online.branches['main']);
	});
});

test('merge-conflict: git pull --no-rebase with the same line changed on both sides', async t => {
	await withWorld(async world => {
		await world.ok(...shipped);
		await world.sam(...samShipsNotes);
		await world.ok(...learnerNotes);
		const pull = await world.git('git pull --no-rebase');
		t.is(pull.exitCode, 1);
		t.deepEqual(pull.failure, {id: 'merge-conflict', details: {branch: 'main', remotes: 'origin', files: 'notes.txt'}});
		t.is(pull.state.operation, 'merge');
		assertFilled(t, pull.failure);
	});
});

test('merge-conflict: git pull --rebase stopped by a conflict', async t => {
	await withWorld(async world => {
		await world.ok(...shipped);
		await world.sam(...samShipsNotes);
		await world.ok(...learnerNotes);
		const pull = await world.git('git pull --rebase');
		t.is(pull.exitCode, 1);
		t.is(pull.state.operation, 'rebase');
		// Mid-rebase HEAD is detached, so there is no branch name to give.
		t.deepEqual(pull.failure, {id: 'merge-conflict', details: {branch: 'HEAD', remotes: 'origin', files: 'notes.txt'}});
		assertFilled(t, pull.failure);
	});
});

test('merge-conflict: git merge origin/main stopped by a conflict', async t => {
	await withWorld(async world => {
		await world.ok(...shipped);
		await world.sam(...samShipsNotes);
		await world.ok(...learnerNotes, 'git fetch');
		const merge = await world.git('git merge origin/main');
		t.is(merge.exitCode, 1);
		t.is(merge.state.operation, 'merge');
		t.deepEqual(merge.failure, {id: 'merge-conflict', details: {branch: 'main', remotes: 'origin', files: 'notes.txt'}});
		assertFilled(t, merge.failure);
	});
});

test('merge-conflict: git cherry-pick stopped by a conflict', async t => {
	await withWorld(async world => {
		await world.ok(...shipped);
		await world.sam(...samShipsNotes);
		await world.ok(...learnerNotes, 'git fetch');
		const pick = await world.git('git cherry-pick origin/main');
		t.is(pick.exitCode, 1);
		t.is(pick.state.operation, 'cherry-pick');
		t.deepEqual(pick.failure, {id: 'merge-conflict', details: {branch: 'main', remotes: 'origin', files: 'notes.txt'}});
		assertFilled(t, pick.failure);
	});
});

// Near misses: they succeed, or fail for another reason.

test('git push --force-with-lease after fetching succeeds and is no failure', async t => {
	await withWorld(async world => {
		await world.ok(...shipped);
		await world.sam(...samShipsApart);
		await world.ok(...learnerTape, 'git fetch');
		const push = await world.git('git push --force-with-lease');
		t.is(push.exitCode, 0);
		t.is(push.failure, undefined);
		t.is(push.state.online.branches['main'], push.state.head);
	});
});

test('git push --force succeeds and is no failure', async t => {
	await withWorld(async world => {
		await world.ok(...shipped);
		await world.sam(...samShipsApart);
		await world.ok(...learnerTape);
		const push = await world.git('git push --force');
		t.is(push.exitCode, 0);
		t.is(push.failure, undefined);
	});
});

test('git pull --rebase without conflicts succeeds and is no failure', async t => {
	await withWorld(async world => {
		await world.ok(...shipped);
		await world.sam(...samShipsApart);
		await world.ok(...learnerTape);
		const pull = await world.git('git pull --rebase');
		t.is(pull.exitCode, 0);
		t.is(pull.failure, undefined);
		t.is(pull.state.operation, undefined);
		t.is(pull.state.ahead, 1);
		t.is(pull.state.behind, 0);
	});
});

test('git pull with pull.rebase false configured merges and is no failure', async t => {
	await withWorld(async world => {
		await world.ok(...shipped, 'git config pull.rebase false');
		await world.sam(...samShipsApart);
		await world.ok(...learnerTape);
		const pull = await world.git('git pull');
		t.is(pull.exitCode, 0);
		t.is(pull.failure, undefined);
		t.is(pull.state.commits[0]?.parents.length, 2);
	});
});

test('git pull when only the online branch moved fast-forwards and is no failure', async t => {
	await withWorld(async world => {
		await world.ok(...shipped);
		await world.sam(...samShipsApart);
		const pull = await world.git('git pull');
		t.is(pull.exitCode, 0);
		t.is(pull.failure, undefined);
		t.is(pull.state.head, pull.state.online.branches['main']);
	});
});

test('a failing push to a remote that is not the online repository is not fetch-first or non-fast-forward', async t => {
	await withWorld(async world => {
		// A GitHub address with no repository behind it (a path outside ~/shipment would be refused).
		const nowhere = 'https://github.com/learner/nowhere.git';
		await world.ok(...shipped);
		await world.sam(...samShipsApart);
		// The online repository would refuse this push (fetch first), and after a fetch (non-fast-forward).
		await world.ok(...learnerTape, `git remote add backup ${nowhere}`);
		for (const fetched of [false, true]) {
			if (fetched) {
				await world.ok('git fetch origin');
			}

			const push = await world.git('git push backup main');
			t.is(push.exitCode, 128, `fetched: ${fetched}`);
			t.is(push.failure, undefined, `fetched: ${fetched}`);
		}

		// The same when the route of main leads to backup, and git push names no remote.
		await world.ok('git config branch.main.remote backup');
		const push = await world.git('git push');
		t.is(push.exitCode, 128);
		t.is(push.failure, undefined);
	});
});

test('a failing git push when origin points somewhere else is not fetch-first', async t => {
	await withWorld(async world => {
		// A GitHub address with no repository behind it (a path outside ~/shipment would be refused).
		const nowhere = 'https://github.com/learner/nowhere.git';
		await world.ok(...shipped);
		await world.sam(...samShipsApart);
		await world.ok(...learnerTape, `git remote set-url origin ${nowhere}`);
		for (const line of ['git push', 'git push origin main']) {
			const push = await world.git(line);
			t.is(push.exitCode, 128, line);
			t.is(push.failure, undefined, line);
		}
	});
});

test('git push with nothing new succeeds and is no failure', async t => {
	await withWorld(async world => {
		await world.ok(...shipped);
		const push = await world.git('git push');
		t.is(push.exitCode, 0);
		t.is(push.failure, undefined);
	});
});

// The catalogue.

/** The details the classifier gives each failure: branch and remotes always, and these on top. */
const extraDetails: Partial<Record<FailureId, Record<string, string>>> = {
	'no-upstream': {remote: 'origin'},
	'fetch-first': {pull: 'git pull'},
	'non-fast-forward': {boxes: '"Add a map"', combine: 'git merge origin/main'},
	'unknown-remote': {remote: 'orign'},
	'src-refspec': {ref: 'master'},
	'merge-conflict': {files: 'notes.txt'},
	'remote-exists': {remote: 'origin'},
	'tag-needs-message': {tag: 'v1.0'},
	'needs-newer-git': {command: 'git switch', since: '2.23', version: '2.20.1', instead: 'git checkout BRANCH'},
	'unknown-option': {command: 'push', option: '--froce'},
	'usage-error': {command: 'remote add'},
	'not-a-command': {command: 'comit'},
	'no-such-file': {command: 'add', path: 'nots.txt'},
	'no-such-branch-or-file': {path: 'mian'},
	'no-such-branch': {name: 'mian'},
	'unquoted-label': {first: 'Pack', rest: 'notes, and, todo', missing: 'notes, and, todo', corrected: 'git commit -m "Pack notes and todo"'},
	'would-overwrite-changes': {command: 'pull', files: 'notes.txt', retry: 'git pull --no-rebase'},
	'would-overwrite-untracked': {command: 'pull', files: 'map.txt', move: 'mv map.txt map-mine.txt', retry: 'git pull --no-rebase'},
	'rebase-unsealed': {files: 'notes.txt', retry: 'git pull --autostash --rebase'},
	'unrelated-histories': {target: 'origin/main', retry: 'git merge --allow-unrelated-histories origin/main'},
	'tag-exists': {tag: 'v1', newTag: 'v2'},
	'tag-exists-online': {tag: 'v1', newTag: 'v2', remote: 'origin', box: '1234567'},
	'detached-push': {box: '1234567', back: 'git switch main', keep: 'git switch -c NEW-NAME'},
	'upstream-name-differs': {upstream: 'origin/main', upstreamBranch: 'main', remote: 'origin'},
};

test('every explanation a lesson shows has a meaning, a way out naming a git command, and no placeholder left once filled', t => {
	// Those met only in a pasted text are filled from the paste: test/explain-text.test.ts and test/explain-corpus.test.ts.
	const ids = lessonFailureIds();
	t.true(ids.length >= 13);
	for (const id of ids) {
		const explanation = explanations[id];
		t.true(explanation.meaning.trim().length > 0, id);
		const filled = fillExplanation(explanation, {branch: 'main', remotes: 'origin', ...extraDetails[id]});
		t.true(filled.wayOut.includes('git '), id);
		t.notRegex(filled.meaning, /{\w+}/, id);
		t.notRegex(filled.wayOut, /{\w+}/, id);
		if (explanation.withSuggestion) {
			// A did-you-mean fills its own words, and names the corrected command.
			const guessed = fillExplanation(explanation, {branch: 'main', remotes: 'origin', ...extraDetails[id], suggestion: 'x', corrected: 'git x'});
			t.notRegex(`${guessed.meaning}\n${guessed.wayOut}`, /{\w+}/, id);
			t.true(guessed.wayOut.includes('git x'), id);
		}
	}
});
