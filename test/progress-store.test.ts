import path from 'node:path';
import process from 'node:process';
import test from 'ava';
import {memoryProgressFs} from './helpers/memory-progress-fs.ts';
import {
	createProgressStore,
	defaultProgressFile,
	emptyProgress,
	maxRunsKept,
	type ProgressFs,
} from '../source/progress/progress-store.ts';
import type {DrillRun} from '../source/practice/score.ts';

const dir = '/home/learner/.config/git-push-tutor';
const file = `${dir}/progress.json`;
const monday = new Date('2025-03-03T10:00:00.000Z');
const tuesday = new Date('2025-03-04T11:30:00.000Z');

function setup(files: Record<string, string> = {}) {
	const {volume: vol, memory: memfs, fs} = memoryProgressFs(files);
	const read = (target: string) => String(memfs.readFileSync(target, 'utf8'));
	const exists = (target: string) => memfs.existsSync(target);
	const list = (target: string) => (memfs.readdirSync(target) as string[]).sort();
	return {vol, fs, read, exists, list};
}

function codedError(code: string): NodeJS.ErrnoException {
	const error: NodeJS.ErrnoException = new Error(`${code}: simulated failure`);
	error.code = code;
	return error;
}

function savedJson(text: string) {
	return {version: 1, completed: {}, drills: {}, ...JSON.parse(text) as object};
}

test('a missing file means empty progress and no warning', t => {
	const {fs, exists} = setup();
	const store = createProgressStore({file, fs});
	const result = store.load();
	t.deepEqual(result.progress, emptyProgress());
	t.is(result.warning, undefined);
	t.is(store.file, file);
	// Just looking must not create anything on disk.
	t.false(exists(dir));
});

test('a completed lesson is saved and loaded by a new store', t => {
	const {fs, read} = setup();
	const saved = createProgressStore({file, fs}).markLessonComplete('first-commit', monday);
	t.is(saved.warning, undefined);
	t.deepEqual(saved.progress.completed, {'first-commit': {firstCompletedAt: '2025-03-03T10:00:00.000Z', timesCompleted: 1}});

	const loaded = createProgressStore({file, fs}).load();
	t.is(loaded.warning, undefined);
	t.deepEqual(loaded.progress, {
		version: 1,
		completed: {'first-commit': {firstCompletedAt: '2025-03-03T10:00:00.000Z', timesCompleted: 1}},
		drills: {},
	});
	t.deepEqual(JSON.parse(read(file)), loaded.progress);
});

test('the directory is created when it does not exist yet', t => {
	const {fs, exists} = setup();
	const nested = '/no/such/folder/yet/progress.json';
	const result = createProgressStore({file: nested, fs}).markLessonComplete('first-commit', monday);
	t.is(result.warning, undefined);
	t.true(exists(nested));
});

test('replaying a lesson increments the count and keeps the first date', t => {
	const {fs} = setup();
	const store = createProgressStore({file, fs});
	store.markLessonComplete('first-push', monday);
	const result = store.markLessonComplete('first-push', tuesday);
	t.deepEqual(result.progress.completed['first-push'], {firstCompletedAt: monday.toISOString(), timesCompleted: 2});

	const reloaded = createProgressStore({file, fs}).load().progress;
	t.deepEqual(reloaded.completed['first-push'], {firstCompletedAt: monday.toISOString(), timesCompleted: 2});
});

test('marking a lesson re-reads the file so another tutor\'s progress is kept', t => {
	const {fs} = setup();
	const first = createProgressStore({file, fs});
	first.load();

	const second = createProgressStore({file, fs});
	second.markLessonComplete('first-push', monday);
	second.markLessonComplete('stage-files', monday);

	const result = first.markLessonComplete('first-push', tuesday);
	t.deepEqual(result.progress.completed, {
		'first-push': {firstCompletedAt: monday.toISOString(), timesCompleted: 2},
		'stage-files': {firstCompletedAt: monday.toISOString(), timesCompleted: 1},
	});
});

