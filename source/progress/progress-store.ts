import {randomBytes} from 'node:crypto';
import nodeFs from 'node:fs';
import path from 'node:path';
import process from 'node:process';
import envPaths from 'env-paths';
import {describeError, errorCode} from '../describe-error.ts';
import type {DrillRun} from '../practice/score.ts';

export type ProgressFs = Pick<typeof import('node:fs'), 'readFileSync' | 'writeFileSync' | 'renameSync' | 'mkdirSync' | 'rmSync' | 'statSync' | 'existsSync'>;

/** A real progress file is a few kilobytes; reading a huge one (or a pipe) would freeze the screen. */
export const maxProgressBytes = 1_000_000;
/** Runs kept per drill: enough for a best and a streak, and a file that stays a few kilobytes. */
export const maxRunsKept = 20;
/** Saving takes milliseconds: a lock older than this was left by a tutor that died while saving. */
const staleLockMs = 3000;
const lockWaitMs = 5000;

export type LessonCompletion = {firstCompletedAt: string; timesCompleted: number};

export type Progress = {
	version: 1;
	// By lesson id.
	completed: Record<string, LessonCompletion>;
	// Practice drills completed, by drill name.
	drills: Record<string, number>;
	// The newest runs of each drill (at most maxRunsKept, oldest first): score, due dates, last and best.
	drillRuns?: Record<string, DrillRun[]>;
	// The practice branch last chosen with --branch (an instructor's class uses master every time).
	branch?: string;
	// Lessons left mid-way, by id: the step reached (0-based), so starting again goes on from there.
	reached?: Record<string, number>;
	// The lessons of other packs (--lessons DIR), by the pack folder's real path: an instructor's
	// "add" is not the built-in "add". Drills and the branch are the learner's, shared by all packs.
	packs?: Record<string, PackProgress>;
};

/** What is kept per pack: the built-in pack's is at the top of the file, as before packs existed. */
export type PackProgress = Pick<Progress, 'completed' | 'reached'>;

export type ProgressResult = {progress: Progress; warning?: string};

export type ProgressStore = {
	readonly file: string;
	load(): ProgressResult;
	markLessonComplete(lessonId: string, now?: Date): ProgressResult;
	/** Counts one more practice drill of this name done, and keeps how it went. */
	markDrillComplete(name: string, run?: DrillRun): ProgressResult;
	/** Remembers the branch chosen with --branch for the next start. */
	rememberBranch(name: string): ProgressResult;
	/** Remembers the step a lesson was left at (0 forgets it). */
	rememberStep(lessonId: string, step: number): ProgressResult;
	/** True when this session's progress is not all on disk: the file could not be read or written, or is not ours to write. */
	isMemoryOnly(): boolean;
};

export const emptyProgress = (): Progress => ({version: 1, completed: {}, drills: {}});

export function defaultProgressFile(env: NodeJS.ProcessEnv = process.env): string {
	const override = env['GIT_PUSH_TUTOR_PROGRESS'];
	if (override) {
		// Resolved so warnings always show the learner a full path.
		return path.resolve(override);
	}

	// Note: env-paths reads XDG_CONFIG_HOME and friends from process.env, not from `env`.
	return path.join(envPaths('git-push-tutor', {suffix: ''}).config, 'progress.json');
}

type DiskRead = {
	progress: Progress;
	warning?: string;
	// True when the file holds data we could not read or move aside, so writing would destroy it.
	writeBlocked: boolean;
};

/** Waits without a timer: the store is synchronous, and the wait is a few milliseconds. */
function pause(ms: number): void {
	Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
}

export type ProgressStoreOptions = {
	file: string;
	fs?: ProgressFs;
	/** The learner named the file (GIT_PUSH_TUTOR_PROGRESS): whatever it holds is theirs, and is never moved or replaced. */
	named?: boolean;
	/**
	 * The pack whose lessons this store marks (its key in `packs`); undefined for the built-in
	 * lessons. What the store returns then holds that pack's lessons as `completed` and `reached`.
	 */
	pack?: string | undefined;
};

