// A drill's score and when it is due again, from recorded runs, with a clock the test controls.
import test from 'ava';
import {dueAt, dueLabel, mostDue} from '../source/practice/schedule.ts';
import {bestRun, finishRun, freshTally, isClean, runLines, type DrillRun} from '../source/practice/score.ts';
import type {DrillName} from '../source/practice/drill-names.ts';
import {drillShapes} from '../source/practice/drills.ts';
import {freshSeed, shapeOf} from '../source/practice/practice-lesson.ts';

const day = 24 * 60 * 60 * 1000;
/** Noon, so calendar days are the same in every time zone the suite runs in. */
const monday = new Date(2026, 10, 30, 12, 0, 0);
const after = (days: number, from = monday) => new Date(from.getTime() + (days * day));

function run(fields: Partial<Omit<DrillRun, 'at'>> & {at: Date}): DrillRun {
	const tally = {...freshTally(fields.at.getTime() - 90_000, fields.challenge ?? false), hints: fields.hints ?? 0, commands: fields.commands ?? 4, forced: Number(fields.forced ?? false), lost: Number(fields.lost ?? false), twice: Number(fields.twice ?? false)};
	return finishRun(tally, fields.seed ?? 1, fields.reference ?? 4, fields.at);
}

test('a run as the reference solution plays it, without hints, scores 100 and is clean', t => {
	const perfect = run({at: monday});
	t.is(perfect.score, 100);
	t.is(perfect.seconds, 90);
	t.true(isClean(perfect));
	t.deepEqual(runLines(perfect), [
		'Score 100 of 100 · 1 min 30 s',
		'Commands: 4 (the reference solution takes 4)',
		'Hints: 0',
		'Nothing forced that the drill did not ask for, and nothing lost.',
	]);
});

test('extra commands, hints, a force, a loss and a box twice each take off what the score says', t => {
	const messy = run({at: monday, commands: 6, hints: 1, forced: true, twice: true});
	t.is(messy.score, 100 - 10 - 10 - 50 - 20);
	t.false(isClean(messy));
	const lines = runLines(messy);
	t.true(lines[1]!.includes('Commands: 6 (the reference solution takes 4) −10'), lines[1]);
	t.true(lines[2]!.includes('Hints: 1 −10'), lines[2]);
	t.true(lines[3]!.startsWith('Not clean: a push used force the drill did not ask for'), lines[3]);
	t.true(lines[4]!.includes('twice'), lines[4]);
	// Never below zero; fewer commands than the reference take nothing off.
	t.is(run({at: monday, commands: 40, hints: 9, lost: true}).score, 0);
	t.is(run({at: monday, commands: 2}).score, 100);
	t.false(isClean(run({at: monday, lost: true})));
	t.true(runLines(run({at: monday, challenge: true}))[0]!.includes('a challenge, without hints'));
});

test('the best run is the highest score, the quicker on a tie', t => {
	const slow = run({at: monday, hints: 1});
	const quick = {...run({at: after(1), hints: 1}), seconds: 30};
	const worse = run({at: after(2), hints: 3});
	t.is(bestRun([slow, quick, worse]), quick);
	t.is(bestRun([]), undefined);
});

/** Days from the newest run to the due date. */
const wait = (runs: readonly DrillRun[]) => Math.round((dueAt(runs)!.getTime() - Date.parse(runs.at(-1)!.at)) / day);

test('each clean run without hints, on its due day, waits longer: 1, 3, 7, then 14 days; a run not clean brings it back to 1', t => {
	const runs: DrillRun[] = [];
	const waits: number[] = [];
	let when = monday;
	for (let index = 0; index < 6; index++) {
		runs.push(run({at: when}));
		waits.push(wait(runs));
		when = dueAt(runs)!;
	}

	t.deepEqual(waits, [1, 3, 7, 14, 14, 14]);
	runs.push(run({at: when, forced: true}));
	t.is(wait(runs), 1);
	runs.push(run({at: after(1, when)}));
	t.is(wait(runs), 1, 'the streak starts again after a run that was not clean');
	runs.push(run({at: after(2, when)}));
	t.is(wait(runs), 3);
});

test('playing again before the due day changes nothing; a run with hints is due again the next day', t => {
	// Six clean runs in a minute are one clean run: due tomorrow, not in 14 days.
	const quick = Array.from({length: 6}, (_, index) => run({at: new Date(monday.getTime() + (index * 10_000))}));
	t.is(dueLabel(quick, monday), 'due tomorrow');
	// Early in the day it is due counts (the menu says due today from midnight).
	const early = [run({at: monday}), run({at: new Date(after(1).getTime() - (6 * 60 * 60 * 1000))})];
	t.is(dueLabel(early, after(1)), 'due in 3 days');
	// Hints, however clean the run: due again tomorrow, and the streak starts over.
	const hinted = [run({at: monday}), run({at: after(1), hints: 2})];
	t.is(dueLabel(hinted, after(1)), 'due tomorrow');
	t.is(dueLabel([...hinted, run({at: after(2)})], after(2)), 'due tomorrow');
});

test('what the menu says: new, due today, due tomorrow, due in N days', t => {
	t.is(dueLabel([], monday), 'new');
	const once = [run({at: monday})];
	t.is(dueLabel(once, monday), 'due tomorrow');
	t.is(dueLabel(once, after(1)), 'due today');
	t.is(dueLabel(once, after(5)), 'due today', 'overdue is due today');
	const twice = [run({at: monday}), run({at: after(1)})];
	t.is(dueLabel(twice, after(1)), 'due in 3 days');
});

test('the drill most due: the longest overdue, then one never played, then the soonest; ties follow the course', t => {
	const runs: Partial<Record<DrillName, DrillRun[]>> = {
		recover: [run({at: monday})], // Due Tuesday.
		force: [run({at: after(-10)}), run({at: after(-9)})], // Due 3 days after: overdue by 6 days on Monday.
	};
	const runsOf = (name: DrillName) => runs[name] ?? [];
	t.is(mostDue(runsOf, monday, ['recover', 'force', 'conflict']), 'force');
	t.is(mostDue(runsOf, monday, ['recover', 'conflict']), 'conflict', 'never played is due now, before tomorrow');
	t.is(mostDue(runsOf, monday, ['recover']), 'recover', 'the only one open is played even when not due');
	t.is(mostDue(() => [], monday, ['conflict', 'recover']), 'conflict', 'ties: the order given');
});

test('a fresh drill is a shape none of the last ones played had, while the drill has shapes to spare', t => {
	const shapes = drillShapes.recover.length;
	const played: number[] = [];
	let next = 0;
	// Draws in order, so the test does not depend on chance: each try is the next seed.
	const draw = () => next++;
	for (let round = 0; round < 3 * shapes; round++) {
		const seed = freshSeed('recover', played, draw);
		const recent = played.slice(-(shapes - 1)).map(earlier => shapeOf('recover', earlier));
		t.false(recent.includes(shapeOf('recover', seed)), `round ${round}: ${shapeOf('recover', seed)} after ${recent.join(' | ')}`);
		played.push(seed);
	}

	// Ten in a row: as many different shapes as there are.
	t.is(new Set(played.slice(0, 10).map(seed => shapeOf('recover', seed))).size, shapes);
});