test('drill counts in the file survive marking a lesson', t => {
	const {fs, read} = setup({[file]: JSON.stringify({version: 1, completed: {}, drills: {'fix-rejected-push': 4}})});
	createProgressStore({file, fs}).markLessonComplete('first-push', monday);
	t.deepEqual(savedJson(read(file)).drills, {'fix-rejected-push': 4});
});

test('a lesson id like __proto__ is stored as an ordinary key', t => {
	const {fs} = setup();
	const result = createProgressStore({file, fs}).markLessonComplete('__proto__', monday);
	t.true(Object.hasOwn(result.progress.completed, '__proto__'));
	const loaded = createProgressStore({file, fs}).load().progress;
	t.true(Object.hasOwn(loaded.completed, '__proto__'));
	t.is(Object.getPrototypeOf(loaded.completed), Object.prototype);
});

test('corrupt JSON starts fresh, keeps the old file as .corrupt, and the next save works', t => {
	const {fs, read, exists} = setup({[file]: '{"version": 1, "completed": {'});
	const store = createProgressStore({file, fs});
	const result = store.load();

	t.deepEqual(result.progress, emptyProgress());
	t.truthy(result.warning);
	t.true(result.warning!.includes(file), result.warning);
	t.true(result.warning!.includes('progress starts fresh'), result.warning);
	t.true(result.warning!.includes(`${file}.corrupt`), result.warning);
	t.false(result.warning!.includes('\n'), 'one short message, no stack trace');
	t.is(read(`${file}.corrupt`), '{"version": 1, "completed": {');

	const saved = store.markLessonComplete('first-push', monday);
	t.is(saved.warning, undefined);
	t.deepEqual(savedJson(read(file)).completed, {'first-push': {firstCompletedAt: monday.toISOString(), timesCompleted: 1}});
	t.true(exists(`${file}.corrupt`), 'the corrupt copy is never deleted');
});

test('only text that is not JSON at all is moved aside as .corrupt', t => {
	for (const content of ['', 'not json', '{"version": 2, "completed": {']) {
		const {fs, read, exists} = setup({[file]: content});
		const store = createProgressStore({file, fs});
		const result = store.load();
		t.deepEqual(result.progress, emptyProgress(), content);
		t.true(result.warning?.includes(`${file}.corrupt`), `${content}: ${result.warning}`);
		t.is(read(`${file}.corrupt`), content);
		t.false(exists(file), content);
		t.false(store.isMemoryOnly(), `${content}: the next save can go to the file`);
	}
});

test('progress from a newer version is left as it is, with a warning, and never written over', t => {
	const newer = JSON.stringify({version: 2, completed: {'first-push': {firstCompletedAt: monday.toISOString(), timesCompleted: 3}}, badges: ['rebase']});
	const {fs, read, exists} = setup({[file]: newer});
	const store = createProgressStore({file, fs});
	const loaded = store.load();
	t.deepEqual(loaded.progress, emptyProgress());
	t.is(loaded.warning, `Your saved progress at ${file} was written by a newer git-push-tutor; it is left as it is, and this session's progress is kept in memory only. Use the newer git-push-tutor to go on from it.`);
	t.true(store.isMemoryOnly());

	// The session still counts what the learner does, but only in memory.
	store.markLessonComplete('remote', tuesday);
	const marked = store.markDrillComplete('recover');
	t.is(marked.progress.completed['remote']?.timesCompleted, 1);
	t.deepEqual(marked.progress.drills, {recover: 1});
	t.true(marked.warning?.includes('newer git-push-tutor'), marked.warning);
	t.true(store.isMemoryOnly());
	t.is(read(file), newer, 'the newer file is not written over');
	t.false(exists(`${file}.corrupt`), 'nor moved aside');
});