export function createProgressStore(options: ProgressStoreOptions): ProgressStore {
	const {file} = options;
	const fs = options.fs ?? nodeFs;
	const lockFile = `${file}.lock`;
	const {pack} = options;
	// Everything this session knows, so progress survives failed writes and concurrent tutors.
	let memory = emptyProgress();
	// For isMemoryOnly: the last read found a file we must not write, or the last save failed.
	let blocked = false;
	let unsaved = false;

	const readDisk = (): DiskRead => {
		let text: string;
		try {
			const stats = fs.statSync(file);
			if (!stats.isFile() || stats.size > maxProgressBytes) {
				const what = stats.isFile() ? `is ${Math.round(stats.size / 1_000_000)} MB, far more than any progress file` : 'is not a regular file';
				return {
					progress: emptyProgress(),
					warning: `Your saved progress at ${file} ${what}, so it was not read and is left untouched; this session's progress is kept in memory only.`,
					writeBlocked: true,
				};
			}

			text = fs.readFileSync(file, 'utf8');
		} catch (error) {
			if (errorCode(error) === 'ENOENT') {
				return {progress: emptyProgress(), writeBlocked: false};
			}

			return {
				progress: emptyProgress(),
				warning: `Could not read your saved progress at ${file} (${describeError(error)}), so it was left untouched; this session's progress is kept in memory only.`,
				writeBlocked: true,
			};
		}

		const parsed = parseProgress(text);
		if (parsed.kind === 'ok') {
			return {
				progress: parsed.progress,
				warning: parsed.dropped ? `Some entries in your saved progress at ${file} were not understood and were skipped; the rest was loaded.` : undefined,
				writeBlocked: false,
			};
		}

		// Valid JSON is someone's data (a newer tutor's progress, or a file the variable points at by
		// mistake): it is never moved or written over. Only text that is not JSON at all is moved aside.
		if (parsed.kind === 'newer') {
			return {
				progress: emptyProgress(),
				warning: `Your saved progress at ${file} was written by a newer git-push-tutor; it is left as it is, and this session's progress is kept in memory only. Use the newer git-push-tutor to go on from it.`,
				writeBlocked: true,
			};
		}

		if (parsed.kind === 'foreign') {
			return {
				progress: emptyProgress(),
				warning: `${file} does not hold git-push-tutor progress; it is left as it is, and this session's progress is kept in memory only. Move that file away to save progress again.`,
				writeBlocked: true,
			};
		}

		const problem = `Your saved progress at ${file} could not be understood`;
		if (options.named) {
			return {
				progress: emptyProgress(),
				warning: `${problem}; it is the file GIT_PUSH_TUTOR_PROGRESS names, so it is left as it is, and this session's progress is kept in memory only.`,
				writeBlocked: true,
			};
		}

		// An earlier backup is never written over: the first corruption may hold the most.
		let corruptFile = `${file}.corrupt`;
		for (let number = 2; fs.existsSync(corruptFile); number++) {
			corruptFile = `${file}.corrupt-${number}`;
		}

		try {
			fs.renameSync(file, corruptFile);
		} catch (error) {
			return {
				progress: emptyProgress(),
				warning: `${problem}, and it could not be moved aside (${describeError(error)}), so it was left untouched. Progress starts fresh and this session's progress is kept in memory only.`,
				writeBlocked: true,
			};
		}

		return {
			progress: emptyProgress(),
			warning: `${problem}, so progress starts fresh. The old file was kept as ${corruptFile}.`,
			writeBlocked: false,
		};
	};

	// Returns a warning when the write failed; never throws.
	const write = (progress: Progress): string | undefined => {
		const temporary = `${file}.${process.pid}.${randomBytes(6).toString('hex')}.tmp`;
		let temporaryMayExist = false;
		try {
			fs.mkdirSync(path.dirname(file), {recursive: true});
			// Set before writing: a failed write (ENOSPC) can still leave a partial file behind.
			temporaryMayExist = true;
			fs.writeFileSync(temporary, `${JSON.stringify(progress, undefined, '\t')}\n`, {flag: 'wx'});
			fs.renameSync(temporary, file);
			return undefined;
		} catch (error) {
			if (temporaryMayExist) {
				try {
					fs.rmSync(temporary, {force: true});
				} catch {
					// Nothing more we can do; the learner still gets the warning below.
				}
			}

			return `Could not save progress to ${file} (${describeError(error)}); this session's progress is kept in memory only.`;
		}
	};

	/**
	 * Another tutor saving at the same moment would otherwise read before this one renames, and
	 * write over its completion. Returns the release, or undefined when no lock could be made (the
	 * save then goes ahead: its own error, if any, is what the learner needs to hear).
	 */
	const lock = (): (() => void) | undefined => {
		const deadline = Date.now() + lockWaitMs;
		try {
			fs.mkdirSync(path.dirname(file), {recursive: true});
		} catch {
			return undefined;
		}

		for (;;) {
			try {
				fs.writeFileSync(lockFile, `${process.pid} ${Date.now()}\n`, {flag: 'wx'});
				return () => {
					try {
						fs.rmSync(lockFile, {force: true});
					} catch {
						// Left behind, it is stale in a few seconds.
					}
				};
			} catch (error) {
				if (errorCode(error) !== 'EEXIST') {
					// The exclusive create succeeded if anything was written (a full disk): that part is ours.
					try {
						fs.rmSync(lockFile, {force: true});
					} catch {
						// Nothing more to do; it is stale soon.
					}

					return undefined;
				}
			}

			let since = Number.NaN;
			try {
				since = Number(fs.readFileSync(lockFile, 'utf8').split(' ')[1]);
			} catch {
				// Released between the two calls: try again.
			}

			if (Date.now() - since > staleLockMs || Date.now() > deadline) {
				try {
					fs.rmSync(lockFile, {force: true});
				} catch {
					return undefined;
				}
			} else {
				pause(5);
			}
		}
	};

	/** Re-reads the file under the lock, applies `change` to what it holds merged with memory, and saves. */
	const update = (change: (next: Progress) => void): ProgressResult => {
		const release = lock();
		try {
			// Re-read first: another tutor may have saved progress since we loaded.
			const disk = readDisk();
			const next = mergeProgress(disk.progress, memory);
			change(next);
			memory = next;
			return save(disk);
		} finally {
			release?.();
		}
	};

	// Writes memory unless the file is not ours to write, and remembers whether that worked.
	const save = (disk: DiskRead): ProgressResult => {
		blocked = disk.writeBlocked;
		const writeWarning = blocked ? undefined : write(memory);
		unsaved = blocked || writeWarning !== undefined;
		return withWarning(packView(memory, pack), joinWarnings(disk.warning, writeWarning));
	};

	// Where this store's lesson marks go: the top of the file, or the pack's entry (made when first needed).
	const lessonsOf = (progress: Progress): PackProgress => {
		if (pack === undefined) {
			return progress;
		}

		const packs = progress.packs ?? Object.create(null) as Record<string, PackProgress>;
		progress.packs = packs;
		const existing = ownEntry(packs, pack);
		if (existing !== undefined) {
			return existing;
		}

		const created: PackProgress = {completed: {}};
		setEntry(packs, pack, created);
		return created;
	};

	return {
		file,
		isMemoryOnly: () => blocked || unsaved,
		load() {
			const disk = readDisk();
			blocked = disk.writeBlocked;
			memory = mergeProgress(disk.progress, memory);
			return withWarning(packView(memory, pack), disk.warning);
		},
		markLessonComplete(lessonId, now = new Date()) {
			const when = Number.isNaN(now.getTime()) ? new Date() : now;
			return update(next => {
				const lessons = lessonsOf(next);
				// A completed lesson starts from the beginning next time.
				if (lessons.reached) {
					delete lessons.reached[lessonId];
				}

				const previous = ownEntry(lessons.completed, lessonId);
				setEntry(lessons.completed, lessonId, previous
					? {firstCompletedAt: previous.firstCompletedAt, timesCompleted: previous.timesCompleted + 1}
					: {firstCompletedAt: when.toISOString(), timesCompleted: 1});
			});
		},
		markDrillComplete(name, run) {
			return update(next => {
				setEntry(next.drills, name, (ownEntry(next.drills, name) ?? 0) + 1);
				if (run !== undefined) {
					const runs = next.drillRuns ?? Object.create(null) as Record<string, DrillRun[]>;
					setEntry(runs, name, joinRuns(ownEntry(runs, name) ?? [], [run]));
					next.drillRuns = runs;
				}
			});
		},
		rememberBranch(name) {
			return update(next => {
				next.branch = name;
			});
		},
		rememberStep(lessonId, step) {
			return update(next => {
				const lessons = lessonsOf(next);
				const reached = lessons.reached ?? Object.create(null) as Record<string, number>;
				if (step > 0) {
					setEntry(reached, lessonId, step);
				} else {
					delete reached[lessonId];
				}

				lessons.reached = reached;
			});
		},
	};
}

