// Free play: in every lesson and drill, seeded random sequences of what a learner plausibly types,
// the destructive and the confused included, with invariants checked after every command:
// a loss is reported exactly when the warehouse lost boxes; nothing is called thrown away
// otherwise; nothing crashes; no step passes on a state that does not meet it, or while a loss
// stands; the last hint is a command git accepts from where the learner stands.
// Serial: each play is many git commands, and together they would starve ava's inactivity timeout.
// A failure names the lesson, the seed and the commands played, so it can be replayed.
import test from 'ava';
import {runGit} from '../source/git/git-runner.ts';
import {holds, type CheckContext} from '../source/lessons/checks.ts';
import type {Check, Lesson} from '../source/lessons/lesson-types.ts';
import {drillNames} from '../source/practice/drill-names.ts';
import {practiceLesson} from '../source/practice/practice-lesson.ts';
import {seededRandom, type Random} from '../source/practice/prng.ts';
import {LessonSession} from '../source/tutor/lesson-session.ts';
import {sessionOptions, shippedLessons} from './helpers/lessons.ts';

const lessons = shippedLessons();
const seedsEach = Number(process.env.FREE_PLAY_SEEDS ?? 2);
const commandsEach = 14;

/** What learners type, on and off the path. {branch} is the sandbox's branch. */
const pool = [
	'git status', 'git log --oneline', 'git add .', 'git commit -am "More packing"', 'echo "- one more thing" >> notes.txt',
	'git push', 'git push --force', 'git push -f origin {branch}', 'git push --force-with-lease', 'git push --froce',
	'git reset --hard HEAD~1', 'git checkout HEAD~1', 'git switch {branch}', 'git checkout {branch}',
	'git pull', 'git pull --rebase', 'git pull --no-rebase', 'git fetch', 'git rebase origin/{branch}', 'git merge origin/{branch}',
	'git stash', 'git stash pop', 'git merge --abort', 'git rebase --abort', 'git comit -m "x"', 'git add nots.txt',
];

/** The moves of one turn: the pool, the step's own solution (so play gets somewhere), a hint, a reset. */
type Move = {kind: 'line'; line: string} | {kind: 'solution'} | {kind: 'hint'} | {kind: 'reset'};

function drawMove(random: Random): Move {
	const roll = random.next();
	if (roll < 0.35) {
		return {kind: 'solution'};
	}

	if (roll < 0.5) {
		return {kind: 'hint'};
	}

	if (roll < 0.52) {
		return {kind: 'reset'};
	}

	return {kind: 'line', line: random.pick(pool)};
}

async function reachable(session: LessonSession): Promise<Set<string>> {
	const result = await runGit(['--git-dir', session.sandbox.online, 'rev-list', '--branches', '--'], {cwd: session.sandbox.online, env: session.sandbox.env, internal: true});
	return new Set(result.stdout.split('\n').filter(Boolean));
}

/** Where every branch and tag of the warehouse is, as one text. */
async function warehouseTips(session: LessonSession): Promise<string> {
	const result = await runGit(['--git-dir', session.sandbox.online, 'for-each-ref', '--format=%(refname) %(objectname)'], {cwd: session.sandbox.online, env: session.sandbox.env, internal: true});
	return result.stdout;
}

async function author(session: LessonSession, oid: string): Promise<string> {
	const result = await runGit(['--git-dir', session.sandbox.online, 'log', '-1', '--format=%an', oid, '--'], {cwd: session.sandbox.online, env: session.sandbox.env, internal: true});
	return result.stdout.trim();
}

/** Checks that depend only on the state now (not on the last command or where the step began). */
function stateOnly(check: Check): boolean {
	if (check.check === 'markers') {
		return check.where !== 'newCommits';
	}

	return check.check === 'not' ? stateOnly(check.of) : !['ran', 'newCommits', 'onlineKept', 'showedLostBox'].includes(check.check);
}

/** The command a hint ends in ("Type: git push   (after ...)" gives git push). */
function hintCommand(hint: string): string | undefined {
	const typed = /^Type: (.+)$/.exec(hint)?.[1];
	return typed?.split(/ {3}| then: /)[0]?.trim();
}

const thrownAway = /\b(threw|thrown)\b.*\b(away|out)\b|force push (threw|lost)/i;

/** The line was a git push that succeeded. */
const pushSucceeded = (report: Awaited<ReturnType<LessonSession['run']>>) => report.result.kind === 'git' && report.result.args.subcommand === 'push' && report.result.result.exitCode === 0;

