// One lesson being played: its sandbox, the step the learner is on, and what the last command
// did. Every git call of a lesson goes through here (and the modules it calls), not the UI.
import {appendFile, mkdir, rm, writeFile} from 'node:fs/promises';
import path from 'node:path';
import {createSandbox, keepSandbox, removeSandbox, type Sandbox} from '../sandbox/sandbox.ts';
import {copySandbox, removeCopy, restoreSandbox} from '../sandbox/sandbox-checkpoint.ts';
import {learnerName} from '../sandbox/sandbox-config.ts';
import {maskSandboxPaths, pathReplacements} from '../sandbox/mask-paths.ts';
import {readRepoState, type RepoState} from '../git/repo-state.ts';
import {classifyFailure} from '../explain/classify-failure.ts';
import {readFailureFacts} from '../explain/failure-facts.ts';
import {explanations, fillExplanation, type Explanation} from '../explain/explanations.ts';
import {allHold, type LastCommand} from '../lessons/checks.ts';
import {chooseNudge, currentHints, evaluateStep, type EngineContext, type StepOutcome} from '../lessons/engine.ts';
import type {Loss} from '../lessons/situations.ts';
import {describeLostBoxes} from '../git/lost-boxes.ts';
import type {DuplicateBox} from '../git/duplicate-boxes.ts';
import {pushForce} from '../git/git-arguments.ts';
import {editorFailure, editorNote, readEditorContext} from '../explain/editor-note.ts';
import {globalConfigNote} from '../explain/global-config-note.ts';
import {fillLesson} from '../lessons/fill-lesson.ts';
import {diagramOf, type Diagram} from './diagram-model.ts';
import type {Lesson, SetupAction} from '../lessons/lesson-types.ts';
import {runLine, type LineResult} from '../shell/run-line.ts';
import {knownValues} from '../shell/placeholders.ts';
import {resolveInRepository} from '../shell/file-helpers.ts';

export type SessionOptions = {
	/** Every loaded lesson, for setups that continue from another one. */
	lessons: readonly Lesson[];
	branch: string;
	workdir?: string;
	color: boolean;
	/** Leave sandboxes on disk (--keep). */
	keep?: boolean;
	/** The git found at start, so a command it is too old for can be explained. */
	gitVersion?: string;
	inheritedEnv?: NodeJS.ProcessEnv;
};

export type CommandReport = {
	line: string;
	result: LineResult;
	/** What the learner sees of the command's output, with sandbox paths masked. */
	output: string;
	/** Why a git command failed, in the analogy, when the tutor recognises it. */
	explanation: Explanation | undefined;
	/** Set when the line ran something that can change the repository. */
	outcome: StepOutcome | undefined;
	/** What happened meanwhile as the next step began ("Sam shipped a box"). */
	announcements: string[];
	/** A note on what this command does differently in the tutor: the editor it would have opened (once a lesson), or where a --global setting went. */
	note?: string;
	/** A push threw boxes away earlier in this lesson (since brought back, or no step would pass). */
	lossEarlier?: boolean;
	/** The line was a push that forced where the step did not ask for it, or forced without a lease where it did. */
	forced?: {lease: boolean};
	/** Boxes this command left twice in the learner's history (each said once a lesson). */
	duplicates?: DuplicateBox[];
	/** The warehouse lost boxes after this command (reported in the verdict; no step passes meanwhile). */
	lost?: boolean;
};

class SetupError extends Error {}

/** A moment of a session to come back to: a copy of its sandbox and what the session remembered. */
export type SessionCheckpoint = {
	readonly copy: string;
	readonly memory: Readonly<Record<string, unknown>>;
};

/** What a session remembers between lines, besides its sandbox: a checkpoint saves and restores exactly these (a test keeps the list whole). */
export const remembered = ['step', 'state', 'openingAnnouncements', 'last', 'editorNoteSaid', 'stepStartHead', 'stepStartWarehouse', 'warehouseSeen', 'loss', 'lossHappened', 'duplicatesSaid', 'lastFailure'] as const;

/**
 * Whether a nudge or hint advises the very git command that just failed: the whole line, not the
 * start of a longer command (git push is not git push -u origin main).
 */