type Parsed =
	| {kind: 'ok'; progress: Progress; dropped: boolean}
	// Not JSON at all.
	| {kind: 'corrupt'}
	// JSON from a later version of the tutor.
	| {kind: 'newer'}
	// JSON, but not a progress file of any version.
	| {kind: 'foreign'};

function parseProgress(text: string): Parsed {
	let data: unknown;
	try {
		data = JSON.parse(text);
	} catch {
		return {kind: 'corrupt'};
	}

	if (!isPlainObject(data)) {
		return {kind: 'foreign'};
	}

	const version = data['version'];
	if (version !== 1) {
		return {kind: typeof version === 'number' && version > 1 ? 'newer' : 'foreign'};
	}

	const progress = emptyProgress();
	let dropped = readLessons(data, progress);

	// Files written before drills existed simply lack the field.
	dropped = readEntries(data['drills'], () => progress.drills, count => (isCount(count) ? count : undefined)) || dropped;

	// Files written before drill runs were kept simply lack the field.
	const drillRuns = data['drillRuns'];
	if (isPlainObject(drillRuns)) {
		progress.drillRuns = Object.create(null) as Record<string, DrillRun[]>;
		for (const [name, runs] of Object.entries(drillRuns)) {
			const valid = Array.isArray(runs) ? runs.filter(run => isDrillRun(run)) : [];
			dropped ||= !Array.isArray(runs) || valid.length < runs.length;
			if (valid.length > 0) {
				setEntry(progress.drillRuns, name, joinRuns([], valid));
			}
		}
	} else if (drillRuns !== undefined) {
		dropped = true;
	}

	// Files written before packs could be played simply lack the field.
	dropped = readEntries(data['packs'], () => (progress.packs = Object.create(null) as Record<string, PackProgress>), value => {
		if (!isPlainObject(value)) {
			return undefined;
		}

		const lessons: PackProgress = {completed: {}};
		dropped = readLessons(value, lessons) || dropped;
		return lessons;
	}) || dropped;

	// Files written before branches were remembered simply lack the field.
	const branch = data['branch'];
	if (typeof branch === 'string' && /^[\w.-]{1,100}$/.test(branch)) {
		progress.branch = branch;
	} else if (branch !== undefined) {
		dropped = true;
	}

	return {kind: 'ok', progress, dropped};
}

