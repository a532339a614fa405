// The address drill played along the other roads a learner takes: renaming instead of shipping
// under the other name, removing and adding instead of correcting the address, going straight to
// the answer, and the nudges on the way. The generic tests in practice.test.ts play the solutions.
import test from 'ava';
import {generateDrill} from '../source/practice/practice-lesson.ts';
import {githubUrl} from '../source/sandbox/sandbox-config.ts';
import {LessonSession} from '../source/tutor/lesson-session.ts';
import {sessionOptions} from './helpers/lessons.ts';
import {seedOf} from './helpers/drills.ts';


async function play(variant: string, work: (session: LessonSession, variantText: string) => Promise<void>) {
	const {lesson, variant: text} = generateDrill('address', seedOf('address', variant));
	const session = await LessonSession.start(lesson, sessionOptions([]));
	try {
		await work(session, text);
	} finally {
		await session.dispose();
	}
}

const nudgeOf = async (session: LessonSession, line: string) => {
	const report = await session.run(line);
	return report.outcome?.kind === 'stay' ? report.outcome.nudge ?? '' : '';
};

const lastHint = (session: LessonSession) => session.hints().at(-1) ?? '';

test.serial('no destination: a failed push points to the list; a name other than origin is renamed; the route must be saved', async t => {
	await play('no destination', async session => {
		t.regex(await nudgeOf(session, 'git push'), /knows no destination at all/);
		t.is(lastHint(session), 'Type: git remote -v');
		await session.run('git remote -v');
		t.is(session.step, 1);
		t.regex(await nudgeOf(session, `git remote add github ${githubUrl}`), /another name \(github\)/);
		t.is(lastHint(session), 'Type: git remote rename github origin');
		await session.run('git remote rename github origin');
		t.is(session.step, 2);
		t.regex(await nudgeOf(session, 'git push origin main'), /route was not saved/);
		await session.run('git push -u origin main');
		t.true(session.complete);
	});
});

test.serial('no destination: adding origin at once skips the look at the list', async t => {
	await play('no destination', async session => {
		await session.run(`git remote add origin ${githubUrl}`);
		t.is(session.step, 2);
		await session.run('git push -u origin main');
		t.true(session.complete);
	});
});

test.serial('no destination: a mistyped origin saved before looking is corrected from the first step', async t => {
	await play('no destination', async session => {
		t.regex(await nudgeOf(session, 'git remote add origin https://github.com/learner/shipmnet.git'), /not the warehouse/);
		t.is(lastHint(session), `Type: git remote set-url origin ${githubUrl}`);
		await session.run(`git remote set-url origin ${githubUrl}`);
		t.is(session.step, 2);
	});
});

test.serial('no upstream on a new branch: the plain push fails, a push without -u is nudged, back on the branch it passes', async t => {
	await play('no upstream, new branch', async (session, variant) => {
		const name = /new branch ([\w-]+)/.exec(variant)![1]!;
		t.regex(await nudgeOf(session, 'git checkout main'), new RegExp(`Go back to ${name}`));
		await session.run(`git checkout ${name}`);
		await session.run('git push');
		t.is(session.step, 1);
		t.regex(await nudgeOf(session, `git push origin ${name}`), /route was not saved/);
		t.is(lastHint(session), `Type: git push -u origin ${name}`);
		await session.run(`git push -u origin ${name}`);
		t.true(session.complete);
	});
});

test.serial('no upstream, first shipment: going straight to -u does both steps', async t => {
	await play('no upstream, first shipment', async session => {
		await session.run('git push -u origin main');
		t.true(session.complete);
	});
});

test.serial('wrong name: renaming to origin passes as well as shipping under the name it has', async t => {
	await play('wrong name', async (session, variant) => {
		const name = variant.split(', ')[1]!;
		await session.run('git push -u origin main');
		t.is(session.step, 1);
		await session.run('git remote -v');
		t.is(session.step, 2);
		t.regex(await nudgeOf(session, 'git push -u orign main'), /no destination by that name/);
		t.is(lastHint(session), `Type: git remote rename ${name} origin`);
		await session.run(`git remote rename ${name} origin`);
		t.regex(await nudgeOf(session, 'git push'), /No route is saved/);
		await session.run('git push -u origin main');
		t.true(session.complete);
	});

	await play('wrong name', async (session, variant) => {
		const name = variant.split(', ')[1]!;
		await session.run(`git push -u ${name} main`);
		t.true(session.complete, 'shipping under the name it has, straight away');
	});
});

test.serial('wrong address: adding origin again is nudged to a correction; removing and adding passes too', async t => {
	await play('wrong address', async session => {
		await session.run('git push -u origin main');
		t.is(session.step, 1);
		await session.run('git remote -v');
		t.is(session.step, 2);
		t.regex(await nudgeOf(session, `git remote add origin ${githubUrl}`), /change where it leads/);
		await session.run('git remote remove origin');
		await session.run(`git remote add origin ${githubUrl}`);
		t.is(session.step, 3);
		await session.run('git push -u origin main');
		t.true(session.complete);
	});
});