function repeatsFailedLine(text: string | undefined, line: string, result: LineResult): boolean {
	const typed = line.trim().replaceAll(/\s+/g, ' ');
	if (text === undefined || result.kind !== 'git' || result.result.exitCode === 0 || typed === '') {
		return false;
	}

	const escaped = typed.replaceAll(/[.*+?^${}()|[\]\\]/g, String.raw`\$&`);
	return new RegExp(`(^|[\\s:])${escaped}($|[,.;)]|\\s{2,}|\\s(then|and|or|\\())`).test(text);
}

/** A branch or tag of the warehouse is not where it was. */
function warehouseMoved(before: RepoState, after: RepoState): boolean {
	return JSON.stringify([before.online.branches, before.online.tags]) !== JSON.stringify([after.online.branches, after.online.tags]);
}

/**
 * How a git line forced, when it did: a push that changed the warehouse with force (one that
 * changed nothing forced nothing). A lease is what a step that replaces the learner's own boxes asks.
 */
function forcedPush(result: Extract<LineResult, {kind: 'git'}>, movedWarehouse: boolean, leaseAsked: boolean): CommandReport['forced'] {
	const force = result.result.exitCode === 0 && movedWarehouse ? pushForce(result.args) : undefined;
	return force === undefined || (force === 'lease' && leaseAsked) ? undefined : {lease: force === 'lease'};
}

/** Sets are the only values a session changes in place; the rest are replaced whole. */
const copied = (value: unknown): unknown => (value instanceof Set ? new Set(value) : value);

/** The rest of a line that begins with the word sam (`sam git log`, `Sam ls`), else undefined. */
function samLine(line: string): string | undefined {
	const match = /^\s*sam(?:\s+(.*))?$/is.exec(line);
	return match ? (match[1] ?? '') : undefined;
}

export class LessonSession {
	static async start(lesson: Lesson, options: SessionOptions): Promise<LessonSession> {
		const sandbox = await createSandbox({parent: options.workdir, branch: options.branch, color: options.color, keep: options.keep, inheritedEnv: options.inheritedEnv});
		const session = new LessonSession(fillLesson(lesson, {branch: options.branch, url: sandbox.url, gitVersion: options.gitVersion}), sandbox, options);
		try {
			await session.setUp();
		} catch (error) {
			await session.dispose();
			throw error;
		}

		return session;
	}

	/**
	 * Going straight on from a completed lesson to the one that continues from it: the learner's own
	 * repository carries over, with the rest of the new lesson's setup played on it, when it then
	 * fits how that lesson starts. Undefined when it does not (the caller starts the lesson afresh and
	 * disposes of the old sandbox); on success the new session owns the sandbox.
	 */
	static async carryOn(previous: LessonSession, lesson: Lesson, options: SessionOptions): Promise<LessonSession | undefined> {
		const [first] = lesson.setup;
		if (!previous.complete || first?.do !== 'continueFrom' || first.lesson !== previous.lesson.id) {
			return undefined;
		}

		const session = new LessonSession(fillLesson(lesson, {branch: options.branch, url: previous.sandbox.url, gitVersion: options.gitVersion}), previous.sandbox, options);
		try {
			// The first action (continue from the lesson just played) is what the learner did themselves.
			for (const [index, action] of session.lesson.setup.slice(1).entries()) {
				await session.playAction(action, `${lesson.source}, setup[${index + 1}]`, new Set([lesson.id]));
			}

			session.state = await session.readState();
		} catch {
			return undefined;
		}

		if (!session.fitsStart()) {
			return undefined;
		}

		session.openingAnnouncements = await session.beginStep();
		return session;
	}

	/**
	 * The lesson at a later step: its world as the reference solution of the steps before leaves it
	 * (the learner's own work is not kept across a restart). Undefined when the replay does not get there.
	 */
	static async startAt(lesson: Lesson, step: number, options: SessionOptions): Promise<LessonSession | undefined> {
		const session = await LessonSession.start(lesson, options);
		for (const earlier of session.lesson.steps.slice(0, step)) {
			for (const line of earlier.solution) {
				await session.run(line);
			}
		}

		if (session.step === step) {
			return session;
		}

		await session.dispose();
		return undefined;
	}