/** Reads `completed` and `reached` from `data` into `into`; true when an entry was not understood. */
function readLessons(data: Record<string, unknown>, into: PackProgress): boolean {
	const completions = readEntries(data['completed'], () => into.completed, value => (isValidCompletion(value) ? {firstCompletedAt: value.firstCompletedAt, timesCompleted: value.timesCompleted} : undefined));
	const steps = readEntries(data['reached'], () => (into.reached = Object.create(null) as Record<string, number>), step => (isCount(step) ? step : undefined));
	return completions || steps;
}

/**
 * Reads a field that holds a record, entry by entry, into the record `into` gives (asked for only
 * when the field is one): entries `read` does not understand are left out. True when something
 * was left out, a field that is not a record included.
 */
function readEntries<T>(value: unknown, into: () => Record<string, T>, read: (entry: unknown) => T | undefined): boolean {
	if (!isPlainObject(value)) {
		return value !== undefined;
	}

	const record = into();
	let dropped = false;
	for (const [key, entry] of Object.entries(value)) {
		const kept = read(entry);
		if (kept === undefined) {
			dropped = true;
		} else {
			setEntry(record, key, kept);
		}
	}

	return dropped;
}

function isValidCompletion(value: unknown): value is LessonCompletion {
	return isPlainObject(value)
		&& typeof value['firstCompletedAt'] === 'string'
		&& !Number.isNaN(Date.parse(value['firstCompletedAt']))
		&& isCount(value['timesCompleted'])
		&& value['timesCompleted'] >= 1;
}

