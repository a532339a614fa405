// Progress faults lose nothing: tutors saving at once keep every completion, a second corruption
// keeps the first backup, a file the learner named is never replaced, and a huge file is refused.
import {spawn} from 'node:child_process';
import {mkdtempSync, rmSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import path from 'node:path';
import process from 'node:process';
import {fileURLToPath} from 'node:url';
import test from 'ava';
import {createProgressStore, maxProgressBytes} from '../source/progress/progress-store.ts';
import {memoryProgressFs} from './helpers/memory-progress-fs.ts';

const file = '/home/learner/.config/git-push-tutor/progress.json';
const saver = fileURLToPath(new URL('helpers/save-progress.ts', import.meta.url));

test('four tutors saving at the same moment keep every completion', async t => {
	const dir = mkdtempSync(path.join(tmpdir(), 'gpt-progress-race-'));
	t.teardown(() => {
		rmSync(dir, {recursive: true, force: true});
	});
	const shared = path.join(dir, 'progress.json');
	const tutors = ['a', 'b', 'c', 'd'].map(prefix => spawn(process.execPath, ['--import=tsx', saver, shared, prefix, '25'], {stdio: 'inherit'}));
	// Let them all start and wait, then release them together.
	await new Promise(resolve => {
		setTimeout(resolve, 1500);
	});
	writeFileSync(`${shared}.go`, '');
	const codes = await Promise.all(tutors.map(async child => new Promise(resolve => {
		child.once('exit', resolve);
	})));
	t.deepEqual(codes, [0, 0, 0, 0]);
	const completed = Object.keys(createProgressStore({file: shared}).load().progress.completed);
	t.is(completed.length, 100, `lost: ${['a', 'b', 'c', 'd'].flatMap(prefix => Array.from({length: 25}, (_, index) => `${prefix}-${index}`)).filter(id => !completed.includes(id)).join(' ')}`);
});

test('a second corruption never writes over the first backup', t => {
	const {fs, memory} = memoryProgressFs({[file]: 'first broken text'});
	t.regex(createProgressStore({file, fs}).load().warning ?? '', /kept as .*progress\.json\.corrupt\./);
	memory.writeFileSync(file, 'second broken text');
	const second = createProgressStore({file, fs}).load();
	t.regex(second.warning ?? '', /kept as .*progress\.json\.corrupt-2\./);
	t.is(String(memory.readFileSync(`${file}.corrupt`, 'utf8')), 'first broken text');
	t.is(String(memory.readFileSync(`${file}.corrupt-2`, 'utf8')), 'second broken text');
});

test('a file GIT_PUSH_TUTOR_PROGRESS names that is not JSON is never moved or replaced', t => {
	const {fs, memory} = memoryProgressFs({[file]: '# my notes, not progress\n'});
	const store = createProgressStore({file, fs, named: true});
	t.regex(store.load().warning ?? '', /GIT_PUSH_TUTOR_PROGRESS names, so it is left as it is, and this session's progress is kept in memory only/);
	const saved = store.markLessonComplete('add');
	t.true(Object.hasOwn(saved.progress.completed, 'add'), 'the completion is kept in memory');
	t.true(store.isMemoryOnly());
	t.is(String(memory.readFileSync(file, 'utf8')), '# my notes, not progress\n');
	t.false(memory.existsSync(`${file}.corrupt`));
});

test('an absurdly large progress file is refused with a message, not read', t => {
	const {fs, memory} = memoryProgressFs({[file]: `{"version": 1, "completed": {}, "padding": "${'x'.repeat(maxProgressBytes)}"}`});
	let reads = 0;
	const read = fs.readFileSync;
	fs.readFileSync = ((...args: Parameters<typeof read>) => {
		reads++;
		return read(...args);
	}) as typeof read;
	const store = createProgressStore({file, fs});
	t.regex(store.load().warning ?? '', /is 1 MB, far more than any progress file, so it was not read and is left untouched/);
	t.is(reads, 0);
	store.markLessonComplete('add');
	t.true(store.isMemoryOnly());
	t.true(String(memory.readFileSync(file, 'utf8')).includes('padding'));
});