	step = 0;
	state!: RepoState;
	/** Said when the lesson began, by its first step's events. */
	openingAnnouncements: string[] = [];
	private last: LastCommand = {};
	private editorNoteSaid = false;
	private stepStartHead: string | undefined;
	private stepStartWarehouse: readonly string[] = [];
	/** Every box the warehouse has held since the step began, to notice the moment one is lost. */
	private warehouseSeen = new Set<string>();
	/** Boxes the warehouse lost and does not hold again yet. */
	loss: Loss | undefined;
	/** Whether the warehouse lost boxes at any moment of this lesson. */
	private lossHappened = false;
	/** Changes already said to be in the history twice, so each is said once. */
	private readonly duplicatesSaid = new Set<string>();
	/** The last line, when it was a git command that failed and was explained. */
	private lastFailure: {line: string; result: LineResult; wayOut: string} | undefined;
	private readonly replacements;

	private constructor(readonly lesson: Lesson, readonly sandbox: Sandbox, private readonly options: SessionOptions) {
		this.replacements = pathReplacements(sandbox);
	}

	get complete(): boolean {
		return this.step >= this.lesson.steps.length;
	}

	/** Runs one line the learner typed and judges the step from the repository's new state. */
	async run(line: string, signal?: AbortSignal): Promise<CommandReport> {
		const asSam = samLine(line);
		if (asSam !== undefined) {
			return this.runAsSam(line, asSam, signal);
		}

		const [before, editorContext] = [this.state, readEditorContext(this.sandbox.repo)];
		const result = await runLine(line, {repo: this.sandbox.repo, env: this.sandbox.env, signal, known: knownValues(this.state, this.sandbox.url)});
		const report: CommandReport = {line, result, output: '', explanation: undefined, outcome: undefined, announcements: []};
		if (result.kind !== 'git' && result.kind !== 'helper') {
			return report;
		}

		if (result.kind === 'git' && (result.result.cancelled || result.result.timedOut || result.result.tooMuchOutput)) {
			// Lines run one at a time, so a lock left now is the stopped command's, not another's.
			await rm(path.join(this.sandbox.repo, '.git', 'index.lock'), {force: true});
		}

		this.state = await this.readState();
		await this.noticeLoss(result.kind === 'git' && result.args.subcommand === 'push' && result.result.exitCode === 0);
		report.lost = this.loss?.fresh === true;
		const movedWarehouse = warehouseMoved(before, this.state);
		if (result.kind === 'git') {
			// Only a step that asks to replace the learner's own boxes asks for force, and then with a lease.
			report.forced = forcedPush(result, movedWarehouse, this.lesson.steps[this.step]?.mayReplaceOwnBoxes === true);

			const duplicates = (this.state.duplicates ?? []).filter(duplicate => !this.duplicatesSaid.has(duplicate.oids.join(' ')));
			for (const duplicate of duplicates) {
				this.duplicatesSaid.add(duplicate.oids.join(' '));
			}

			report.duplicates = duplicates.length > 0 ? duplicates : undefined;
			const facts = await readFailureFacts(result.args, result.result.exitCode, this.state, this.sandbox);
			const failure = classifyFailure(result.args, result.result.exitCode, this.state, this.options.gitVersion, facts) ?? editorFailure(result.args, result.result.exitCode, before, this.state);
			report.output = this.mask(result.result.output);
			this.last = {git: {args: result.args, exitCode: result.result.exitCode, failure, output: report.output, movedWarehouse}};
			report.explanation = failure && fillExplanation(explanations[failure.id], {url: this.sandbox.url, ...failure.details});
			this.lastFailure = report.explanation && result.result.exitCode !== 0 ? {line, result, wayOut: report.explanation.wayOut} : undefined;
			report.note = (this.editorNoteSaid ? undefined : editorNote(result.args, before, this.state, editorContext)) ?? globalConfigNote(result.args, result.result.exitCode);
			this.editorNoteSaid ||= report.note !== undefined && result.args.subcommand !== 'config';
		} else {
			this.last = {};
			this.lastFailure = undefined;
			report.output = this.mask(result.output);
		}

		await this.judge(report);
		return report;
	}