test('JSON that is not a progress file of ours is left as it is, and progress stays in memory', t => {
	const cases = ['[]', 'null', '"progress"', '{}', '{"version": "1", "completed": {}}', '{"version": 0}', '{"name": "my-project", "version": "1.0.0"}'];
	for (const content of cases) {
		const {fs, read, exists} = setup({[file]: content});
		const store = createProgressStore({file, fs});
		const loaded = store.load();
		t.deepEqual(loaded.progress, emptyProgress(), content);
		t.is(loaded.warning, `${file} does not hold git-push-tutor progress; it is left as it is, and this session's progress is kept in memory only. Move that file away to save progress again.`, content);
		const marked = store.markLessonComplete('first-push', monday);
		t.is(marked.progress.completed['first-push']?.timesCompleted, 1, content);
		t.true(store.isMemoryOnly(), content);
		t.is(read(file), content, 'the file is not written over');
		t.false(exists(`${file}.corrupt`), `${content} is not moved aside`);
	}
});

test('isMemoryOnly says whether this session\'s progress reached the file', t => {
	const {fs} = setup();
	const store = createProgressStore({file, fs});
	store.load();
	t.false(store.isMemoryOnly(), 'nothing to save yet, and nothing stands in the way');

	const realWrite = fs.writeFileSync;
	fs.writeFileSync = () => {
		throw codedError('EACCES');
	};

	store.markLessonComplete('first-push', monday);
	t.true(store.isMemoryOnly(), 'the save failed');
	store.load();
	t.true(store.isMemoryOnly(), 'loading again does not save the lesson');

	fs.writeFileSync = realWrite;
	store.markDrillComplete('recover');
	t.false(store.isMemoryOnly(), 'the next save wrote everything, the earlier lesson too');
	t.deepEqual(Object.keys(createProgressStore({file, fs}).load().progress.completed), ['first-push']);
});

test('entries of the wrong type are dropped one by one, the rest is kept', t => {
	const content = JSON.stringify({
		version: 1,
		completed: {
			good: {firstCompletedAt: '2025-01-02T03:04:05.000Z', timesCompleted: 3},
			'count-is-text': {firstCompletedAt: '2025-01-02T03:04:05.000Z', timesCompleted: '3'},
			'count-is-zero': {firstCompletedAt: '2025-01-02T03:04:05.000Z', timesCompleted: 0},
			'count-is-fraction': {firstCompletedAt: '2025-01-02T03:04:05.000Z', timesCompleted: 1.5},
			'no-date': {timesCompleted: 1},
			'not-a-date': {firstCompletedAt: 'yesterday-ish', timesCompleted: 1},
			'is-null': null,
			'is-array': [1, 2],
		},
		drills: {good: 2, zero: 0, negative: -1, text: 'two', fraction: 0.5, nested: {count: 1}},
		extra: 'ignored',
	});
	const {fs, exists} = setup({[file]: content});
	const result = createProgressStore({file, fs}).load();

	t.deepEqual(result.progress, {
		version: 1,
		completed: {good: {firstCompletedAt: '2025-01-02T03:04:05.000Z', timesCompleted: 3}},
		drills: {good: 2, zero: 0},
	});
	t.true(result.warning?.includes('not understood'), result.warning);
	t.true(result.warning?.includes(file), result.warning);
	// The good entries are still in the file, so it must not be moved aside.
	t.true(exists(file));
	t.false(exists(`${file}.corrupt`));
});

test('completed or drills of the wrong type become empty', t => {
	const {fs} = setup({[file]: JSON.stringify({version: 1, completed: [1, 2], drills: 'lots'})});
	const result = createProgressStore({file, fs}).load();
	t.deepEqual(result.progress, emptyProgress());
	t.truthy(result.warning);
});

test('an older file without drills loads without a warning', t => {
	const {fs} = setup({[file]: JSON.stringify({version: 1, completed: {a: {firstCompletedAt: monday.toISOString(), timesCompleted: 1}}})});
	const result = createProgressStore({file, fs}).load();
	t.is(result.warning, undefined);
	t.deepEqual(result.progress.drills, {});
	t.is(result.progress.completed['a']?.timesCompleted, 1);
});