function isDrillRun(value: unknown): value is DrillRun {
	if (!isPlainObject(value)) {
		return false;
	}

	const {at, seed, score, commands, reference, hints, forced, lost, twice, seconds, challenge} = value;
	return typeof at === 'string' && !Number.isNaN(Date.parse(at))
		&& [seed, commands, reference, hints, seconds].every(number => isCount(number))
		&& isCount(score) && score <= 100
		&& [forced, lost, twice, challenge].every(flag => typeof flag === 'boolean');
}

/** Both lists as one, without repeats, oldest first, the newest maxRunsKept; only the known fields are kept. */
function joinRuns(a: readonly DrillRun[], b: readonly DrillRun[]): DrillRun[] {
	const byKey = new Map<string, DrillRun>();
	for (const run of [...a, ...b]) {
		const {at, seed, score, commands, reference, hints, forced, lost, twice, seconds, challenge} = run;
		byKey.set(`${at} ${seed}`, {at, seed, score, commands, reference, hints, forced, lost, twice, seconds, challenge});
	}

	return [...byKey.values()].sort((x, y) => Date.parse(x.at) - Date.parse(y.at)).slice(-maxRunsKept);
}

function isCount(value: unknown): value is number {
	return typeof value === 'number' && Number.isSafeInteger(value) && value >= 0;
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
	return typeof value === 'object' && value !== null && !Array.isArray(value);
}

// Taking the larger count and earlier date never loses a completion, whichever copy is newer.
function mergeProgress(a: Progress, b: Progress): Progress {
	const result = cloneProgress(a);
	mergeLessons(result, b);
	if (b.packs !== undefined) {
		const packs = result.packs ?? Object.create(null) as Record<string, PackProgress>;
		for (const [key, lessons] of Object.entries(b.packs)) {
			const existing = ownEntry(packs, key);
			if (existing === undefined) {
				setEntry(packs, key, cloneLessons(lessons));
			} else {
				mergeLessons(existing, lessons);
			}
		}

		result.packs = packs;
	}

	for (const [name, count] of Object.entries(b.drills)) {
		setEntry(result.drills, name, Math.max(count, ownEntry(result.drills, name) ?? 0));
	}

	if (b.drillRuns !== undefined) {
		const runs = result.drillRuns ?? Object.create(null) as Record<string, DrillRun[]>;
		for (const [name, list] of Object.entries(b.drillRuns)) {
			setEntry(runs, name, joinRuns(ownEntry(runs, name) ?? [], list));
		}

		result.drillRuns = runs;
	}

	// The newer choice (this session's, merged in as b) wins.
	if (b.branch !== undefined) {
		result.branch = b.branch;
	}

	return result;
}