	/** Judges the step from the state now, into the report; on a pass the next step begins (its events played). */
	private async judge(report: CommandReport): Promise<void> {
		if (this.complete) {
			return;
		}

		report.outcome = evaluateStep(this.lesson, this.step, this.context());
		// The explanation says why that command failed and the way out: advising it again would loop,
		// and after a slip that did nothing, the step's nudge would only talk past it. A loss still stands.
		const {outcome} = report;
		if (outcome.kind === 'stay' && !outcome.loss && report.explanation && (report.explanation.didNothing || repeatsFailedLine(outcome.nudge, report.line, report.result))) {
			report.outcome = {kind: 'stay', nudge: undefined};
		}

		if (report.outcome.kind === 'advance') {
			// What failed belonged to the step just passed.
			this.lastFailure = undefined;
			report.lossEarlier = this.lossHappened;
			this.step = report.outcome.next;
			report.announcements = await this.beginStep();
		}
	}

	/**
	 * A line that starts with the word sam: in a lesson that allows it (samAtHand), the rest runs in
	 * Sam's clone as Sam, through the same allow-list and sandbox as the learner's lines. Git's
	 * output is not explained (the explanations speak to the learner about their own repository),
	 * and the checks' last command is cleared: `ran` never matches a Sam line, only the state it
	 * leaves (the warehouse may change) counts. Elsewhere nothing runs and the tutor says why.
	 */
	private async runAsSam(line: string, rest: string, signal?: AbortSignal): Promise<CommandReport> {
		const report: CommandReport = {line, result: {kind: 'empty'}, output: '', explanation: undefined, outcome: undefined, announcements: []};
		if (!this.lesson.samAtHand) {
			report.result = {kind: 'refused', message: 'Acting as Sam works only in a drill or lesson that says so; here every line runs in your own clone, as you.'};
			return report;
		}

		if (rest.trim() === '') {
			report.result = {kind: 'refused', message: 'Type the command Sam would type after sam, like: sam ls'};
			return report;
		}

		await this.ensureSamClone('a sam line');
		const result = await runLine(rest, {repo: this.sandbox.sam, env: this.sandbox.samEnv, signal});
		// Sam's tutor words (sam hint) would act on the learner's lesson: only his commands run.
		report.result = result.kind === 'tutor'
			? {kind: 'refused', message: 'After sam comes a command Sam would type, like one you would type yourself.'}
			// What the tutor says of a refused line speaks of the line without sam: as Sam, it needs sam before it again.
			: (result.kind === 'refused' ? {kind: 'refused', message: `As Sam: ${result.message}\n(To run a command as Sam, begin the line with sam.)`} : result);
		if (report.result.kind !== 'git' && report.result.kind !== 'helper') {
			return report;
		}

		report.output = this.mask(report.result.kind === 'git' ? report.result.result.output : report.result.output);
		this.last = {};
		this.lastFailure = undefined;
		const before = this.state;
		this.state = await this.readState();
		// A push of Sam's is not the learner's: a loss it causes is "the warehouse lost", not "your push".
		await this.noticeLoss(false);
		report.lost = this.loss?.fresh === true;
		// No drill asks Sam to force: any force the learner makes as Sam counts.
		report.forced = report.result.kind === 'git' ? forcedPush(report.result, warehouseMoved(before, this.state), false) : undefined;
		await this.judge(report);
		return report;
	}

	mask(text: string): string {
		return maskSandboxPaths(text, this.replacements);
	}

	/** Copies the sandbox aside with what the session remembers (verify plays many moves from one moment). */
	async checkpoint(): Promise<SessionCheckpoint> {
		const memory = Object.fromEntries(remembered.map(key => [key, copied(this[key])]));
		return {copy: await copySandbox(this.sandbox.root), memory};
	}

	/** Back to the checkpoint: the sandbox at the same path (git holds absolute paths) and the session's memory. */
	async restore(checkpoint: SessionCheckpoint): Promise<void> {
		await restoreSandbox(this.sandbox.root, checkpoint.copy);
		Object.assign(this, Object.fromEntries(Object.entries(checkpoint.memory).map(([key, value]) => [key, copied(value)])));
	}

	async discard(checkpoint: SessionCheckpoint): Promise<void> {
		await removeCopy(checkpoint.copy);
	}

	/** What the checks read now: the state, the last command and the step's baselines. */
	checkContext(): EngineContext {
		return this.context();
	}

	/** Puts the lesson's world back as it started. */
	async reset(): Promise<LessonSession> {
		await this.dispose();
		return LessonSession.start(this.lesson, this.options);
	}