test('a write failure keeps progress in memory, warns, and leaves no temp file', t => {
	const original = JSON.stringify({version: 1, completed: {old: {firstCompletedAt: monday.toISOString(), timesCompleted: 1}}, drills: {}});
	const {fs, read, list} = setup({[file]: original});
	fs.writeFileSync = () => {
		throw codedError('EACCES');
	};

	const store = createProgressStore({file, fs});
	const result = store.markLessonComplete('first-push', tuesday);
	t.deepEqual(result.progress.completed, {
		old: {firstCompletedAt: monday.toISOString(), timesCompleted: 1},
		'first-push': {firstCompletedAt: tuesday.toISOString(), timesCompleted: 1},
	});
	t.is(result.warning, `Could not save progress to ${file} (permission denied); this session's progress is kept in memory only.`);
	t.is(read(file), original);
	t.deepEqual(list(dir), ['progress.json']);

	// The session keeps counting even though nothing reaches the disk.
	const again = store.markLessonComplete('first-push', tuesday);
	t.is(again.progress.completed['first-push']?.timesCompleted, 2);
	t.is(store.load().progress.completed['first-push']?.timesCompleted, 2);
});

test('a write that fails halfway (disk full) removes the partial temp file', t => {
	const {fs, list, read} = setup({[file]: JSON.stringify(emptyProgress())});
	const realWrite = fs.writeFileSync;
	fs.writeFileSync = target => {
		realWrite(target, '{"vers');
		throw codedError('ENOSPC');
	};

	const result = createProgressStore({file, fs}).markLessonComplete('first-push', monday);
	t.regex(result.warning ?? '', /the disk is full/);
	t.deepEqual(list(dir), ['progress.json']);
	t.deepEqual(JSON.parse(read(file)), emptyProgress());
	t.is(result.progress.completed['first-push']?.timesCompleted, 1);
});

test('a failed rename keeps the old file intact and removes the temp file', t => {
	const original = JSON.stringify(emptyProgress());
	const {fs, list, read} = setup({[file]: original});
	fs.renameSync = () => {
		throw codedError('EPERM');
	};

	const result = createProgressStore({file, fs}).markLessonComplete('first-push', monday);
	t.true(result.warning?.includes('kept in memory only'), result.warning);
	t.is(read(file), original);
	t.deepEqual(list(dir), ['progress.json']);
});

test('a directory that cannot be created gives a warning, not a crash', t => {
	const {fs} = setup();
	fs.mkdirSync = () => {
		throw codedError('EROFS');
	};

	const result = createProgressStore({file, fs}).markLessonComplete('first-push', monday);
	t.is(result.warning, `Could not save progress to ${file} (the disk is read-only); this session's progress is kept in memory only.`);
	t.is(result.progress.completed['first-push']?.timesCompleted, 1);
});

test('the file is only ever replaced by renaming a complete temp file over it', t => {
	const before = JSON.stringify({version: 1, completed: {old: {firstCompletedAt: monday.toISOString(), timesCompleted: 1}}, drills: {}});
	const {fs, read} = setup({[file]: before});
	const realWrite = fs.writeFileSync;
	const realRename = fs.renameSync;
	const written: string[] = [];
	const renames: Array<{from: string; to: string; tempContent: string; targetBefore: string}> = [];

	fs.writeFileSync = (target, data, options) => {
		// The lock file that keeps two tutors from saving at once is not progress.
		if (!String(target).endsWith('.lock')) {
			written.push(String(target));
		}

		realWrite(target, data, options);
	};

	fs.renameSync = (from, to) => {
		renames.push({from: String(from), to: String(to), tempContent: read(String(from)), targetBefore: read(String(to))});
		realRename(from, to);
	};

	createProgressStore({file, fs}).markLessonComplete('first-push', tuesday);

	t.false(written.includes(file), 'progress.json itself is never written in place');
	t.is(renames.length, 1);
	const [rename] = renames;
	t.is(rename!.to, file);
	t.is(path.dirname(rename!.from), dir, 'temp file is in the same directory');
	t.true(rename!.from.startsWith(`${file}.${process.pid}.`), rename!.from);
	t.true(rename!.from.endsWith('.tmp'), rename!.from);
	t.deepEqual(written, [rename!.from]);
	t.is(rename!.targetBefore, before, 'old progress is untouched until the rename');
	t.is(JSON.parse(rename!.tempContent).completed['first-push'].timesCompleted, 1, 'temp file is complete before the rename');
	t.is(read(file), rename!.tempContent);
});

