// The transcript kept in memory is bounded; the terminal's scrollback keeps what scrolled past.
// End to end: every line is still printed, exactly once, after the oldest were dropped from memory.
import {mkdtempSync, readdirSync, realpathSync, rmSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import path from 'node:path';
import test from 'ava';
import {initialState, maxTranscriptLines, tutorReducer} from '../source/tutor/tutor-state.ts';
import {count, startTutor} from './helpers/pty.ts';
import {shippedLessons} from './helpers/lessons.ts';

test('the transcript in memory keeps only the newest lines, however many are printed', t => {
	let state = initialState(shippedLessons());
	for (let batch = 0; batch < 30; batch++) {
		state = tutorReducer(state, {type: 'print', lines: Array.from({length: 100}, (_, index) => ({tone: 'output' as const, text: `line ${(batch * 100) + index}`}))});
	}

	t.is(state.transcript.length, maxTranscriptLines);
	t.is(state.transcript.at(-1)?.text, 'line 2999');
	t.is(state.transcript.at(-1)?.id, 3000, 'ids keep counting');
	t.is(state.transcript[0]?.text, `line ${3000 - maxTranscriptLines}`);
});

test.serial('after the oldest lines leave memory, every new line is still printed once', async t => {
	const work = realpathSync(mkdtempSync(path.join(tmpdir(), 'gpt-e2e-bound-')));
	const learner = startTutor({args: ['--lesson', 'add', '--workdir', work], rows: 30});
	t.teardown(async () => {
		await learner.kill();
		rmSync(work, {recursive: true, force: true});
	});
	await learner.waitFor('Step 1 of', 20_000, 'screen');
	const repo = path.join(work, readdirSync(work).find(name => name.startsWith('git-push-tutor-'))!, 'shipment');
	writeFileSync(path.join(repo, 'long.txt'), `${Array.from({length: 380}, (_, index) => `long line ${index}`).join('\n')}\nEND OF LONG FILE\n`);
	const times = Math.ceil((maxTranscriptLines * 1.5) / 380);
	for (let index = 0; index < times; index++) {
		await learner.enter('cat long.txt');
		await learner.waitUntil(() => count(learner.scrollback(), 'END OF LONG FILE') === index + 1, `cat number ${index + 1}`);
	}

	await learner.enter('git status --short');
	await learner.waitFor('?? long.txt');
	t.is(count(learner.scrollback(), 'END OF LONG FILE'), times, 'each line printed exactly once');
	t.is(count(learner.scrollback(), '?? long.txt'), 1);
});