	/** Removes the sandbox (unless --keep); says why when it could not be removed. */
	async dispose(): Promise<string | undefined> {
		if (this.options.keep) {
			keepSandbox(this.sandbox.root);
			return undefined;
		}

		return removeSandbox(this.sandbox.root);
	}

	/**
	 * The repository is a fair start for this lesson: what the lesson asks of it holds, git waits in
	 * the middle of nothing, HEAD is on the story's branch, and the first step is not done already.
	 */
	private fitsStart(): boolean {
		const context = this.context();
		const first = this.lesson.steps[0];
		return this.state.operation === undefined && this.state.branch === this.sandbox.branch
			&& allHold(this.lesson.startsWhen, context) && (first === undefined || !allHold(first.passWhen, context));
	}

	/** The box diagram of the state now, with the story's branch for what the warehouse shows. */
	diagram(): Diagram {
		return diagramOf(this.state, this.sandbox.branch);
	}

	/** The nudge for where the learner stands now, as the last command's verdict would say it. */
	nudge(): string | undefined {
		return this.complete ? undefined : chooseNudge(this.lesson, this.step, this.context());
	}

	/** The current step's hints, or a situation's (a loss, an operation) when one outranks the step. */
	hints(): string[] {
		const hints = currentHints(this.lesson, this.step, this.context());
		// The command that just failed is no hint: the explanation's way out is.
		const failed = this.lastFailure;
		const last = hints.at(-1);
		return failed && last !== undefined && repeatsFailedLine(last, failed.line, failed.result)
			? [...hints.slice(0, -1), `That command just failed; git's answer and the way out are above: ${failed.wayOut}`]
			: hints;
	}

	private context(): EngineContext {
		return {
			state: this.state,
			last: this.last,
			stepStartHead: this.stepStartHead,
			stepStartWarehouse: this.stepStartWarehouse,
			loss: this.loss,
			homeBranch: this.sandbox.branch,
			samAtHand: this.lesson.samAtHand,
			gitVersion: this.options.gitVersion,
		};
	}

	/**
	 * Compares what the warehouse holds with every box it held since the step began. A step that
	 * asks the learner to replace their own shipped box lets that box go; nothing else is let go.
	 */
	private async noticeLoss(pushed: boolean): Promise<void> {
		const now = new Set(this.state.online.reachable);
		const missing = [...this.warehouseSeen].filter(oid => !now.has(oid));
		for (const oid of now) {
			this.warehouseSeen.add(oid);
		}

		if (missing.length === 0) {
			this.loss = undefined;
			return;
		}

		const known = new Set(this.loss?.boxes.map(box => box.oid));
		// Labels as the learner sees them: a merge's label can name the sandbox's path.
		let boxes = (await describeLostBoxes(missing, this.reader())).map(box => ({...box, subject: this.mask(box.subject)}));
		const fresh = boxes.filter(box => !known.has(box.oid));
		if (pushed && fresh.length > 0 && this.lesson.steps[this.step]?.mayReplaceOwnBoxes && fresh.every(box => box.author === learnerName)) {
			for (const box of fresh) {
				this.warehouseSeen.delete(box.oid);
			}

			boxes = boxes.filter(box => !fresh.includes(box));
		}

		this.loss = boxes.length === 0 ? undefined : {boxes, byPush: pushed, fresh: fresh.length > 0};
		this.lossHappened ||= this.loss !== undefined;
	}

	private reader() {
		return {repo: this.sandbox.repo, online: this.sandbox.online, env: this.sandbox.env};
	}

	private async readState(): Promise<RepoState> {
		return readRepoState(this.reader());
	}

	private async setUp(): Promise<void> {
		await this.playSetup(this.lesson, new Set());
		this.state = await this.readState();
		this.openingAnnouncements = await this.beginStep();
	}

	/** Plays the current step's events, then takes the state it starts from as its baseline. */
	private async beginStep(): Promise<string[]> {
		const step = this.lesson.steps[this.step];
		if (step && step.onStart.length > 0) {
			for (const [index, action] of step.onStart.entries()) {
				await this.playAction(action, `${this.lesson.source}, step ${step.id} > onStart[${index}]`, new Set([this.lesson.id]));
			}

			this.state = await this.readState();
		}

		// A step begins with no loss standing (none passes while one does), so the warehouse as it is
		// now, after the step's own events, is what must not be lost.
		this.stepStartHead = this.state.head;
		this.stepStartWarehouse = this.state.online.reachable;
		this.warehouseSeen = new Set(this.state.online.reachable);
		return step?.announce ? [step.announce] : [];
	}