/** Merges b's lesson marks into `into`: every completion kept, b's steps reached win. */
function mergeLessons(into: PackProgress, b: PackProgress): void {
	for (const [lessonId, entry] of Object.entries(b.completed)) {
		const existing = ownEntry(into.completed, lessonId);
		setEntry(into.completed, lessonId, existing
			? {
				firstCompletedAt: Date.parse(entry.firstCompletedAt) < Date.parse(existing.firstCompletedAt) ? entry.firstCompletedAt : existing.firstCompletedAt,
				timesCompleted: Math.max(entry.timesCompleted, existing.timesCompleted),
			}
			: {...entry});
	}

	if (b.reached !== undefined) {
		into.reached = Object.assign(Object.create(null) as Record<string, number>, b.reached);
	}
}

function cloneLessons(lessons: PackProgress): PackProgress {
	const result: PackProgress = {completed: {}};
	for (const [lessonId, entry] of Object.entries(lessons.completed)) {
		setEntry(result.completed, lessonId, {...entry});
	}

	if (lessons.reached !== undefined) {
		result.reached = Object.assign(Object.create(null) as Record<string, number>, lessons.reached);
	}

	return result;
}

/** What a store for `pack` shows: the shared fields, and that pack's lessons as `completed` and `reached`. */
function packView(progress: Progress, pack: string | undefined): Progress {
	const {packs, ...shared} = cloneProgress(progress);
	if (pack === undefined) {
		return shared;
	}

	const {completed, reached} = (packs && ownEntry(packs, pack)) ?? {completed: {}};
	const view: Progress = {...shared, completed};
	delete view.reached;
	if (reached !== undefined) {
		view.reached = reached;
	}

	return view;
}

function cloneProgress(progress: Progress): Progress {
	const result = emptyProgress();
	for (const [lessonId, entry] of Object.entries(progress.completed)) {
		setEntry(result.completed, lessonId, {...entry});
	}

	if (progress.packs !== undefined) {
		result.packs = Object.create(null) as Record<string, PackProgress>;
		for (const [key, lessons] of Object.entries(progress.packs)) {
			setEntry(result.packs, key, cloneLessons(lessons));
		}
	}

	for (const [name, count] of Object.entries(progress.drills)) {
		setEntry(result.drills, name, count);
	}

	if (progress.drillRuns !== undefined) {
		result.drillRuns = Object.create(null) as Record<string, DrillRun[]>;
		for (const [name, runs] of Object.entries(progress.drillRuns)) {
			setEntry(result.drillRuns, name, runs.map(run => ({...run})));
		}
	}

	if (progress.branch !== undefined) {
		result.branch = progress.branch;
	}

	if (progress.reached !== undefined) {
		result.reached = Object.assign(Object.create(null) as Record<string, number>, progress.reached);
	}

	return result;
}

// Own-property access so ids like "__proto__" or "constructor" are plain keys, not prototype lookups.
function ownEntry<T>(record: Record<string, T>, key: string): T | undefined {
	return Object.hasOwn(record, key) ? record[key] : undefined;
}

function setEntry<T>(record: Record<string, T>, key: string, value: T): void {
	Object.defineProperty(record, key, {value, enumerable: true, writable: true, configurable: true});
}

function withWarning(progress: Progress, warning: string | undefined): ProgressResult {
	return warning === undefined ? {progress} : {progress, warning};
}

function joinWarnings(...warnings: Array<string | undefined>): string | undefined {
	const present = warnings.filter((warning): warning is string => warning !== undefined);
	return present.length > 0 ? present.join(' ') : undefined;
}