async function play(lesson: Lesson, seed: number, branch: string, t: import('ava').ExecutionContext): Promise<void> {
	// Each lesson its own sequences, the same every run.
	const random = seededRandom([...lesson.id].reduce((sum, letter) => (sum * 31) + letter.codePointAt(0)!, seed) >>> 0);
	const played: string[] = [];
	const where = () => `${lesson.id} seed ${seed} (${branch}), after: ${played.join(' ; ')}`;
	let session = await LessonSession.start(lesson, sessionOptions(lessons, branch));
	let held = await reachable(session);
	let forgiven = new Set<string>();
	try {
		for (let turn = 0; turn < commandsEach && !session.complete; turn++) {
			const move = drawMove(random);
			if (move.kind === 'reset') {
				played.push('reset');
				session = await session.reset();
				held = await reachable(session);
				forgiven = new Set();
				continue;
			}

			let line: string;
			if (move.kind === 'hint') {
				const last = session.hints().at(-1) ?? '';
				const command = hintCommand(last);
				if (command === undefined || command === 'reset') {
					continue;
				}

				line = command;
			} else if (move.kind === 'solution') {
				const step = session.lesson.steps[session.step]!;
				line = random.pick(step.solution);
			} else {
				line = move.line.replaceAll('{branch}', branch);
			}

			played.push(line);
			const stepBefore = session.step;
			const replaceStep = session.lesson.steps[stepBefore]?.mayReplaceOwnBoxes ?? false;
			const tipsBefore = await warehouseTips(session);
			const report = await session.run(line);
			if (move.kind === 'hint') {
				t.not(report.result.kind, 'refused', `the hint "${line}" was refused: ${where()}`);
				const exitCode = report.result.kind === 'git' ? report.result.result.exitCode : 0;
				// 129 is a usage error; 128 a command git could not carry out, fine only where the step asks to see a failure.
				const wantsFailure = session.lesson.steps[stepBefore]?.passWhen.some(check => check.check === 'ran' && check.result === 'failed') ?? false;
				t.false(exitCode === 129 || (exitCode === 128 && !wantsFailure), `git did not accept the hint "${line}" (exit ${exitCode}): ${where()}`);
			}

			// A push that changed the warehouse with force is marked (a drill's run then is not clean) unless the step asks for a lease and got one.
			const moved = (await warehouseTips(session)) !== tipsBefore;
			if (pushSucceeded(report) && moved && /--force(?!-with-lease)|\s-f\b|\s\+/.test(line)) {
				t.truthy(report.forced, `a plain force was not marked: ${where()}`);
			} else if (pushSucceeded(report) && moved && /--force-with-lease/.test(line)) {
				t.is(report.forced !== undefined, !replaceStep, `a lease was marked ${replaceStep ? 'where the step asked for it' : 'as asked where no step asked'}: ${where()}`);
			} else {
				t.is(report.forced, undefined, `marked as forced: ${where()}`);
			}

			// The warehouse's loss, as the test sees it with its own git call.
			const now = await reachable(session);
			const lost = [...held].filter(oid => !now.has(oid) && !forgiven.has(oid));
			const pushed = pushSucceeded(report);
			if (replaceStep && pushed) {
				const ownOnly = (await Promise.all(lost.map(async oid => author(session, oid)))).every(name => name === 'Learner');
				if (ownOnly) {
					for (const oid of lost) {
						forgiven.add(oid);
					}
				}
			}

			const standing = lost.filter(oid => !forgiven.has(oid));
			t.deepEqual(new Set(session.loss?.boxes.map(box => box.oid) ?? []), new Set(standing), `the loss reported is not the warehouse's: ${where()}`);
			const nudge = report.outcome?.kind === 'stay' ? report.outcome.nudge ?? '' : '';
			if (standing.length === 0) {
				t.notRegex(nudge, thrownAway, `called something thrown away when nothing was lost: ${where()}`);
			} else if (report.outcome !== undefined) {
				// A line that ran nothing (refused) gets no verdict; every one that ran says the loss first.
				t.regex(nudge, /^⚠/, `a standing loss is not said first: ${where()}`);
			}

			// The verdict came before the new step's own events (Sam ships meanwhile), which change the state.
			const eventsSince = (session.lesson.steps[session.step]?.onStart.length ?? 0) > 0;
			if (report.outcome?.kind === 'advance') {
				t.is(standing.length, 0, `a step passed while the warehouse misses boxes: ${where()}`);
			}

			if (report.outcome?.kind === 'advance' && !eventsSince) {
				const context: CheckContext = {state: session.state, last: {}, stepStartHead: undefined, stepStartWarehouse: undefined};
				for (const index of report.outcome.passed) {
					for (const check of session.lesson.steps[index]!.passWhen.filter(candidate => stateOnly(candidate))) {
						t.true(holds(check, context), `step ${index + 1} passed though ${JSON.stringify(check)} does not hold: ${where()}`);
					}
				}
			}

			if (session.step !== stepBefore) {
				// A new step starts from the warehouse as it is (its own events included).
				held = now;
				forgiven = new Set();
			} else {
				for (const oid of now) {
					held.add(oid);
				}
			}
		}
	} finally {
		await session.dispose();
	}
}

for (const lesson of lessons) {
	test.serial(`free play in ${lesson.id}: true, never stuck, with every lost box reported`, async t => {
		for (let seed = 1; seed <= seedsEach; seed++) {
			await play(lesson, seed, seed % 2 === 0 ? 'master' : 'main', t);
		}
	});
}

for (const name of drillNames) {
	test.serial(`free play in the ${name} drill: true, never stuck, with every lost box reported`, async t => {
		for (let seed = 1; seed <= seedsEach; seed++) {
			await play(practiceLesson(name, seed * 7919), seed, 'main', t);
		}
	});
}