	private async playSetup(lesson: Lesson, seen: Set<string>): Promise<void> {
		if (seen.has(lesson.id)) {
			throw new SetupError(`${lesson.source}: setup continues from itself through other lessons (${[...seen].join(' → ')})`);
		}

		seen.add(lesson.id);
		for (const [index, action] of lesson.setup.entries()) {
			await this.playAction(action, `${lesson.source}, setup[${index}]`, seen);
		}
	}

	private async playAction(action: SetupAction, where: string, seen: Set<string>): Promise<void> {
		switch (action.do) {
			case 'continueFrom': {
				const earlier = this.options.lessons.find(candidate => candidate.id === action.lesson);
				if (!earlier) {
					throw new SetupError(`${where}: no lesson "${action.lesson}" to continue from`);
				}

				// Where the earlier lesson ends: its setup, then each step's events and solution.
				const filled = fillLesson(earlier, {branch: this.sandbox.branch, url: this.sandbox.url, gitVersion: this.options.gitVersion});
				await this.playSetup(filled, seen);
				for (const step of filled.steps) {
					for (const [index, event] of step.onStart.entries()) {
						await this.playAction(event, `${filled.source}, step ${step.id} > onStart[${index}]`, seen);
					}

					for (const line of step.solution) {
						await this.playLine(line, `${filled.source}, step ${step.id}`, {mustSucceed: false});
					}
				}

				break;
			}

			case 'write':
			case 'append': {
				const file = await resolveInRepository(this.sandbox.repo, action.path);
				await (action.do === 'write' ? writeFile(file, action.text) : appendFile(file, action.text));
				break;
			}

			case 'type': {
				await this.playLine(action.line, where, {mustSucceed: true});
				break;
			}

			case 'sam': {
				await this.ensureSamClone(where);
				await this.playLine(action.line, where, {mustSucceed: true, asSam: true});
				break;
			}
		}
	}

	/** Sam's clone of the online repository, made the first time Sam acts. */
	private async ensureSamClone(where: string): Promise<void> {
		const samParent = path.dirname(this.sandbox.sam);
		await mkdir(samParent, {recursive: true});
		const result = await runLine(`git clone --quiet ${this.sandbox.url} ${path.basename(this.sandbox.sam)}`, {repo: samParent, env: this.sandbox.samEnv});
		// An existing clone makes git refuse; only a first clone that fails is a broken lesson.
		if (result.kind === 'git' && result.result.exitCode !== 0 && !(await this.samCloneExists())) {
			throw new SetupError(`${where}: Sam could not clone the online repository: ${this.mask(result.result.output).trim()}`);
		}
	}

	private async samCloneExists(): Promise<boolean> {
		const result = await runLine('git rev-parse --git-dir', {repo: this.sandbox.sam, env: this.sandbox.samEnv});
		return result.kind === 'git' && result.result.exitCode === 0;
	}

	/** Plays a setup line; with mustSucceed, a failure is a broken lesson, said with its place. */
	private async playLine(line: string, where: string, options: {mustSucceed: boolean; asSam?: boolean}): Promise<void> {
		const runner = options.asSam ? {repo: this.sandbox.sam, env: this.sandbox.samEnv} : {repo: this.sandbox.repo, env: this.sandbox.env};
		const result = await runLine(line, runner);
		const failed = result.kind === 'refused' || (result.kind === 'git' && result.result.exitCode !== 0) || (result.kind === 'helper' && result.exitCode !== 0);
		// A line the tutor refuses is a broken lesson even where git may fail: lessons go through the same allow-list.
		if ((options.mustSucceed && failed) || result.kind === 'refused') {
			const said = result.kind === 'refused' ? result.message : result.kind === 'git' ? result.result.output : result.kind === 'helper' ? result.output : '';
			throw new SetupError(`${where}: "${line}" failed: ${this.mask(said).trim()}`);
		}
	}
}
