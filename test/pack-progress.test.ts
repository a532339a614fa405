// Progress per pack: an instructor's "add" never marks the built-in "add" done. The built-in
// pack's lessons stay at the top of the file (older files load unchanged); other packs' lessons
// live under "packs", by the pack folder's real path; drills and the branch are shared.
import test from 'ava';
import {createProgressStore} from '../source/progress/progress-store.ts';
import {memoryProgressFs} from './helpers/memory-progress-fs.ts';

const file = '/home/learner/.config/git-push-tutor/progress.json';
const teamPack = '/home/teacher/team-pack';
const otherPack = '/home/teacher/other-pack';
const monday = new Date('2025-03-03T10:00:00.000Z');
const tuesday = new Date('2025-03-04T11:30:00.000Z');
const completion = (at: Date, times = 1) => ({firstCompletedAt: at.toISOString(), timesCompleted: times});

function setup(files: Record<string, string> = {}) {
	const {memory, fs} = memoryProgressFs(files);
	const saved = () => JSON.parse(String(memory.readFileSync(file, 'utf8'))) as Record<string, unknown>;
	return {fs, saved};
}

test('a pack\'s lesson is kept under its key and never marks the built-in lesson of the same id', t => {
	const {fs, saved} = setup();
	const pack = createProgressStore({file, fs, pack: teamPack});
	const result = pack.markLessonComplete('add', monday);
	t.deepEqual(result.progress.completed, {add: completion(monday)});

	t.deepEqual(createProgressStore({file, fs}).load().progress.completed, {}, 'the built-in add is not done');
	t.deepEqual(createProgressStore({file, fs, pack: otherPack}).load().progress.completed, {}, 'nor is another pack\'s');
	t.deepEqual(createProgressStore({file, fs, pack: teamPack}).load().progress.completed, {add: completion(monday)});
	t.deepEqual(saved(), {version: 1, completed: {}, drills: {}, packs: {[teamPack]: {completed: {add: completion(monday)}}}});
});

test('the built-in pack\'s progress stays at the top of the file, with the packs beside it', t => {
	const {fs, saved} = setup();
	createProgressStore({file, fs}).markLessonComplete('add', monday);
	createProgressStore({file, fs, pack: teamPack}).markLessonComplete('add', tuesday);
	createProgressStore({file, fs}).markLessonComplete('add', tuesday);
	const data = saved();
	t.deepEqual(data['completed'], {add: completion(monday, 2)});
	t.deepEqual(data['packs'], {[teamPack]: {completed: {add: completion(tuesday)}}});
	// What a store shows is its own pack's lessons, never the packs field.
	t.false('packs' in createProgressStore({file, fs}).load().progress);
	t.false('packs' in createProgressStore({file, fs, pack: teamPack}).load().progress);
});

test('the step reached is kept per pack, and completing a pack\'s lesson forgets only its own', t => {
	const {fs} = setup();
	const builtIn = createProgressStore({file, fs});
	const pack = createProgressStore({file, fs, pack: teamPack});
	builtIn.rememberStep('add', 2);
	pack.rememberStep('add', 1);
	t.is(createProgressStore({file, fs}).load().progress.reached?.['add'], 2);
	t.is(createProgressStore({file, fs, pack: teamPack}).load().progress.reached?.['add'], 1);

	pack.markLessonComplete('add', monday);
	t.is(createProgressStore({file, fs, pack: teamPack}).load().progress.reached?.['add'], undefined);
	t.is(createProgressStore({file, fs}).load().progress.reached?.['add'], 2, 'the built-in step is kept');
});

test('drills and the remembered branch are the learner\'s, shared by every pack', t => {
	const {fs} = setup();
	createProgressStore({file, fs, pack: teamPack}).markDrillComplete('pull-first');
	createProgressStore({file, fs, pack: teamPack}).rememberBranch('master');
	const builtIn = createProgressStore({file, fs}).load().progress;
	t.deepEqual(builtIn.drills, {'pull-first': 1});
	t.is(builtIn.branch, 'master');
	t.deepEqual(createProgressStore({file, fs, pack: otherPack}).load().progress.drills, {'pull-first': 1});
});

test('an older file without packs loads unchanged, and a pack\'s first save keeps everything it held', t => {
	const older = {version: 1, completed: {add: completion(monday)}, drills: {recover: 2}, reached: {commit: 1}, branch: 'master'};
	const {fs, saved} = setup({[file]: JSON.stringify(older)});
	const loaded = createProgressStore({file, fs}).load();
	t.is(loaded.warning, undefined);
	t.deepEqual(loaded.progress, older);
	t.deepEqual(createProgressStore({file, fs, pack: teamPack}).load().progress, {version: 1, completed: {}, drills: {recover: 2}, branch: 'master'});

	createProgressStore({file, fs, pack: teamPack}).markLessonComplete('add', tuesday);
	t.deepEqual(saved(), {...older, packs: {[teamPack]: {completed: {add: completion(tuesday)}}}});
});

test('two tutors on different packs saving in turn keep each other\'s progress', t => {
	const {fs, saved} = setup();
	const builtIn = createProgressStore({file, fs});
	const pack = createProgressStore({file, fs, pack: teamPack});
	builtIn.load();
	pack.load();
	builtIn.markLessonComplete('commit', monday);
	pack.markLessonComplete('review', monday);
	builtIn.markLessonComplete('push', tuesday);
	const data = saved();
	t.deepEqual(Object.keys(data['completed'] as object).sort(), ['commit', 'push']);
	t.deepEqual(data['packs'], {[teamPack]: {completed: {review: completion(monday)}}});
});

test('a broken packs entry is skipped with the usual warning; the rest loads', t => {
	const {fs} = setup({[file]: JSON.stringify({
		version: 1,
		completed: {add: completion(monday)},
		drills: {},
		packs: {[teamPack]: {completed: {add: completion(tuesday), bad: {timesCompleted: 'x'}}}, [otherPack]: 'nonsense'},
	})});
	const loaded = createProgressStore({file, fs, pack: teamPack}).load();
	t.regex(loaded.warning ?? '', /were not understood and were skipped/);
	t.deepEqual(loaded.progress.completed, {add: completion(tuesday)});
	t.deepEqual(createProgressStore({file, fs}).load().progress.completed, {add: completion(monday)});
});

test('pack keys such as __proto__ are plain keys', t => {
	const {fs} = setup();
	createProgressStore({file, fs, pack: '__proto__'}).markLessonComplete('add', monday);
	t.deepEqual(createProgressStore({file, fs, pack: '__proto__'}).load().progress.completed, {add: completion(monday)});
	t.deepEqual(createProgressStore({file, fs}).load().progress.completed, {});
});