test('an unreadable file gives a warning, never throws, and is not overwritten', t => {
	const original = JSON.stringify({version: 1, completed: {old: {firstCompletedAt: monday.toISOString(), timesCompleted: 5}}, drills: {}});
	const {fs, read, exists} = setup({[file]: original});
	const realRead = fs.readFileSync;
	fs.readFileSync = ((target: string, options: BufferEncoding) => {
		if (target === file) {
			throw codedError('EACCES');
		}

		return realRead(target, options);
	}) as ProgressFs['readFileSync'];

	const store = createProgressStore({file, fs});
	const loaded = store.load();
	t.deepEqual(loaded.progress, emptyProgress());
	t.true(loaded.warning?.includes(file), loaded.warning);
	t.true(loaded.warning?.includes('permission denied'), loaded.warning);

	const marked = store.markLessonComplete('first-push', monday);
	t.is(marked.progress.completed['first-push']?.timesCompleted, 1);
	t.true(marked.warning?.includes('kept in memory only'), marked.warning);
	t.is(read(file), original, 'progress we could not read is not replaced');
	t.false(exists(`${file}.corrupt`));
});

test('a corrupt file that cannot be moved aside is left alone and progress stays in memory', t => {
	const {fs, read} = setup({[file]: 'not json'});
	fs.renameSync = () => {
		throw codedError('EACCES');
	};

	const store = createProgressStore({file, fs});
	const loaded = store.load();
	t.deepEqual(loaded.progress, emptyProgress());
	t.true(loaded.warning?.includes('could not be moved aside'), loaded.warning);
	t.true(loaded.warning?.includes('permission denied'), loaded.warning);

	const marked = store.markLessonComplete('first-push', monday);
	t.is(marked.progress.completed['first-push']?.timesCompleted, 1);
	t.true(marked.warning?.includes('kept in memory only'), marked.warning);
	t.is(read(file), 'not json');
});

test('a completed drill is counted, saved and loaded by a new store', t => {
	const {fs, read} = setup();
	const store = createProgressStore({file, fs});
	t.deepEqual(store.markDrillComplete('recover').progress.drills, {recover: 1});
	const result = store.markDrillComplete('recover');
	t.is(result.warning, undefined);
	t.deepEqual(result.progress.drills, {recover: 2});
	t.deepEqual(store.markDrillComplete('force').progress.drills, {recover: 2, force: 1});

	const loaded = createProgressStore({file, fs}).load();
	t.is(loaded.warning, undefined);
	t.deepEqual(loaded.progress.drills, {recover: 2, force: 1});
	t.deepEqual(JSON.parse(read(file)), loaded.progress);
});

test('marking a drill keeps completed lessons and re-reads the file for another tutor\'s progress', t => {
	const {fs, read} = setup({[file]: JSON.stringify({version: 1, completed: {recover: {firstCompletedAt: monday.toISOString(), timesCompleted: 1}}, drills: {recover: 4}})});
	const first = createProgressStore({file, fs});
	first.load();
	const second = createProgressStore({file, fs});
	second.markDrillComplete('force');
	second.markLessonComplete('force', tuesday);

	const result = first.markDrillComplete('recover');
	t.deepEqual(result.progress.drills, {recover: 5, force: 1});
	t.deepEqual(Object.keys(result.progress.completed).sort(), ['force', 'recover']);
	t.deepEqual(savedJson(read(file)).drills, {recover: 5, force: 1});
});

test('a drill is saved by renaming a complete temp file over the progress file', t => {
	const {fs, read, list} = setup({[file]: JSON.stringify(emptyProgress())});
	const realRename = fs.renameSync;
	const renames: string[] = [];
	fs.renameSync = (from, to) => {
		renames.push(`${String(from)} → ${String(to)}`);
		realRename(from, to);
	};

	createProgressStore({file, fs}).markDrillComplete('conflict');
	t.is(renames.length, 1);
	t.true(renames[0]!.startsWith(`${file}.${process.pid}.`), renames[0]);
	t.true(renames[0]!.endsWith(`.tmp → ${file}`), renames[0]);
	t.deepEqual(list(dir), ['progress.json']);
	t.deepEqual(savedJson(read(file)).drills, {conflict: 1});
});

