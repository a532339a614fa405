// A learner who strays (forces, detaches HEAD, rebases) is told what is true, with real git:
// a lost box is reported the moment it is lost and blocks every step until it is back, and
// nothing is called a force push unless the warehouse lost boxes through one.
import test from 'ava';
import type {LessonSession} from '../source/tutor/lesson-session.ts';
import {diagramOf} from '../source/tutor/diagram-model.ts';
import {gitOlderThan} from './helpers/git-version.ts';
import {sessionAtStep, sessionOptions, shippedLessons} from './helpers/lessons.ts';

const lessons = shippedLessons();
const lesson = (id: string) => lessons.find(candidate => candidate.id === id)!;
const nudgeOf = (report: Awaited<ReturnType<LessonSession['run']>>) => (report.outcome?.kind === 'stay' ? report.outcome.nudge ?? '' : '');

async function withSession(id: string, step: number, play: (session: LessonSession) => Promise<void>, branch = 'main'): Promise<void> {
	const session = await sessionAtStep(lesson(id), step, sessionOptions(lessons, branch));
	try {
		await play(session);
	} finally {
		await session.dispose();
	}
}

test('pull-first: a force push that throws Sam\'s box away is said at once, outranks every nudge and blocks the step', async t => {
	await withSession('pull-first', 1, async session => {
		const forced = await session.run('git push --force');
		t.is(forced.result.kind === 'git' ? forced.result.result.exitCode : -1, 0);
		const said = nudgeOf(forced);
		t.regex(said, /Your push threw 1 box: "Add a map" \(sealed by Sam\) out of the warehouse/);
		t.regex(said, /gone for everyone who pulls/);
		// The learner never fetched it: only Sam's clone has it, and the way back says so.
		t.regex(said, /never received it, so only Sam's own clone still has it\. Type reset/);
		t.deepEqual(session.hints().at(-1), 'Type: reset');

		const pulled = await session.run('git pull --no-rebase');
		t.is(session.step, 1, 'no step passes while the loss stands');
		t.regex(nudgeOf(pulled), /The warehouse is still missing 1 box: "Add a map"/);
		t.notRegex(nudgeOf(pulled), /origin\/main now \(fetched\)/);
	});
});

test('pull-first: a box the learner had fetched is brought back by the way the tutor names, without force', async t => {
	await withSession('pull-first', 1, async session => {
		await session.run('git fetch');
		const forced = await session.run('git push --force');
		const said = nudgeOf(forced);
		const merge = /with (git merge [\da-f]{7})/.exec(said)?.[1];
		t.truthy(merge, said);
		t.is(session.hints().at(-1), `Type: ${merge}`);

		const merged = await session.run(merge!);
		t.is(session.step, 1);
		t.regex(nudgeOf(merged), /Your main holds it again: ship it with a plain push/);
		t.is(session.hints().at(-1), 'Type: git push');

		await session.run('git push');
		t.is(session.loss, undefined);
		t.true(session.complete, 'with the box back, the lesson goes on to the end: it holds both boxes');
	});
});

test('a detached HEAD is never taken for a force push, and is said plainly', async t => {
	await withSession('undo', 0, async session => {
		const detached = await session.run('git checkout HEAD~1');
		t.is(detached.result.kind === 'git' ? detached.result.result.exitCode : -1, 0);
		const said = nudgeOf(detached);
		t.notRegex(said, /forc|threw|lost/i);
		t.regex(said, /HEAD is detached at the box [\da-f]{7} "Stack boxes higher"/);
		// git switch arrived in 2.23; older git goes back with checkout.
		const back = gitOlderThan('2.23') ? 'git checkout main' : 'git switch main';
		t.true(said.includes(back), said);
		t.is(session.hints().at(-1), `Type: ${back}`);
		t.is(session.loss, undefined);
	});
});

test('during a rebase the diagram shows the rebased branch\'s warehouse and route, and the nudge says git waits', async t => {
	await withSession('conflict', 0, async session => {
		await session.run('git pull --rebase');
		t.is(session.state.operation, 'rebase');
		t.is(session.state.branch, undefined);
		t.is(session.state.workBranch, 'main');
		const diagram = diagramOf(session.state);
		t.true(diagram.warehouse.length > 0, 'the warehouse is not empty');
		t.is(diagram.route.kind, 'saved');
	});
});

test('undo: the last hint names the broken box by its real id, even after a wrong revert', async t => {
	await withSession('undo', 1, async session => {
		const broken = session.state.commits.find(commit => commit.subject === 'Stack boxes higher')!.oid.slice(0, 7);
		t.is(session.hints().at(-1), `Type: git revert ${broken}`);
		await session.run('git revert HEAD');
		const undone = await session.run('git revert HEAD');
		t.notRegex(nudgeOf(undone), /You sealed a new box/);
		t.regex(nudgeOf(undone), new RegExp(`git revert ${broken}`));
		await session.run(`git revert ${broken}`);
		t.is(session.step, 2);
	});
});

test('force: replacing your own shipped box is the step, not a loss; throwing Sam\'s away is a loss', async t => {
	const force = lesson('force');
	const replace = force.steps.findIndex(step => step.mayReplaceOwnBoxes);
	await withSession('force', replace, async session => {
		const pushed = await session.run('git push --force');
		t.is(session.loss, undefined);
		t.is(pushed.outcome?.kind, 'advance');
		// The next step has Sam ship; forcing over his box loses it.
		await session.run('echo "Tape: top drawer" >> notes.txt');
		await session.run('git commit -a --amend --no-edit');
		const forced = await session.run('git push --force');
		t.regex(nudgeOf(forced), /Your push threw .*sealed by Sam/);
		t.is(session.step, replace + 1);
	});
});

test('a slip that did nothing gets its explanation, not the step\'s nudge', async t => {
	await withSession('add', 1, async session => {
		const slipped = await session.run('git add nots.txt');
		t.regex(slipped.explanation?.wayOut ?? '', /notes\.txt/);
		t.is(nudgeOf(slipped), '', 'no "notes.txt is still on your desk" beside the did-you-mean');
		t.is(slipped.outcome?.kind, 'stay');
	});
});

test('pull-first: a pull refused for an untracked file is explained, and the nudge does not advise the same pull again', async t => {
	await withSession('pull-first', 1, async session => {
		await session.run('echo "my own map" > map.txt');
		await session.run('git fetch');
		const refused = await session.run('git pull --no-rebase');
		t.not(refused.result.kind === 'git' ? refused.result.result.exitCode : 0, 0);
		t.regex(refused.explanation?.meaning ?? '', /map\.txt/);
		t.false(nudgeOf(refused).includes('git pull --no-rebase'), nudgeOf(refused));
	});
});

test('no destination: the way out names the real online address', async t => {
	await withSession('remote', 0, async session => {
		const pushed = await session.run('git push');
		t.is(pushed.explanation?.wayOut, `Give it one: git remote add origin ${session.sandbox.url}`);
	});
});

test('diagram: your own amended box in the warehouse is yours, no longer in your branch, not a box to bring home', async t => {
	await withSession('force', 1, async session => {
		const typo = session.diagram().warehouse.find(box => box.subject.includes('tpae'));
		t.truthy(typo);
		t.false(typo!.notHome, 'not offered as a box to bring home');
		t.true(typo!.replaced);
	});
});

test('diagram: on a branch the warehouse does not have yet, the warehouse column shows main\'s boxes and says whose', async t => {
	await withSession('more', 1, async session => {
		t.is(session.state.branch, 'gift-wrap');
		const diagram = session.diagram();
		t.is(diagram.warehouseOf, 'main');
		t.true(diagram.warehouse.length > 0);
	});
});

test('diagram: the route says when origin/main is older than the warehouse, and a fetch changes that', async t => {
	await withSession('recover', 0, async session => {
		const before = session.diagram().route;
		t.true(before.kind === 'saved' && before.stale === true);
		await session.run('git fetch');
		const after = session.diagram().route;
		t.true(after.kind === 'saved' && after.stale === undefined);
	});
});

test('a success that says nothing was forced is not said after a push threw boxes away in the lesson', async t => {
	const {generateDrill} = await import('../source/practice/practice-lesson.ts');
	const {seedOf} = await import('./helpers/drills.ts');
	const {LessonSession} = await import('../source/tutor/lesson-session.ts');
	const {reportLines} = await import('../source/tutor/report-lines.ts');
	// A shape where the learner only fetched the lost box: a force then throws it out of the warehouse.
	const drill = generateDrill('recover', seedOf('recover', 'in the remote reflog')).lesson;
	const session = await LessonSession.start(drill, sessionOptions(lessons));
	try {
		// Force the warehouse back to what the learner has (after a fetch, so the lost box stays at hand), then merge it back.
		await session.run('git fetch');
		const forced = await session.run('git push --force');
		t.true(session.loss !== undefined, 'the push threw boxes away');
		const tip = forced.outcome?.kind === 'stay' ? /git merge ([\da-f ]+), then/.exec(forced.outcome.nudge ?? '')?.[1] : undefined;
		t.truthy(tip);
		let last = await session.run(`git merge ${tip!}`);
		for (const line of session.lesson.steps.flatMap(step => step.solution)) {
			if (session.complete) {
				break;
			}

			last = await session.run(line);
		}

		last = session.complete ? last : await session.run('git push');
		const said = reportLines(last, session.lesson, 'drill').map(line => line.text).join('\n');
		t.notRegex(said, /nothing was forced/);
	} finally {
		await session.dispose();
	}
});

test('git commit without a label: refused with the editor how-to when something would be sealed; run and explained when nothing would', async t => {
	await withSession('add', 0, async session => {
		const nothing = await session.run('git commit');
		t.is(nothing.result.kind, 'git', 'nothing staged: git opens no editor, so the line runs');
		t.regex(nothing.explanation?.meaning ?? '', /box is empty/);
	});
	await withSession('commit', 0, async session => {
		const staged = await session.run('git commit');
		t.is(staged.result.kind, 'refused');
		t.regex(staged.result.kind === 'refused' ? staged.result.message : '', /git commit -m "Describe the change"[\s\S]*Vim/);
	});
});

test('git config --global user.name says it holds only in the sandbox, and how to set it for real', async t => {
	await withSession('add', 0, async session => {
		const set = await session.run('git config --global user.name "Ana Lima"');
		t.regex(set.note ?? '', /practice settings only[\s\S]*git config --global user\.name "Ana Lima"/);
		const read = await session.run('git config --global user.name');
		t.is(read.note, undefined, 'reading a setting changes nothing, so there is nothing to say');
	});
});

test('a hint never repeats the command that just failed: after a rejected push the last hint is the way out', async t => {
	await withSession('push', 1, async session => {
		await session.run('git push --force-with-lease origin main');
		await session.run('git reset --hard HEAD~1');
		const rejected = await session.run('git push -u origin main');
		t.is(rejected.result.kind === 'git' ? rejected.result.result.exitCode : 0, 1);
		// Only the learner's own box is at stake: keeping it comes first, and never as a plain retry.
		t.regex(rejected.explanation?.wayOut ?? '', /^To keep it: git merge origin\/main, then git push/);
		t.notRegex(session.hints().at(-1) ?? '', /^Type: git push -u origin main$/);
		t.regex(session.hints().at(-1) ?? '', /git merge origin\/main/);
	});
});

test('force: a pull --rebase that dropped the relabelled box says so, and the hint relabels again', async t => {
	const force = lesson('force');
	const replace = force.steps.findIndex(step => step.mayReplaceOwnBoxes);
	await withSession('force', replace, async session => {
		const pulled = await session.run('git pull --rebase');
		t.regex(nudgeOf(pulled), /dropped your relabelled copy/);
		t.regex(session.hints().at(-1) ?? '', /^Type: git commit --amend -m/);
	});
});