test('a drill that cannot be saved is still counted in memory, with a warning', t => {
	const {fs} = setup();
	fs.writeFileSync = () => {
		throw codedError('ENOSPC');
	};

	const store = createProgressStore({file, fs});
	const result = store.markDrillComplete('pull-first');
	t.is(result.warning, `Could not save progress to ${file} (the disk is full); this session's progress is kept in memory only.`);
	t.deepEqual(result.progress.drills, {'pull-first': 1});
	t.deepEqual(store.markDrillComplete('pull-first').progress.drills, {'pull-first': 2});
	t.deepEqual(store.load().progress.drills, {'pull-first': 2});
});

test('a drill is not written over progress that could not be read', t => {
	const {fs, read} = setup({[file]: 'not json'});
	fs.renameSync = () => {
		throw codedError('EACCES');
	};

	const result = createProgressStore({file, fs}).markDrillComplete('recover');
	t.deepEqual(result.progress.drills, {recover: 1});
	t.true(result.warning?.includes('kept in memory only'), result.warning);
	t.is(read(file), 'not json');
});

test('a drill name like __proto__ is stored as an ordinary key', t => {
	const {fs} = setup();
	const result = createProgressStore({file, fs}).markDrillComplete('__proto__');
	t.true(Object.hasOwn(result.progress.drills, '__proto__'));
	t.is(createProgressStore({file, fs}).load().progress.drills['__proto__'], 1);
});

test('GIT_PUSH_TUTOR_PROGRESS chooses the progress file', t => {
	t.is(defaultProgressFile({GIT_PUSH_TUTOR_PROGRESS: '/classroom/alex/progress.json'}), '/classroom/alex/progress.json');
	t.is(defaultProgressFile({GIT_PUSH_TUTOR_PROGRESS: 'relative/progress.json'}), path.resolve('relative/progress.json'));
});

test('without the variable the file lives in the per-user config folder', t => {
	const file = defaultProgressFile({});
	t.true(file.endsWith(path.join('git-push-tutor', 'progress.json')), file);
	t.true(path.isAbsolute(file), file);
	t.false(file.includes('nodejs'), 'no env-paths suffix');
});

test('on Linux the config folder follows XDG_CONFIG_HOME', t => {
	if (process.platform !== 'linux') {
		t.pass('XDG_CONFIG_HOME only applies on Linux');
		return;
	}

	// env-paths reads process.env itself, so set it there and restore it before anything else runs.
	const previous = process.env['XDG_CONFIG_HOME'];
	process.env['XDG_CONFIG_HOME'] = '/tmp/xdg-config-test';
	try {
		t.is(defaultProgressFile({}), '/tmp/xdg-config-test/git-push-tutor/progress.json');
	} finally {
		if (previous === undefined) {
			delete process.env['XDG_CONFIG_HOME'];
		} else {
			process.env['XDG_CONFIG_HOME'] = previous;
		}
	}
});

test('the branch chosen with --branch is remembered for the next start; a file without it still loads', t => {
	const {fs, read} = setup({[file]: JSON.stringify({version: 1, completed: {}, drills: {}})});
	const store = createProgressStore({file, fs});
	t.is(store.load().progress.branch, undefined);
	store.rememberBranch('master');
	t.is(JSON.parse(read(file)).branch, 'master');
	const later = createProgressStore({file, fs});
	t.is(later.load().progress.branch, 'master');
	later.rememberBranch('main');
	t.is(createProgressStore({file, fs}).load().progress.branch, 'main');
	// Something that is not a branch name is dropped, never used.
	const odd = setup({[file]: JSON.stringify({version: 1, completed: {}, drills: {}, branch: '../../x y'})});
	t.is(createProgressStore({file, fs: odd.fs}).load().progress.branch, undefined);
});

test('the step a lesson was left at is remembered, and completing the lesson forgets it', t => {
	const {fs} = setup();
	const store = createProgressStore({file, fs});
	store.rememberStep('push', 2);
	t.is(createProgressStore({file, fs}).load().progress.reached?.['push'], 2);
	store.markLessonComplete('push', monday);
	t.is(createProgressStore({file, fs}).load().progress.reached?.['push'], undefined);
	store.rememberStep('add', 1);
	store.rememberStep('add', 0);
	t.is(createProgressStore({file, fs}).load().progress.reached?.['add'], undefined);
});

// ---- Drill runs ----

function drillRun(at: Date, fields: Partial<DrillRun> = {}): DrillRun {
	return {at: at.toISOString(), seed: 7, score: 90, commands: 5, reference: 4, hints: 0, forced: false, lost: false, twice: false, seconds: 95, challenge: false, ...fields};
}

test('each drill keeps its newest runs, oldest first, saved and loaded by a new store', t => {
	const {fs, read} = setup();
	const store = createProgressStore({file, fs});
	store.markDrillComplete('recover', drillRun(monday));
	const result = store.markDrillComplete('recover', drillRun(tuesday, {score: 100, forced: true}));
	t.is(result.warning, undefined);
	t.deepEqual(result.progress.drills, {recover: 2});
	t.deepEqual(result.progress.drillRuns?.['recover']?.map(run => run.at), [monday.toISOString(), tuesday.toISOString()]);
	const loaded = createProgressStore({file, fs}).load();
	t.is(loaded.warning, undefined);
	t.deepEqual(loaded.progress.drillRuns, result.progress.drillRuns);
	t.deepEqual(JSON.parse(read(file)).drillRuns.recover[1], drillRun(tuesday, {score: 100, forced: true}));

	// At most maxRunsKept: the oldest go first; the count of drills done still counts them all.
	for (let day = 1; day <= maxRunsKept + 5; day++) {
		store.markDrillComplete('recover', drillRun(new Date(tuesday.getTime() + (day * 86_400_000))));
	}

	const kept = createProgressStore({file, fs}).load().progress;
	t.is(kept.drillRuns?.['recover']?.length, maxRunsKept);
	t.is(kept.drills['recover'], maxRunsKept + 7);
	t.true(Date.parse(kept.drillRuns!['recover']![0]!.at) > tuesday.getTime());
});

test('a file written before drill runs were kept still loads, and gains runs', t => {
	const older = JSON.stringify({version: 1, completed: {recover: {firstCompletedAt: monday.toISOString(), timesCompleted: 1}}, drills: {recover: 3}});
	const {fs} = setup({[file]: older});
	const store = createProgressStore({file, fs});
	const loaded = store.load();
	t.is(loaded.warning, undefined);
	t.deepEqual(loaded.progress.drills, {recover: 3});
	t.is(loaded.progress.drillRuns, undefined);
	const saved = store.markDrillComplete('recover', drillRun(tuesday));
	t.deepEqual(saved.progress.drills, {recover: 4});
	t.is(saved.progress.drillRuns?.['recover']?.length, 1);
});

test('runs that are not understood are skipped with a warning; the rest loads', t => {
	const text = JSON.stringify({version: 1, completed: {}, drills: {}, drillRuns: {
		recover: [drillRun(monday), {...drillRun(tuesday), score: 'high'}, {...drillRun(tuesday), at: 'someday'}, 'run'],
		force: 'lots',
	}});
	const {fs} = setup({[file]: text});
	const loaded = createProgressStore({file, fs}).load();
	t.true(loaded.warning?.includes('were not understood'), loaded.warning);
	t.deepEqual(loaded.progress.drillRuns?.['recover'], [drillRun(monday)]);
	t.false(Object.hasOwn(loaded.progress.drillRuns ?? {}, 'force'));
});

test('two tutors saving drill runs keep both runs', t => {
	const {fs} = setup();
	const first = createProgressStore({file, fs});
	const second = createProgressStore({file, fs});
	first.load();
	second.load();
	first.markDrillComplete('force', drillRun(monday));
	second.markDrillComplete('force', drillRun(tuesday));
	t.deepEqual(createProgressStore({file, fs}).load().progress.drillRuns?.['force']?.map(run => run.at), [monday.toISOString(), tuesday.toISOString()]);
});
